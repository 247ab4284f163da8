/**
 * The lossless front-matter editor: set or delete one field and change only that field's text.
 *
 * We never re-serialise the YAML. `yaml` parses the block to find the source range of the
 * value (or of the map/list to extend), new text is spliced into the original string in the
 * style the field already has, and the result is parsed again and compared with the intent;
 * anything unexpected throws instead of returning damaged text.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, Scalar, type Document, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { SourceError } from '../source-error';
import { readYaml, YamlDate, YamlTime } from '../yaml/read-yaml';
import { formatFieldPath, lookupPath, type FieldPath } from './field-path';
import { detectEol, splitPost, type PostParts } from './split';
import { fitsFlow, isScalarValue, renderBlock, renderFlow, renderKey, renderScalar, type BlockLayout, type PlainValue, type ScalarStyle } from './yaml-render';

export type { PlainValue };

export interface EditResult {
  text: string;
  changed: boolean;
}

type AnyNode = unknown;

interface Ctx {
  yaml: string;
  doc: Document;
  layout: BlockLayout;
}

const DELETED = Symbol('deleted');

function badPath(path: FieldPath, why: string): never {
  throw new SourceError('bad-path', `cannot change ${formatFieldPath(path)}: ${why}`);
}

/** Deep equality of YAML values as Jekyll sees them. */
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

function firstLineOfYaml(text: string, parts: PostParts): number {
  return text.slice(0, parts.frontMatter!.yamlOffset).split('\n').length;
}

function parseBlock(text: string, parts: PostParts): Document {
  const yaml = parts.frontMatter!.yaml;
  const doc = parseDocument(yaml, { schema: 'failsafe', uniqueKeys: false, prettyErrors: false, strict: false });
  const read = readYaml(yaml);
  const first = firstLineOfYaml(text, parts);
  if (!read.ok) throw new SourceError('invalid-yaml', `invalid front matter: ${read.message}`, { line: read.line + first - 1, col: read.col });
  if (doc.errors[0]) {
    throw new SourceError('unsupported-yaml', 'this front matter is valid for Jekyll but written in a way Postwright cannot edit field by field yet (a quoted value continued on an unindented line); edit it as text', { line: first, col: 1 });
  }
  return doc;
}

function colOf(yaml: string, offset: number): number {
  return offset - (yaml.lastIndexOf('\n', offset - 1) + 1);
}

function isBlockCollection(node: AnyNode): boolean {
  return (isMap(node) || isSeq(node)) && !(node as YAMLMap).flow;
}

function isBlockScalar(node: AnyNode): boolean {
  return isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED);
}

function styleOf(node: AnyNode): ScalarStyle {
  if (!isScalar(node)) return 'plain';
  if (node.type === Scalar.QUOTE_DOUBLE) return 'double';
  if (node.type === Scalar.QUOTE_SINGLE) return 'single';
  return 'plain';
}

function itemStyle(node: AnyNode): ScalarStyle {
  if (!isSeq(node) && !isMap(node)) return styleOf(node);
  for (const item of (node as YAMLSeq).items) {
    const v = isPair(item) ? item.value : item;
    if (isScalar(v)) return styleOf(v);
  }
  return 'plain';
}

function rangeOf(node: AnyNode): [number, number, number] {
  return (node as { range: [number, number, number] }).range;
}

function isNullNode(node: AnyNode): boolean {
  return node === null || node === undefined || (isScalar(node) && node.type === Scalar.PLAIN && /^(~|null|Null|NULL|)$/.test(String(node.value ?? '')));
}

