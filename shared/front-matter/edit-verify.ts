/**
 * The lossless editor's safety net: the edited file is read again and must hold exactly the old
 * data with the one requested change. Anything else throws `edit-failed`, so a caller never
 * writes damaged text.
 */
import { parseDocument } from 'yaml';
import { SourceError } from '../source-error';
import { readYaml, YamlDate, YamlTime } from '../yaml/read-yaml';
import { formatFieldPath, type FieldPath } from './field-path';
import { splitPost } from './split';
import type { PlainValue } from './yaml-render';

/** Marks a deletion where a value is expected. */
export const DELETED: unique symbol = Symbol('deleted');
export type EditValue = PlainValue | typeof DELETED;

/** Deep equality of YAML values as Jekyll sees them (key order ignored). */
export function sameYamlValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (a instanceof YamlDate || b instanceof YamlDate) return a instanceof YamlDate && b instanceof YamlDate && a.toString() === b.toString();
  if (a instanceof YamlTime || b instanceof YamlTime) return a instanceof YamlTime && b instanceof YamlTime && a.epochMs === b.epochMs && a.offsetMinutes === b.offsetMinutes;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameYamlValue(v, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameYamlValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof YamlDate) && !(value instanceof YamlTime);
}

/** `data` with the value at `path` set (missing maps created) or deleted; `data` is not touched. */
export function withChange(data: unknown, path: FieldPath, value: EditValue, at = 0): unknown {
  const seg = path[at];
  const last = at === path.length - 1;
  if (typeof seg === 'number' && (Array.isArray(data) || data === null || data === undefined)) {
    const copy = Array.isArray(data) ? data.slice() : [];
    if (last && value === DELETED) copy.splice(seg, 1);
    else copy[seg] = last ? value : withChange(copy[seg], path, value, at + 1);
    return copy;
  }
  const copy: Record<string, unknown> = isPlainObject(data) ? { ...data } : {};
  const key = String(seg);
  if (last && value === DELETED) delete copy[key];
  else copy[key] = last ? value : withChange(copy[key], path, value, at + 1);
  return copy;
}

interface Reading {
  bom: string;
  body: string;
  yaml: string | null;
  data: unknown;
}

function read(text: string, fail: (why: string) => never): Reading {
  const parts = splitPost(text);
  if (!parts.frontMatter) return { bom: parts.bom, body: parts.body, yaml: null, data: {} };
  const result = readYaml(parts.frontMatter.yaml);
  if (!result.ok) fail(`the front matter would not be valid YAML: ${result.message}`);
  const data = result.ok ? result.value : null;
  return { bom: parts.bom, body: parts.body, yaml: parts.frontMatter.yaml, data: data === null ? {} : data };
}

/** Errors the `yaml` library reports for `source` read as YAML 1.1. */
function yaml11Errors(source: string): string[] {
  const doc = parseDocument(source, { version: '1.1', uniqueKeys: false, prettyErrors: false, strict: false });
  return doc.errors.map((e) => e.message.split('\n')[0]);
}

/**
 * Re-reads `newText`: the BOM and body are unchanged, the front matter parses, and its data is
 * exactly the old data with `value` at `path` (or the entry at `path` removed).
 */
export function verifyEdit(oldText: string, newText: string, path: FieldPath, value: EditValue): void {
  const fail = (why: string): never => {
    throw new SourceError('edit-failed', `could not change ${formatFieldPath(path)} safely (${why}); nothing was changed`);
  };
  const before = read(oldText, (why) => fail(`the file could not be read before the edit: ${why}`));
  const after = read(newText, fail);
  if (after.bom !== before.bom) fail('the byte order mark would change');
  if (after.body !== before.body) fail('the body would change');
  if (after.yaml !== null) {
    const errors = yaml11Errors(after.yaml);
    if (errors.length && !(before.yaml !== null && yaml11Errors(before.yaml).length)) fail(`the YAML would not parse: ${errors[0]}`);
  }
  const expected = withChange(before.data, path, value);
  if (sameYamlValue(after.data, expected)) return;
  // Name what went wrong: the field itself, or something else.
  const head = String(path[0]);
  const oldMap = isPlainObject(before.data) ? before.data : {};
  const newMap = isPlainObject(after.data) ? after.data : {};
  for (const key of new Set([...Object.keys(oldMap), ...Object.keys(newMap)])) {
    if (key !== head && !sameYamlValue(oldMap[key], newMap[key])) fail(`${key} would change too`);
  }
  fail(value === DELETED ? 'the entry would not be removed cleanly' : 'the value did not read back as written');
}
