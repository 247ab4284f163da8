/**
 * A post split for editing: the front matter YAML in its panel, the body in the editor, and the
 * exact fences and BOM kept aside so joining gives back the file byte for byte.
 */
import { detectEol, splitPost } from '../../shared/front-matter/split';

export interface PostBuffer {
  bom: string;
  open: string;
  yaml: string;
  close: string;
  body: string;
  hadFrontMatter: boolean;
  eol: string;
}

export function toBuffer(text: string): PostBuffer {
  const parts = splitPost(text);
  const eol = detectEol(text);
  const fm = parts.frontMatter;
  return {
    bom: parts.bom,
    open: fm?.open ?? `---${eol}`,
    yaml: fm?.yaml ?? '',
    close: fm?.close ?? `---${eol}`,
    body: parts.body,
    hadFrontMatter: fm !== null,
    eol,
  };
}

/** The file text for a buffer; a post without front matter only gets fences once YAML is typed. */
export function fromBuffer(b: PostBuffer): string {
  if (!b.hadFrontMatter && b.yaml.trim() === '') return b.bom + b.body;
  let yaml = b.yaml;
  if (yaml !== '' && !yaml.endsWith('\n')) yaml += b.eol;
  return b.bom + b.open + yaml + b.close + b.body;
}

/** 1-based file line where the body starts, to map editor lines to file lines. */
export function bodyFirstLine(b: PostBuffer): number {
  const before = fromBuffer({ ...b, body: '' });
  return before.split('\n').length;
}
