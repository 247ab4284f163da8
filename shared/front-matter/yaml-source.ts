/**
 * Where things are in the front matter's source: node ranges, line ends, trailing comments, the
 * quoting and layout a file already uses. Helpers for the lossless editor.
 */
import { isMap, isPair, isScalar, isSeq, Scalar, type Document, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { BlockLayout, ScalarStyle } from './yaml-render';

export type AnyNode = unknown;
export type Collection = YAMLMap | YAMLSeq;

export function rangeOf(node: AnyNode): [number, number, number] {
  return (node as { range: [number, number, number] }).range;
}

export function colOf(yaml: string, offset: number): number {
  return offset - (yaml.lastIndexOf('\n', offset - 1) + 1);
}

/** End of the line holding `offset`, before its `\r\n` or `\n`. */
export function lineEndOf(yaml: string, offset: number): number {
  let nl = yaml.indexOf('\n', offset);
  if (nl < 0) nl = yaml.length;
  return nl > offset && yaml[nl - 1] === '\r' ? nl - 1 : nl;
}

/** The trailing `   # comment` of a line's rest, with the spaces before it, or ''. */
export function commentIn(rest: string): string {
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '#' && (i === 0 || rest[i - 1] === ' ' || rest[i - 1] === '\t')) {
      let start = i;
      while (start > 0 && (rest[start - 1] === ' ' || rest[start - 1] === '\t')) start--;
      return rest.slice(start);
    }
  }
  return '';
}

export function isBlockCollection(node: AnyNode): boolean {
  return (isMap(node) || isSeq(node)) && !(node as Collection).flow;
}

export function isBlockScalar(node: AnyNode): boolean {
  return isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED);
}

export function isEmptyNode(node: AnyNode): boolean {
  if (node === null || node === undefined) return true;
  if (!isScalar(node)) return false;
  const [r0, r1] = rangeOf(node);
  return r0 === r1;
}

export function isNullNode(node: AnyNode): boolean {
  return isEmptyNode(node) || (isScalar(node) && node.type === Scalar.PLAIN && /^(~|null|Null|NULL)$/.test(String(node.value)));
}

export function styleOf(node: AnyNode): ScalarStyle {
  if (!isScalar(node)) return 'plain';
  if (node.type === Scalar.QUOTE_DOUBLE) return 'double';
  if (node.type === Scalar.QUOTE_SINGLE) return 'single';
  return 'plain';
}

/** The quoting the items of a collection use, for new items. */
export function itemStyle(node: AnyNode): ScalarStyle {
  if (!isSeq(node) && !isMap(node)) return styleOf(node);
  for (const item of (node as YAMLSeq).items) {
    const v = isPair(item) ? item.value : item;
    if (isScalar(v) && !isEmptyNode(v)) return styleOf(v);
  }
  return 'plain';
}

/** True when a flow collection is written with inner spaces, `[ a, b ]`. */
export function spacedFlow(yaml: string, node: AnyNode): boolean {
  const [r0] = rangeOf(node);
  return yaml[r0 + 1] === ' ' && yaml[r0 + 2] !== undefined && !'}]'.includes(yaml[r0 + 2]);
}

/** How the file indents nested maps and lists, so new lines look like the old ones. */
export function detectLayout(yaml: string, doc: Document, eol: string): BlockLayout {
  let unit = 0;
  let dashIndent = -1;
  const visit = (node: AnyNode, keyCol: number) => {
    if (isMap(node) && !node.flow) {
      const col = colOf(yaml, rangeOf(node)[0]);
      if (keyCol >= 0 && !unit && col > keyCol) unit = col - keyCol;
      for (const pair of node.items) if (pair.key) visit(pair.value, colOf(yaml, rangeOf(pair.key)[0]));
    } else if (isSeq(node) && !node.flow) {
      if (keyCol >= 0 && dashIndent < 0) {
        const dash = yaml.lastIndexOf('-', rangeOf(node)[0]);
        dashIndent = Math.max(0, colOf(yaml, dash) - keyCol);
      }
    }
  };
  visit(doc.contents, -1);
  return { unit: unit || 2, dashIndent: dashIndent < 0 ? 2 : dashIndent, eol };
}

export function colonEnd(yaml: string, pair: Pair): number {
  return yaml.indexOf(':', rangeOf(pair.key)[1]) + 1;
}

/** Just after the `:` of a pair or the `-` of a list item whose value node is `node`. */
export function indicatorEnd(yaml: string, node: AnyNode, pair: Pair | null): number {
  if (pair) return colonEnd(yaml, pair);
  return yaml.lastIndexOf('-', rangeOf(node)[0] - 1) + 1;
}

export function lastPair(map: YAMLMap, key: string): Pair | undefined {
  let found: Pair | undefined;
  for (const pair of map.items) {
    if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === key) found = pair;
  }
  return found;
}
