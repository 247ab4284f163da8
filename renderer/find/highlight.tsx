/**
 * Text with some characters marked: fuzzy matches (character indexes) or search hits (ranges).
 */
import { memo } from 'react';

interface Props {
  text: string;
  /** Sorted indexes of marked characters (fuzzysort), or… */
  indexes?: readonly number[];
  /** …sorted `[start, end)` ranges (full-text search). */
  ranges?: readonly (readonly [number, number])[];
}

export const Highlight = memo(function Highlight({ text, indexes, ranges }: Props) {
  const spans = ranges ?? toRanges(indexes ?? []);
  if (!spans.length) return <>{text}</>;
  const out: React.ReactNode[] = [];
  let at = 0;
  for (const [start, end] of spans) {
    if (start > at) out.push(text.slice(at, start));
    out.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) out.push(text.slice(at));
  return <>{out}</>;
});

/** Runs of consecutive indexes as ranges, so "reboot" is one mark, not six. */
export function toRanges(indexes: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const i of indexes) {
    const last = out.at(-1);
    if (last && last[1] === i) last[1] = i + 1;
    else out.push([i, i + 1]);
  }
  return out;
}
