/**
 * A post's front matter as Jekyll reads it, with problems placed in the whole file.
 *
 * One place for "split, read the YAML, insist on a map", which the CLI, the save path, the
 * lifecycle, git messages and tag batches all need.
 */
import { readYaml } from '../yaml/read-yaml';
import { splitPost } from './split';

export type FrontMatterReading =
  | { ok: true; data: Record<string, unknown> | null }
  | { ok: false; kind: 'invalid-yaml' | 'not-a-map'; message: string; line: number; col: number };

/** `data` is null when the post has no front matter or an empty one. Lines and columns are 1-based, in the file. */
export function readFrontMatter(text: string): FrontMatterReading {
  const fm = splitPost(text).frontMatter;
  if (!fm) return { ok: true, data: null };
  const parsed = readYaml(fm.yaml);
  const firstLine = text.slice(0, fm.yamlOffset).split('\n').length;
  if (!parsed.ok) return { ok: false, kind: 'invalid-yaml', message: parsed.message, line: parsed.line + firstLine - 1, col: parsed.col };
  const v = parsed.value;
  if (v === null) return { ok: true, data: null };
  if (typeof v !== 'object' || Array.isArray(v)) return { ok: false, kind: 'not-a-map', message: 'the front matter is not a map of keys and values', line: firstLine, col: 1 };
  return { ok: true, data: v as Record<string, unknown> };
}

/** The front matter's keys and values, or {} when it has none or cannot be read. */
export function frontMatterData(text: string): Record<string, unknown> {
  const reading = readFrontMatter(text);
  return reading.ok && reading.data ? reading.data : {};
}
