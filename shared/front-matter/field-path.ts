/**
 * Field paths such as `title`, `banner.image`, `tags.0` or `tags[0]`, used by the CLI, the form
 * and the editor to name one value in the front matter.
 */
import { SourceError } from '../source-error';

export type FieldPath = (string | number)[];

/** Parses `a.b[0]."c.d"` into segments; numbers after a dot or in brackets are list indexes. */
export function parseFieldPath(input: string): FieldPath {
  const fail = (why: string): never => {
    throw new SourceError('bad-path', `invalid field path '${input}': ${why}`);
  };
  if (typeof input !== 'string' || input.trim() === '') fail('it is empty');
  const out: FieldPath = [];
  let i = 0;
  let expectSegment = true;
  while (i < input.length) {
    const ch = input[i];
    if (expectSegment) {
      if (ch === '"' || ch === "'") {
        const close = input.indexOf(ch, i + 1);
        if (close < 0) fail('an unclosed quote');
        out.push(input.slice(i + 1, close));
        i = close + 1;
      } else {
        let j = i;
        while (j < input.length && input[j] !== '.' && input[j] !== '[') j++;
        const seg = input.slice(i, j);
        if (seg === '') fail('an empty segment');
        if (seg.includes(']')) fail(`a stray ']' (quote the name if it holds one)`);
        out.push(/^\d+$/.test(seg) && out.length > 0 ? Number(seg) : seg);
        i = j;
      }
      expectSegment = false;
    } else if (ch === '.') {
      i++;
      expectSegment = true;
      if (i >= input.length) fail('it ends with a dot');
    } else if (ch === '[') {
      const close = input.indexOf(']', i);
      const inner = close < 0 ? '' : input.slice(i + 1, close);
      if (!/^\d+$/.test(inner)) fail('brackets must hold a list index');
      out.push(Number(inner));
      i = close + 1;
    } else {
      fail(`unexpected '${ch}'`);
    }
  }
  return out;
}

/** The path written back as text (`banner.image`, `tags[0]`). */
export function formatFieldPath(path: FieldPath): string {
  return path
    .map((seg, i) => {
      if (typeof seg === 'number') return `[${seg}]`;
      // Quoted when it would not read back as this string key: dots, brackets, quotes, digits.
      const needsQuotes = seg === '' || /[.[\]"']/.test(seg) || (i > 0 && /^\d+$/.test(seg));
      const text = !needsQuotes ? seg : seg.includes('"') && !seg.includes("'") ? `'${seg}'` : `"${seg}"`;
      return i === 0 ? text : `.${text}`;
    })
    .join('');
}

/** The value at `path` inside plain data. */
export function lookupPath(value: unknown, path: FieldPath): { found: boolean; value: unknown } {
  let current: unknown = value;
  for (const seg of path) {
    if (typeof seg === 'number' && Array.isArray(current)) {
      if (seg >= current.length) return { found: false, value: undefined };
      current = current[seg];
    } else {
      const key = String(seg);
      if (current === null || typeof current !== 'object' || Array.isArray(current) || !Object.prototype.hasOwnProperty.call(current, key)) {
        return { found: false, value: undefined };
      }
      current = (current as Record<string, unknown>)[key];
    }
  }
  return { found: true, value: current };
}
