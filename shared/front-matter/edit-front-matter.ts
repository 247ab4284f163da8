/**
 * The lossless front-matter editor: set or delete one field and change only that field's text.
 *
 * We never re-serialise the YAML. `yaml` parses the block to find the source range of the
 * value (or of the map/list to extend), new text is spliced into the original string in the
 * style the field already has, and the result is parsed again and compared with the intent
 * (edit-verify.ts); anything unexpected throws instead of returning damaged text.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Scalar, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { SourceError } from '../source-error';
import { indentQuotedContinuationsMapped, readYaml, type ReadYamlResult } from '../yaml/read-yaml';
import { DELETED, sameYamlValue, verifyEdit, type EditValue } from './edit-verify';
import { formatFieldPath, lookupPath, type FieldPath } from './field-path';
import { detectEol, splitPost, type PostParts } from './split';
import { fitsFlow, isScalarValue, renderBlock, renderFlow, renderKey, renderScalar, type BlockLayout, type PlainValue, type ScalarStyle } from './yaml-render';
import { colOf, commentIn, detectLayout, indicatorEnd, isBlockCollection, isBlockScalar, isEmptyNode, isNullNode, itemStyle, lastPair, lineEndOf, rangeOf, spacedFlow, styleOf, type AnyNode, type Collection } from './yaml-source';

export type { PlainValue };
export { sameYamlValue };

export interface EditResult {
  text: string;
  changed: boolean;
}

/** The user's own text for a value given as YAML (`setFieldSource`), written as is where it fits. */
interface Spelling {
  text: string;
  kind: 'scalar' | 'seq' | 'map';
}

interface Writer {
  layout: BlockLayout;
  spelling: Spelling | null;
}

interface Ctx extends Writer {
  yaml: string;
  doc: Document;
}

interface Splice {
  start: number;
  end: number;
  text: string;
}

function badPath(path: FieldPath, why: string): never {
  throw new SourceError('bad-path', `cannot change ${formatFieldPath(path)}: ${why}`);
}

// ---------------------------------------------------------------------------------------------
// Reading the block

/**
 * Parses the block for editing. A quoted value continued on an unindented line (libyaml reads
 * it, `yaml` does not) is parsed with those lines indented by one space; `inserted` lists the
 * spaces so they are taken out again after the splice.
 */
function parseBlock(text: string, parts: PostParts, read: ReadYamlResult): { doc: Document; yaml: string; inserted: number[] } {
  const yaml = parts.frontMatter!.yaml;
  const first = text.slice(0, parts.frontMatter!.yamlOffset).split('\n').length;
  if (!read.ok) throw new SourceError('invalid-yaml', `invalid front matter: ${read.message}`, { line: read.line + first - 1, col: read.col });
  const options = { schema: 'failsafe', uniqueKeys: false, prettyErrors: false, strict: false } as const;
  const doc = parseDocument(yaml, options);
  if (!doc.errors[0]) return { doc, yaml, inserted: [] };
  const lenient = indentQuotedContinuationsMapped(yaml);
  const retry = lenient.inserted.length ? parseDocument(lenient.text, options) : null;
  if (retry && !retry.errors[0]) return { doc: retry, yaml: lenient.text, inserted: lenient.inserted };
  throw new SourceError('unsupported-yaml', 'this front matter is valid for Jekyll but written in a way Postwright cannot edit field by field yet; edit it as text', { line: first, col: 1 });
}