/** How the file indents nested maps and lists, so new lines look like the old ones. */
function detectLayout(yaml: string, doc: Document, eol: string): BlockLayout {
  let unit = 0;
  let dashIndent = -1;
  const visit = (node: AnyNode, keyCol: number) => {
    if (isMap(node) && !node.flow) {
      const col = colOf(yaml, rangeOf(node)[0]);
      if (keyCol >= 0 && !unit && col > keyCol) unit = col - keyCol;
      for (const pair of node.items) visit(pair.value, colOf(yaml, rangeOf(pair.key)[0]));
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

/** `key: value` lines for a path that does not exist yet, at `indent`. */
function renderEntry(path: FieldPath, value: PlainValue, indent: number, layout: BlockLayout, fullPath: FieldPath): string {
  const [head, ...rest] = path;
  if (typeof head === 'number') badPath(fullPath, `there is no item ${head} to change`);
  const key = renderKey(String(head));
  const pad = ' '.repeat(indent);
  if (rest.length) {
    if (typeof rest[0] === 'number') {
      if (rest[0] !== 0 || rest.length > 1) badPath(fullPath, `there is no item ${rest[0]} to change`);
      return `${pad}${key}: ${renderFlow([value])}${layout.eol}`;
    }
    const child = indent + layout.unit;
    return `${pad}${key}:${layout.eol}${renderEntry(rest, value, child, layout, fullPath)}`;
  }
  return `${pad}${key}:${renderValueAfterKey(value, indent, layout, 'plain')}${layout.eol}`;
}

/** Text after `key:` for a new value: ` scalar`, ` [a, b]`, or a block on the next lines. */
function renderValueAfterKey(value: PlainValue, keyCol: number, layout: BlockLayout, style: ScalarStyle): string {
  if (isScalarValue(value)) {
    const s = renderScalar(value, style);
    return s === '' ? '' : ` ${s}`;
  }
  if (Array.isArray(value)) {
    if (value.length === 0 || fitsFlow(value)) return ` ${renderFlow(value, style)}`;
    const indent = keyCol + layout.dashIndent;
    return `${layout.eol}${' '.repeat(indent)}${renderBlock(value, indent, layout, style).slice(0, -layout.eol.length)}`;
  }
  if (Object.keys(value).length === 0) return ' {}';
  const indent = keyCol + layout.unit;
  return `${layout.eol}${' '.repeat(indent)}${renderBlock(value, indent, layout, style).slice(0, -layout.eol.length)}`;
}

interface Splice {
  start: number;
  end: number;
  text: string;
}

function colonEnd(yaml: string, pair: Pair): number {
  const keyEnd = rangeOf(pair.key)[1];
  const colon = yaml.indexOf(':', keyEnd);
  return colon + 1;
}

/** The splice that replaces the value of `pair` (or seq item `node`) with `value`. */
function replaceValue(ctx: Ctx, node: AnyNode, pair: Pair | null, value: PlainValue): Splice {
  const { yaml, layout } = ctx;
  const hasNode = node !== null && node !== undefined;
  const [r0, r1] = hasNode ? rangeOf(node) : [colonEnd(yaml, pair!), colonEnd(yaml, pair!)];
  const keyCol = pair ? colOf(yaml, rangeOf(pair.key)[0]) : colOf(yaml, r0);
  const blockish = hasNode && (isBlockCollection(node) || isBlockScalar(node));

  // Same shape as before: keep the node's own style.
  if (Array.isArray(value) && isSeq(node)) {
    if (node.flow) return { start: r0, end: r1, text: renderFlow(value, itemStyle(node), yaml[r0 + 1] === ' ') };
    if (value.length) return { start: r0, end: r1, text: renderBlock(value, colOf(yaml, r0), layout, itemStyle(node)) };
  }
  if (!Array.isArray(value) && !isScalarValue(value) && isMap(node)) {
    if (node.flow) return { start: r0, end: r1, text: renderFlow(value, itemStyle(node), yaml[r0 + 1] === ' ') };
    if (Object.keys(value).length) return { start: r0, end: r1, text: renderBlock(value, colOf(yaml, r0), layout, itemStyle(node)) };
  }
  if (isScalarValue(value) && hasNode && !blockish) {
    const text = renderScalar(value, styleOf(node));
    const needsSpace = r0 === r1 && yaml[r0 - 1] === ':';
    return { start: r0, end: r1, text: needsSpace && text ? ` ${text}` : text };
  }
  // The shape changes (scalar ↔ collection, or a block scalar): rewrite after the colon.
  if (pair) {
    const start = colonEnd(yaml, pair);
    const end = hasNode ? r1 : start;
    const after = renderValueAfterKey(value, keyCol, layout, isScalarValue(value) ? styleOf(node) : 'plain');
    return { start, end, text: blockish ? `${after}${layout.eol}` : after };
  }
  // A list item.
  const inline = isScalarValue(value) ? renderScalar(value, styleOf(node), true) : renderFlow(value);
  return { start: r0, end: r1, text: blockish ? `${inline}${layout.eol}` : inline };
}

/** Where and what to insert for a new `path` (relative) inside an existing map. */
function insertIntoMap(ctx: Ctx, map: YAMLMap, rest: FieldPath, value: PlainValue, fullPath: FieldPath): Splice {
  const { yaml, layout } = ctx;
  const [r0, r1] = rangeOf(map);
  if (map.flow) {
    if (rest.length > 1) badPath(fullPath, 'new nested keys inside a {flow} map are not supported');
    const close = yaml.lastIndexOf('}', r1);
    const entry = `${renderKey(String(rest[0]))}: ${isScalarValue(value) ? renderScalar(value, 'plain', true) : renderFlow(value)}`;
    return { start: close, end: close, text: map.items.length ? `, ${entry}` : entry };
  }
  const indent = map.items.length ? colOf(yaml, rangeOf(map.items[0].key)[0]) : colOf(yaml, r0);
  const entry = renderEntry(rest, value, indent, layout, fullPath);
  let at = r1;
  let prefix = '';
  if (at > 0 && yaml[at - 1] !== '\n') {
    const nl = yaml.indexOf('\n', at);
    if (nl >= 0) at = nl + 1;
    else {
      at = yaml.length;
      prefix = layout.eol;
    }
  }
  return { start: at, end: at, text: prefix + entry };
}

function appendToSeq(ctx: Ctx, seq: YAMLSeq, value: PlainValue): Splice {
  const { yaml, layout } = ctx;
  const [r0, r1] = rangeOf(seq);
  const style = itemStyle(seq);
  const inline = isScalarValue(value) ? renderScalar(value, style, true) : renderFlow(value, style);
  if (seq.flow) {
    const close = yaml.lastIndexOf(']', r1);
    let before = close;
    while (before > r0 && yaml[before - 1] === ' ') before--;
    return { start: before, end: before, text: seq.items.length ? `, ${inline}` : inline };
  }
  const dash = yaml.lastIndexOf('-', r0);
  const indent = colOf(yaml, dash);
  let at = r1;
  if (yaml[at - 1] !== '\n') {
    const nl = yaml.indexOf('\n', at);
    at = nl >= 0 ? nl + 1 : yaml.length;
  }
  const prefix = yaml[at - 1] === '\n' || at === 0 ? '' : layout.eol;
  return { start: at, end: at, text: `${prefix}${' '.repeat(indent)}- ${inline}${layout.eol}` };
}

function lastPair(map: YAMLMap, key: string): Pair | undefined {
  let found: Pair | undefined;
  for (const pair of map.items) {
    if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === key) found = pair;
  }
  return found;
}

/** Removes one entry (a pair's or an item's lines) from a block or flow collection. */
function removeEntry(ctx: Ctx, parent: YAMLMap | YAMLSeq, index: number, path: FieldPath): Splice {
  const { yaml } = ctx;
  const item = parent.items[index] as AnyNode;
  const startOf = (it: AnyNode) => (isPair(it) ? rangeOf(it.key)[0] : rangeOf(it)[0]);
  const endOf = (it: AnyNode) => {
    const v = isPair(it) ? it.value ?? it.key : it;
    return rangeOf(v)[1];
  };
  if ((parent as YAMLMap).flow) {
    const items = parent.items as AnyNode[];
    if (index < items.length - 1) return { start: startOf(item), end: startOf(items[index + 1]), text: '' };
    if (index > 0) return { start: endOf(items[index - 1]), end: endOf(item), text: '' };
    return { start: startOf(item), end: endOf(item), text: '' };
  }
  let first = startOf(item);
  if (isSeq(parent)) first = yaml.lastIndexOf('-', first);
  const lineStart = yaml.lastIndexOf('\n', first - 1) + 1;
  if (yaml.slice(lineStart, first).trim() !== '') badPath(path, 'it shares its line with another entry');
  const valueNode = isPair(item) ? item.value ?? item.key : item;
  let end = isBlockCollection(valueNode) || isBlockScalar(valueNode) ? rangeOf(valueNode)[1] : rangeOf(valueNode)[2];
  if (end > 0 && yaml[end - 1] !== '\n') {
    const nl = yaml.indexOf('\n', end);
    end = nl >= 0 ? nl + 1 : yaml.length;
  }
  return { start: lineStart, end, text: '' };
}

/** Finds the splice for setting (or deleting, with DELETED) the value at `path`. */
function planEdit(ctx: Ctx, path: FieldPath, value: PlainValue | typeof DELETED): Splice | null {
  const { doc, yaml } = ctx;
  let node: AnyNode = doc.contents;
  let pair: Pair | null = null;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    if (isNullNode(node) && (pair || i === 0)) {
      if (value === DELETED) return null;
      if (i === 0) {
        const entry = renderEntry(path, value, 0, ctx.layout, path);
        const at = yaml.length;
        return { start: at, end: at, text: (at > 0 && yaml[at - 1] !== '\n' ? ctx.layout.eol : '') + entry };
      }
      const nested = buildNested(path.slice(i), value, path);
      return replaceValue(ctx, node, pair, nested);
    }
    if (isMap(node)) {
      const key = String(seg);
      const found = lastPair(node, key);
      if (!found) {
        if (value === DELETED) return null;
        return insertIntoMap(ctx, node, path.slice(i), value, path);
      }
      if (last && value === DELETED) return removeEntry(ctx, node, node.items.indexOf(found), path);
      pair = found;
      node = found.value;
    } else if (isSeq(node)) {
      if (typeof seg !== 'number') badPath(path, `${formatFieldPath(path.slice(0, i))} is a list; use an item number`);
      if (seg < node.items.length) {
        if (last && value === DELETED) return removeEntry(ctx, node, seg, path);
        pair = null;
        node = node.items[seg];
      } else if (seg === node.items.length && last) {
        if (value === DELETED) return null;
        return appendToSeq(ctx, node, value);
      } else {
        if (value === DELETED) return null;
        badPath(path, `the list has only ${node.items.length} items`);
      }
    } else {
      if (value === DELETED) return null;
      badPath(path, `${formatFieldPath(path.slice(0, i)) || 'the front matter'} is not a map or list`);
    }
  }
  if (value === DELETED) return null;
  return replaceValue(ctx, node, pair, value);
}

function buildNested(path: FieldPath, value: PlainValue, fullPath: FieldPath): PlainValue {
  let out = value;
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i];
    if (typeof seg === 'number') {
      if (seg !== 0) badPath(fullPath, `there is no item ${seg} to change`);
      out = [out];
    } else out = { [seg]: out };
  }
  return out;
}

