/**
 * Renaming, merging and deleting tags or categories in one post's text, through the lossless
 * editor: only the tags/categories lines change, the string form is kept while every name is one
 * word, and trailing comments stay.
 */
import { deleteField, setField, type EditResult } from '../front-matter/edit-front-matter';
import { termsOf, termsValue } from '../front-matter/form-values';
import { readFrontMatter } from '../front-matter/read-front-matter';

export type TermKind = 'tag' | 'category';

export type TermOperation =
  | { op: 'rename'; kind: TermKind; from: string; to: string }
  | { op: 'merge'; kind: TermKind; from: string[]; into: string }
  | { op: 'delete'; kind: TermKind; name: string };

/** The front-matter keys holding terms of a kind, as Jekyll reads them. */
export function keysFor(kind: TermKind): [string, string] {
  return kind === 'tag' ? ['tags', 'tag'] : ['categories', 'category'];
}

function mapNames(names: string[], operation: TermOperation): string[] {
  const out: string[] = [];
  const push = (n: string) => {
    if (!out.includes(n)) out.push(n);
  };
  for (const name of names) {
    if (operation.op === 'rename') push(name === operation.from ? operation.to : name);
    else if (operation.op === 'merge') push(operation.from.includes(name) ? operation.into : name);
    else if (name !== operation.name) push(name);
  }
  return out;
}

/** The names an operation changes: a post without any of them is left as it is. */
export function sourceNames(operation: TermOperation): string[] {
  return operation.op === 'rename' ? [operation.from] : operation.op === 'merge' ? operation.from : [operation.name];
}

/** Names a scalar that is not a string could stand for once made text (`2019`, `1e3`, `true`…). */
const FROM_NON_STRING = /^(?:[-+]?[\d.]|[-+]?Infinity$|NaN$|true$|false$)/;

/**
 * False when the post's text cannot hold any name the operation changes, so it need not be
 * parsed: every name read from a string is in the text, piece by piece between white space,
 * quotes and commas (folding and quoting only touch those), unless an escape (a backslash) wrote
 * it otherwise. Names a number, a boolean or a date could give are always looked for properly.
 */
export function mayHaveTerm(text: string, operation: TermOperation): boolean {
  if (text.includes('\\')) return true;
  return sourceNames(operation).some((name) => {
    if (FROM_NON_STRING.test(name)) return true;
    return name.split(/[\s'",]+/).every((piece) => text.includes(piece));
  });
}

/** Applies the operation to one post; unchanged posts come back identical. */
export function applyTermOperation(text: string, operation: TermOperation): EditResult {
  const reading = readFrontMatter(text);
  if (!reading.ok || !reading.data) return { text, changed: false };
  const data = reading.data;
  const sources = sourceNames(operation);
  let out = text;
  for (const key of keysFor(operation.kind)) {
    if (!(key in data) || data[key] === null) continue;
    const names = termsOf(key, data[key]);
    // Only a post that has the term is touched (its duplicates go with the change, others' stay).
    if (!names.some((n) => sources.includes(n))) continue;
    const next = mapNames(names, operation);
    if (next.length === names.length && next.every((n, i) => n === names[i])) continue;
    if (next.length === 0 && typeof data[key] === 'string') out = deleteField(out, [key]).text;
    else out = setField(out, [key], termsValue(key, data[key], next)).text;
  }
  return { text: out, changed: out !== text };
}

/** Names that look like the same term written differently (case, spaces vs hyphens, plural). */
export function nearDuplicates(names: readonly string[]): string[][] {
  const norm = (n: string) =>
    n
      .toLowerCase()
      .replace(/[\s_-]+/g, '-')
      .replace(/(ies)$/, 'y')
      .replace(/(?<!s)s$/, '');
  const groups = new Map<string, string[]>();
  for (const name of names) {
    const key = norm(name);
    const list = groups.get(key) ?? [];
    if (!list.includes(name)) list.push(name);
    groups.set(key, list);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

/** Lines that differ between two texts (1-based), for the preview of a batch. */
export function changedLines(before: string, after: string): { line: number; before: string; after: string }[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const out: { line: number; before: string; after: string }[] = [];
  if (a.length === b.length) {
    a.forEach((line, i) => {
      if (line !== b[i]) out.push({ line: i + 1, before: line, after: b[i] });
    });
    return out;
  }
  // Lines were added or removed: report the differing region.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length - 1;
  let endB = b.length - 1;
  while (endA >= start && endB >= start && a[endA] === b[endB]) {
    endA--;
    endB--;
  }
  out.push({ line: start + 1, before: a.slice(start, endA + 1).join('\n'), after: b.slice(start, endB + 1).join('\n') });
  return out;
}