/** Removes the spaces `parseBlock` inserted, except those inside the replaced range. */
function dropInserted(text: string, inserted: readonly number[], splice: { start: number; end: number; text: string }): string {
  const shift = splice.text.length - (splice.end - splice.start);
  const positions = inserted
    .filter((p) => p < splice.start || p >= splice.end)
    .map((p) => (p < splice.start ? p : p + shift))
    .sort((a, b) => b - a);
  let out = text;
  for (const p of positions) if (out[p] === ' ') out = out.slice(0, p) + out.slice(p + 1);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rendering new text

/** True when `value` is written on the key's line rather than as a block below it. */
function staysInline(w: Writer, value: PlainValue, inFlow: boolean): boolean {
  if (isScalarValue(value) || inFlow) return true;
  if (w.spelling && w.spelling.kind !== 'map') return true;
  if (Array.isArray(value)) return value.length === 0 || fitsFlow(value);
  return Object.keys(value).length === 0;
}

/** One value on one line: the user's spelling if given, else rendered in `style`. */
function inlineText(w: Writer, value: PlainValue, style: ScalarStyle, inFlow: boolean, spaced = false): string {
  if (w.spelling && (w.spelling.kind !== 'map' || inFlow)) return w.spelling.text;
  return isScalarValue(value) ? renderScalar(value, style, inFlow) : renderFlow(value, style, spaced);
}

/** A block collection whose lines are indented by `indent`, without the final line end. */
function blockLines(w: Writer, value: PlainValue[] | { [key: string]: PlainValue }, indent: number, style: ScalarStyle = 'plain'): string {
  const text = ' '.repeat(indent) + renderBlock(value, indent, w.layout, style);
  return text.slice(0, -w.layout.eol.length);
}

/** Indentation of a block value under a key at `keyCol`. */
function childIndent(w: Writer, value: PlainValue, keyCol: number): number {
  return keyCol + (Array.isArray(value) ? w.layout.dashIndent : w.layout.unit);
}

/** `key: value` lines (with the final line end) for a path that does not exist yet, at `indent`. */
function renderEntry(w: Writer, path: FieldPath, value: PlainValue, indent: number, fullPath: FieldPath): string {
  const [head, ...rest] = path;
  if (typeof head === 'number') badPath(fullPath, `there is no item ${head} to change`);
  const key = `${' '.repeat(indent)}${renderKey(String(head))}:`;
  const { eol } = w.layout;
  if (rest.length) {
    if (typeof rest[0] === 'number') {
      if (rest[0] !== 0 || rest.length > 1) badPath(fullPath, `there is no item ${rest[0]} to change`);
      return `${key} [${inlineText(w, value, 'plain', true)}]${eol}`;
    }
    return `${key}${eol}${renderEntry(w, rest, value, indent + w.layout.unit, fullPath)}`;
  }
  if (staysInline(w, value, false)) {
    const text = inlineText(w, value, 'plain', false);
    return `${key}${text ? ` ${text}` : ''}${eol}`;
  }
  const block = value as PlainValue[] | { [key: string]: PlainValue };
  return `${key}${eol}${blockLines(w, block, childIndent(w, value, indent))}${eol}`;
}

// ---------------------------------------------------------------------------------------------
// Splices

/** The splice that replaces the value of `pair` (or the list item `node`) with `value`. */
function replaceValue(ctx: Ctx, node: AnyNode, pair: Pair | null, value: PlainValue, inFlow: boolean): Splice {
  // A block list or map stays in block style even when the user typed a flow one.
  if (ctx.spelling && ctx.spelling.kind !== 'scalar' && isBlockCollection(node)) ctx = { ...ctx, spelling: null };
  const { yaml, layout } = ctx;
  const eol = layout.eol;
  const keyCol = pair ? colOf(yaml, rangeOf(pair.key)[0]) : colOf(yaml, indicatorEnd(yaml, node, null) - 1);
  const inline = staysInline(ctx, value, inFlow);

  // No value written yet (`key:` or `-`, maybe with a comment): write after the indicator.
  if (isEmptyNode(node)) {
    const at = indicatorEnd(yaml, node, pair);
    if (inline) {
      const text = inlineText(ctx, value, styleOf(node), inFlow);
      return { start: at, end: at, text: text ? ` ${text}` : '' };
    }
    const end = lineEndOf(yaml, at);
    const block = value as PlainValue[] | { [key: string]: PlainValue };
    const indent = pair ? childIndent(ctx, value, keyCol) : keyCol + 2;
    return { start: at, end, text: `${commentIn(yaml.slice(at, end))}${eol}${blockLines(ctx, block, indent)}` };
  }

  const [r0, r1] = rangeOf(node);
  const blockish = isBlockCollection(node) || isBlockScalar(node);

  // Same shape as before: keep the node's own style (a flow collection may take the user's spelling).
  if (Array.isArray(value) && isSeq(node)) {
    if (node.flow) return { start: r0, end: r1, text: inlineText(ctx, value, itemStyle(node), true, spacedFlow(yaml, node)) };
    if (value.length) return { start: r0, end: r1, text: renderBlock(value, colOf(yaml, r0), layout, itemStyle(node)) };
  }
  if (!Array.isArray(value) && !isScalarValue(value) && isMap(node)) {
    if (node.flow) return { start: r0, end: r1, text: inlineText(ctx, value, itemStyle(node), true, spacedFlow(yaml, node)) };
    if (Object.keys(value).length) return { start: r0, end: r1, text: renderBlock(value, colOf(yaml, r0), layout, itemStyle(node)) };
  }

  if (!blockish) {
    // An explicit tag (`!!str 12`) is kept only for a string going into a `!!str` scalar.
    let from = r0;
    const tag = isScalar(node) && node.tag ? /(^|[ \t])(![^ \t]*)[ \t]+$/.exec(yaml.slice(indicatorEnd(yaml, node, pair), r0)) : null;
    if (tag && !(typeof value === 'string' && /^(?:tag:yaml\.org,2002:str|!str)$/.test(String((node as Scalar).tag)))) {
      from = indicatorEnd(yaml, node, pair) + tag.index + tag[1].length;
    }
    if (inline) {
      const text = inlineText(ctx, value, styleOf(node), inFlow);
      // `key: x` set to null becomes `key:`, not `key: ` with a trailing space.
      if (text === '' && yaml.slice(r1, lineEndOf(yaml, r1)).trim() === '') return { start: indicatorEnd(yaml, node, pair), end: r1, text: '' };
      return { start: text === '' ? r0 : from, end: r1, text };
    }
    // An inline value becomes a block: `key:` keeps the line's comment, the block goes below.
    const start = indicatorEnd(yaml, node, pair);
    const end = lineEndOf(yaml, r1);
    const block = value as PlainValue[] | { [key: string]: PlainValue };
    if (!pair) {
      // A list item: a map starts on the dash's line; anything else is written in flow style.
      if (Array.isArray(value) || commentIn(yaml.slice(r1, end))) return { start: from, end: r1, text: renderFlow(value) };
      return { start: from, end: r1, text: blockLines(ctx, block, colOf(yaml, from)).slice(colOf(yaml, from)) };
    }
    return { start, end, text: `${commentIn(yaml.slice(r1, end))}${eol}${blockLines(ctx, block, childIndent(ctx, value, keyCol))}` };
  }

  // A block value (collection or `|`/`>` text) is replaced from the indicator to its end.
  const start = indicatorEnd(yaml, node, pair);
  const headerEnd = lineEndOf(yaml, start);
  const comment = isBlockScalar(node) ? commentIn(yaml.slice(r0, headerEnd)) : commentIn(yaml.slice(start, headerEnd));
  const endsLine = yaml[r1 - 1] === '\n';
  if (!pair && isBlockCollection(node)) {
    // A list item holding a block map or list: replace the item's own text.
    const text = inline ? inlineText(ctx, value, styleOf(node), false) : blockLines(ctx, value as { [key: string]: PlainValue }, colOf(yaml, r0)).slice(colOf(yaml, r0));
    return { start: r0, end: r1, text: `${text}${endsLine ? eol : ''}` };
  }
  if (inline) {
    const text = inlineText(ctx, value, styleOf(node), inFlow);
    return { start, end: r1, text: `${text ? ` ${text}` : ''}${comment}${endsLine ? eol : ''}` };
  }
  const block = value as PlainValue[] | { [key: string]: PlainValue };
  const indent = pair ? childIndent(ctx, value, keyCol) : keyCol + 2;
  return { start, end: r1, text: `${comment}${eol}${blockLines(ctx, block, indent)}${endsLine ? eol : ''}` };
}

/** Where and what to insert for a new `rest` path inside an existing map. */
function insertIntoMap(ctx: Ctx, map: YAMLMap, rest: FieldPath, value: PlainValue, fullPath: FieldPath): Splice {
  const { yaml, layout } = ctx;
  const [r0, r1] = rangeOf(map);
  if (map.flow) {
    if (rest.length > 1) badPath(fullPath, 'new nested keys inside a {flow} map are not supported');
    if (typeof rest[0] === 'number') badPath(fullPath, `${formatFieldPath(fullPath.slice(0, -1))} is a map, not a list`);
    const close = yaml.lastIndexOf('}', r1);
    let before = close;
    while (before > r0 + 1 && (yaml[before - 1] === ' ' || yaml[before - 1] === '\t')) before--;
    const entry = `${renderKey(String(rest[0]))}: ${inlineText(ctx, value, itemStyle(map), true)}`;
    return { start: before, end: before, text: map.items.length ? `, ${entry}` : entry };
  }
  const indent = map.items.length ? colOf(yaml, rangeOf(map.items[0].key)[0]) : colOf(yaml, r0);
  const entry = renderEntry(ctx, rest, value, indent, fullPath);
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
  if (seq.flow) {
    const close = yaml.lastIndexOf(']', r1);
    let before = close;
    while (before > r0 + 1 && (yaml[before - 1] === ' ' || yaml[before - 1] === '\t')) before--;
    const inline = inlineText(ctx, value, style, true);
    return { start: before, end: before, text: seq.items.length ? `, ${inline}` : inline };
  }
  const indent = colOf(yaml, yaml.lastIndexOf('-', r0));
  let at = r1;
  if (yaml[at - 1] !== '\n') {
    const nl = yaml.indexOf('\n', at);
    at = nl >= 0 ? nl + 1 : yaml.length;
  }
  const prefix = at === 0 || yaml[at - 1] === '\n' ? '' : layout.eol;
  let item: string;
  if (!isScalarValue(value) && !Array.isArray(value) && Object.keys(value).length && !ctx.spelling) item = blockLines(ctx, [value], indent, style);
  else item = `${' '.repeat(indent)}-${((t) => (t ? ` ${t}` : ''))(inlineText(ctx, value, style, false))}`;
  return { start: at, end: at, text: `${prefix}${item}${layout.eol}` };
}

/** Removes one entry (a pair's or an item's lines) from a block or flow collection. */
function removeEntry(ctx: Ctx, parent: Collection, index: number, path: FieldPath): Splice {
  const { yaml } = ctx;
  const item = parent.items[index] as AnyNode;
  const startOf = (it: AnyNode) => (isPair(it) ? rangeOf(it.key)[0] : rangeOf(it)[0]);
  const endOf = (it: AnyNode) => rangeOf(isPair(it) ? it.value ?? it.key : it)[1];
  if (parent.flow) {
    const items = parent.items as AnyNode[];
    if (index < items.length - 1) return { start: startOf(item), end: startOf(items[index + 1]), text: '' };
    if (index > 0) return { start: endOf(items[index - 1]), end: endOf(item), text: '' };
    return { start: startOf(item), end: endOf(item), text: '' };
  }
  let first = startOf(item);
  if (isSeq(parent)) first = yaml.lastIndexOf('-', first - (isEmptyNode(item) ? 1 : 0));
  const lineStart = yaml.lastIndexOf('\n', first - 1) + 1;
  if (yaml.slice(lineStart, first).trim() !== '') {
    // The first entry of a map or list that is itself a list item (`- k: v`, `- - a`): the next
    // entry moves up to the dash.
    if (index === 0 && parent.items.length > 1 && /^[ \t]*-[ \t]+$/.test(yaml.slice(lineStart, first))) {
      const next = startOf(parent.items[1]);
      return { start: first, end: isSeq(parent) ? yaml.lastIndexOf('-', next - (isEmptyNode(parent.items[1]) ? 1 : 0)) : next, text: '' };
    }
    badPath(path, 'it shares its line with another entry');
  }
  const valueNode = isPair(item) ? item.value ?? item.key : item;
  let end = isBlockCollection(valueNode) || isBlockScalar(valueNode) ? rangeOf(valueNode)[1] : rangeOf(valueNode)[2];
  if (end > 0 && yaml[end - 1] !== '\n') {
    const nl = yaml.indexOf('\n', end);
    end = nl >= 0 ? nl + 1 : yaml.length;
  }
  return { start: lineStart, end, text: '' };
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

/** Finds the splice for setting (or deleting, with DELETED) the value at `path`. */
function planEdit(ctx: Ctx, path: FieldPath, value: EditValue): Splice | null {
  const { doc, yaml } = ctx;
  let node: AnyNode = doc.contents;
  let pair: Pair | null = null;
  // The collection holding `node` (`pair` is its entry when that is a map).
  let parent: Collection | null = null;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    if (isNullNode(node) && (i === 0 || pair || parent)) {
      if (value === DELETED) return null;
      if (i === 0) {
        const at = yaml.length;
        return { start: at, end: at, text: (at > 0 && yaml[at - 1] !== '\n' ? ctx.layout.eol : '') + renderEntry(ctx, path, value, 0, path) };
      }
      return replaceValue(ctx, node, pair, buildNested(path.slice(i), value, path), !!parent?.flow);
    }
    if (!isMap(node) && !isSeq(node)) {
      if (value === DELETED) return null;
      const where = formatFieldPath(path.slice(0, i)) || 'the front matter';
      if (isAlias(node)) badPath(path, `${where} is an alias (${node.source ? `*${node.source}` : 'a reference'}); change the anchored value instead`);
      badPath(path, `${where} is not a map or list`);
    }
    const here: Collection = node;
    let index: number;
    if (isMap(here)) {
      const found = lastPair(here, String(seg));
      if (!found) return value === DELETED ? null : insertIntoMap(ctx, here, path.slice(i), value, path);
      index = here.items.indexOf(found);
    } else {
      if (typeof seg !== 'number') {
        if (value === DELETED) return null;
        badPath(path, `${formatFieldPath(path.slice(0, i)) || 'the front matter'} is a list; use an item number`);
      }
      if (seg >= here.items.length) {
        if (value === DELETED) return null;
        if (seg === here.items.length && last) return appendToSeq(ctx, here, value);
        badPath(path, `the list has only ${here.items.length} items`);
      }
      index = seg;
    }
    if (last && value === DELETED) {
      // Removing the only entry of a nested map or list leaves `{}` or `[]`, not an empty value.
      if (here.items.length === 1 && parent && !here.flow) return replaceValue(ctx, here, pair, isMap(here) ? {} : [], !!parent.flow);
      return removeEntry(ctx, here, index, path);
    }
    parent = here;
    const entry = here.items[index] as AnyNode;
    pair = isPair(entry) ? entry : null;
    node = isPair(entry) ? entry.value : entry;
  }
  if (value === DELETED) return null;
  return replaceValue(ctx, node, pair, value, !!parent?.flow);
}

// ---------------------------------------------------------------------------------------------
// Public API

function apply(text: string, path: FieldPath, value: EditValue, spelling: Spelling | null): EditResult {
  if (!path.length) badPath(path, 'the path is empty');
  const parts = splitPost(text);
  // New lines match the front matter's own line ends (the file's, when it has none yet).
  const eol = detectEol(parts.frontMatter ? parts.frontMatter.open + parts.frontMatter.yaml : text);
  let newText: string;
  if (!parts.frontMatter) {
    if (value === DELETED) return { text, changed: false };
    const writer: Writer = { layout: { unit: 2, dashIndent: 2, eol }, spelling };
    newText = `${parts.bom}---${eol}${renderEntry(writer, path, value, 0, path)}---${eol}${parts.body}`;
  } else {
    const yaml = parts.frontMatter.yaml;
    const current = readYaml(yaml);
    if (current.ok) {
      const before = lookupPath(current.value ?? {}, path);
      if (value === DELETED ? !before.found : before.found && sameYamlValue(before.value, value)) return { text, changed: false };
    }
    const parsed = parseBlock(text, parts, current);
    const source = parsed.yaml;
    const ctx: Ctx = { yaml: source, doc: parsed.doc, layout: detectLayout(source, parsed.doc, eol), spelling };
    const splice = planEdit(ctx, path, value);
    if (!splice) return { text, changed: false };
    const spliced = source.slice(0, splice.start) + splice.text + source.slice(splice.end);
    const newYaml = parsed.inserted.length ? dropInserted(spliced, parsed.inserted, splice) : spliced;
    const fm = parts.frontMatter;
    newText = parts.bom + fm.open + newYaml + fm.close + parts.body;
  }
  verifyEdit(text, newText, path, value);
  return { text: newText, changed: newText !== text };
}

/** Sets the value at `path`; only that field's lines change. */
export function setField(text: string, path: FieldPath, value: PlainValue): EditResult {
  return apply(text, path, value, null);
}

/** The value of YAML source as written after `key: ` (a multi-line source is indented under it). */
function parseValueSource(yamlSource: string): { value: PlainValue; spelling: Spelling | null } {
  const multiLine = /[\r\n]/.test(yamlSource);
  const wrapped = `v: ${multiLine ? `\n  ${yamlSource.split(/\r?\n/).join('\n  ')}` : yamlSource}`;
  const read = readYaml(wrapped);
  if (!read.ok) throw new SourceError('invalid-value', `'${yamlSource}' is not valid YAML: ${read.message}`);
  const value = (read.value as Record<string, PlainValue> | null)?.v ?? null;
  if (multiLine) return { value, spelling: null };
  // The user's spelling is kept when the source is exactly one scalar or flow collection.
  const doc = parseDocument(wrapped, { schema: 'failsafe', prettyErrors: false });
  const pair = isMap(doc.contents) ? doc.contents.items[0] : undefined;
  const node = pair?.value;
  const trimmed = yamlSource.trim();
  if (!node || doc.errors.length || isBlockScalar(node) || (!isScalar(node) && !(isMap(node) || isSeq(node)))) return { value, spelling: null };
  const [r0, r1] = rangeOf(node);
  if (wrapped.slice(r0, r1) !== trimmed || wrapped.slice(r1).trim() !== '' || trimmed === '') return { value, spelling: null };
  return { value, spelling: { text: trimmed, kind: isScalar(node) ? 'scalar' : isSeq(node) ? 'seq' : 'map' } };
}

/**
 * Sets the value at `path` from YAML source (`"a: b"`, `[x, y]`, `true`, a date), read as if
 * written after `key: `. A one-line scalar or flow list is written as the user spelled it.
 */
export function setFieldSource(text: string, path: FieldPath, yamlSource: string): EditResult {
  const { value, spelling } = parseValueSource(yamlSource);
  if (!spelling) return apply(text, path, value, null);
  try {
    return apply(text, path, value, spelling);
  } catch (error) {
    // The spelling may not fit where it goes (a plain `a, b` inside a flow list): render instead.
    if (error instanceof SourceError && error.code === 'edit-failed') return apply(text, path, value, null);
    throw error;
  }
}

/** Deletes the field (or list item) at `path`; a missing field is no change. */
export function deleteField(text: string, path: FieldPath): EditResult {
  return apply(text, path, DELETED, null);
}