function apply(text: string, path: FieldPath, value: PlainValue | typeof DELETED): EditResult {
  if (!path.length) badPath(path, 'the path is empty');
  const parts = splitPost(text);
  const eol = detectEol(text);
  let newText: string;
  if (!parts.frontMatter) {
    if (value === DELETED) return { text, changed: false };
    const layout: BlockLayout = { unit: 2, dashIndent: 2, eol };
    newText = `${parts.bom}---${eol}${renderEntry(path, value, 0, layout, path)}---${eol}${parts.body}`;
  } else {
    const yaml = parts.frontMatter.yaml;
    const current = readYaml(yaml);
    const before = current.ok ? lookupPath(current.value, path) : { found: false, value: undefined };
    if (current.ok && value !== DELETED && before.found && sameYamlValue(before.value, value)) return { text, changed: false };
    if (current.ok && value === DELETED && !before.found) return { text, changed: false };
    const doc = parseBlock(text, parts);
    const ctx: Ctx = { yaml, doc, layout: detectLayout(yaml, doc, eol) };
    const splice = planEdit(ctx, path, value);
    if (!splice) return { text, changed: false };
    const newYaml = yaml.slice(0, splice.start) + splice.text + yaml.slice(splice.end);
    const fm = parts.frontMatter;
    newText = parts.bom + fm.open + newYaml + fm.close + parts.body;
  }
  verify(text, newText, path, value);
  return { text: newText, changed: newText !== text };
}

