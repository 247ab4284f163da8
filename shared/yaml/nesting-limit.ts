/**
 * Refuses YAML nested deeper than anyone writes, before the recursive parser sees it.
 *
 * `yaml` parses and composes nested collections by recursion: `title: [[[[…` ten thousand deep
 * overflows the stack, and near the limit V8 can even abort the whole process instead of
 * throwing. The lexer is a flat loop, so its tokens are counted here: flow brackets exactly, block
 * nesting by indentation levels plus compact `- - ` indicators (an over-estimate, never an under-).
 */
import { CST, Lexer } from 'yaml';

/** More levels than any front matter or `_config.yml` needs; well below where the parser breaks. */
export const MAX_YAML_NESTING = 200;

/** Tokens the lexer adds that are not characters of the source. */
const MARKERS = new Set(['\x02', '\x18', '\x1f']);

/**
 * A cheap upper bound of the nesting, so ordinary YAML skips the lexer: flow levels are at most the
 * brackets opened, and the block nodes enclosing a line's deepest node have distinct columns, so
 * they number at most its indentation plus the indicators (`-`, `?`, `:`) on that line, plus one.
 */
function nestingBound(source: string): number {
  let openers = 0;
  let deepestLine = 0;
  let indent = 0;
  let indicators = 0;
  let atStart = true;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x0a) {
      deepestLine = Math.max(deepestLine, indent + indicators + 1);
      [indent, indicators, atStart] = [0, 0, true];
    } else if (atStart && c === 0x20) indent++;
    else {
      atStart = false;
      if (c === 0x5b || c === 0x7b) openers++;
      else if (c === 0x2d || c === 0x3f || c === 0x3a) indicators++;
    }
  }
  return openers + Math.max(deepestLine, indent + indicators + 1);
}

/** Offset where `source` nests deeper than `limit` levels, or -1 when it does not. */
export function excessiveNesting(source: string, limit = MAX_YAML_NESTING): number {
  if (nestingBound(source) <= limit) return -1;

  let offset = 0;
  let flow = 0;
  let compact = 0;
  let lineIndent = 0;
  let atLineStart = true;
  let indicatorsOnly = true;
  let scalarValueNext = false;
  const indents: number[] = [];
  for (const token of new Lexer().lex(source)) {
    const at = offset;
    if (!MARKERS.has(token)) offset += token.length;
    if (scalarValueNext) {
      // A scalar's own text (block scalars included) is never structure.
      scalarValueNext = false;
      if (token.endsWith('\n')) [atLineStart, lineIndent] = [true, 0];
      continue;
    }
    const type = CST.tokenType(token);
    if (type === 'doc-mode' || type === 'byte-order-mark') continue;
    if (type === 'newline') {
      [atLineStart, lineIndent, compact, indicatorsOnly] = [true, 0, 0, true];
      continue;
    }
    if (type === 'space') {
      if (atLineStart) lineIndent = token.length - token.trimStart().length;
      continue;
    }
    if (type === 'comment') continue;
    if (atLineStart) {
      atLineStart = false;
      while (indents.length && indents[indents.length - 1] >= lineIndent) indents.pop();
      indents.push(lineIndent);
    }
    if (type === 'scalar') scalarValueNext = true;
    if ((type === 'seq-item-ind' || type === 'explicit-key-ind') && indicatorsOnly) compact++;
    else if (type !== 'anchor' && type !== 'tag') indicatorsOnly = false;
    if (type === 'flow-seq-start' || type === 'flow-map-start') flow++;
    if ((type === 'flow-seq-end' || type === 'flow-map-end') && flow > 0) flow--;
    if (indents.length + compact + flow > limit) return at;
  }
  return -1;
}
