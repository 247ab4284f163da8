/**
 * Whether a front-matter block may be saved: it must read as YAML (the way Jekyll reads it) and
 * must not name a key twice. Psych lets the last duplicate win, so a duplicate typed by mistake
 * (`title:` pasted twice) would silently drop a value; the YAML tab shows this and autosave waits.
 */
import { parseDocument } from 'yaml';
import { readYaml } from '../../shared/yaml/read-yaml';

export interface YamlProblem {
  message: string;
  /** 1-based, in the YAML block (the YAML tab's own lines). */
  line: number;
  col: number;
}

/** The first reason `yaml` cannot be saved, or null. */
export function yamlProblem(yaml: string): YamlProblem | null {
  const read = readYaml(yaml);
  if (!read.ok) return { message: read.message, line: read.line, col: read.col };
  const v = read.value;
  if (v !== null && (typeof v !== 'object' || Array.isArray(v))) return { message: 'the front matter is not a map of keys and values', line: 1, col: 1 };
  const doc = parseDocument(yaml, { schema: 'failsafe', uniqueKeys: true, prettyErrors: false, strict: false });
  const dup = doc.errors.find((e) => e.code === 'DUPLICATE_KEY');
  if (!dup) return null;
  const at = dup.pos[0];
  const line = yaml.slice(0, at).split('\n').length;
  const col = at - (yaml.lastIndexOf('\n', at - 1) + 1) + 1;
  const key = /^[^:\n]*/.exec(yaml.slice(at))?.[0].trim() ?? '';
  return { message: `the key ${key ? `“${key}” ` : ''}appears twice`, line, col };
}

/** The problem as one sentence for the panel and the status bar. */
export function describeYamlProblem(p: YamlProblem): string {
  return `Front matter line ${p.line}, column ${p.col}: ${p.message}`;
}