function topLevel(text: string): { body: string; bom: string; data: Record<string, unknown> } {
  const parts = splitPost(text);
  let data: Record<string, unknown> = {};
  if (parts.frontMatter) {
    const read = readYaml(parts.frontMatter.yaml);
    if (!read.ok) throw new SourceError('edit-failed', `the edit would make the front matter invalid (${read.message}); nothing was changed`);
    if (read.value && typeof read.value === 'object' && !Array.isArray(read.value)) data = read.value as Record<string, unknown>;
  }
  return { body: parts.body, bom: parts.bom, data };
}

/** Re-reads the result: the field has the new value, everything else is as it was. */
function verify(oldText: string, newText: string, path: FieldPath, value: PlainValue | typeof DELETED): void {
  const before = topLevel(oldText);
  const after = topLevel(newText);
  const fail = (why: string): never => {
    throw new SourceError('edit-failed', `could not change ${formatFieldPath(path)} safely (${why}); nothing was changed`);
  };
  if (after.body !== before.body || after.bom !== before.bom) fail('the body would change');
  const last = path[path.length - 1];
  if (value === DELETED && typeof last === 'number') {
    const oldList = lookupPath(before.data, path.slice(0, -1)).value as unknown[];
    const newList = lookupPath(after.data, path.slice(0, -1)).value;
    const expected = oldList.filter((_, i) => i !== last);
    if (!sameYamlValue(newList ?? [], expected)) fail('the list did not lose exactly that item');
  } else {
    const got = lookupPath(after.data, path);
    if (value === DELETED ? got.found : !got.found || !sameYamlValue(got.value, value)) fail('the value did not read back as written');
  }
  const head = String(path[0]);
  for (const key of new Set([...Object.keys(before.data), ...Object.keys(after.data)])) {
    if (key === head) continue;
    if (!sameYamlValue(before.data[key], after.data[key])) fail(`${key} would change too`);
  }
}

/** Sets the value at `path`; only that field's lines change. */
export function setField(text: string, path: FieldPath, value: PlainValue): EditResult {
  return apply(text, path, value);
}

/** Sets the value at `path` from YAML source (`"a: b"`, `[x, y]`, `true`, a date). */
export function setFieldSource(text: string, path: FieldPath, yamlSource: string): EditResult {
  const read = readYaml(`v: ${yamlSource.includes('\n') ? `\n  ${yamlSource.split('\n').join('\n  ')}` : yamlSource}`);
  if (!read.ok) throw new SourceError('invalid-value', `'${yamlSource}' is not valid YAML: ${read.message}`);
  const value = (read.value as Record<string, PlainValue> | null)?.v ?? null;
  return apply(text, path, value);
}

/** Deletes the field (or list item) at `path`; a missing field is no change. */
export function deleteField(text: string, path: FieldPath): EditResult {
  return apply(text, path, DELETED);
}
