/**
 * Text helpers for full-text search: query words, case folding that keeps offsets, and a short
 * snippet of a line with the ranges of the query words in it.
 */

/** Length of a snippet around the first match of a long line. */
const SNIPPET_CHARS = 160;
/** Characters shown before the first match when a line is cut. */
const LEAD_CHARS = 40;

/** The distinct lower-case words of a query, longest first (so a range of "reboots" wins over "reboot"). */
export function queryWords(query: string): string[] {
  const words = [...new Set(foldCase(query).split(/\s+/).filter(Boolean))];
  return words.sort((a, b) => b.length - a.length);
}

/** Lower case with the same length as the input, so offsets in it are offsets in the text. */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/** A line cut to a snippet around its first match, and the `[start, end)` ranges of every word in it. */
export function snippetOf(line: string, lower: string, words: string[]): { text: string; ranges: [number, number][] } {
  let first = -1;
  for (const w of words) {
    const at = lower.indexOf(w);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  let start = 0;
  let end = line.length;
  while (start < end && /\s/.test(line[start])) start++;
  while (end > start && /\s/.test(line[end - 1])) end--;
  if (end - start > SNIPPET_CHARS) {
    start = Math.max(start, Math.min(first - LEAD_CHARS, end - SNIPPET_CHARS));
    end = Math.min(end, start + SNIPPET_CHARS);
  }
  const prefix = start > 0 && line.slice(0, start).trim() ? '…' : '';
  const suffix = end < line.length && line.slice(end).trim() ? '…' : '';
  const text = prefix + line.slice(start, end) + suffix;
  const marked = new Uint8Array(end - start);
  const part = lower.slice(start, end);
  for (const w of words) {
    for (let at = part.indexOf(w); at >= 0; at = part.indexOf(w, at + w.length)) marked.fill(1, at, at + w.length);
  }
  const ranges: [number, number][] = [];
  for (let i = 0; i < marked.length; i++) {
    if (!marked[i]) continue;
    let j = i;
    while (j < marked.length && marked[j]) j++;
    ranges.push([i + prefix.length, j + prefix.length]);
    i = j;
  }
  return { text, ranges };
}
