/**
 * A fast path for the front matter most posts have, and for most `_config.yml` files: `key: value`
 * lines with plain or quoted scalars and one-line flow lists (quoted items too), top-level block
 * scalars, and block maps and lists nested under keys. Anything else (anchors, tags, escapes,
 * multi-line scalars, tabs…) returns undefined and goes to the full parser.
 *
 * Indexing 10,000 posts is dominated by YAML parsing; this path reads the common shape several
 * times faster and is checked against the full parser by a differential test.
 */
import { resolvePlainScalar, type YamlValue } from './yaml-scalars';

/**
 * `^([A-Za-z0-9_][A-Za-z0-9_ .-]*?):(?:[ ]+(.*))?$` from `from`, by hand (no match array per line):
 * the key runs to the first colon, which ends the line or is followed by spaces; the value is
 * what follows the spaces. Sets `keyText`/`restText` and returns true on a match.
 */
let keyText = '';
let restText: string | undefined;

function isKeyStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

function keyLine(line: string, from: number): boolean {
  const colon = line.indexOf(':', from);
  if (colon <= from || !isKeyStart(line.charCodeAt(from))) return false;
  for (let i = from + 1; i < colon; i++) {
    const c = line.charCodeAt(i);
    if (!isKeyStart(c) && c !== 0x20 && c !== 0x2e && c !== 0x2d) return false;
  }
  keyText = line.slice(from, colon);
  if (colon === line.length - 1) {
    restText = undefined;
    return true;
  }
  if (line.charCodeAt(colon + 1) !== 0x20) return false;
  let j = colon + 2;
  while (j < line.length && line.charCodeAt(j) === 0x20) j++;
  // `.` matches no line terminator: such a value is not simple.
  for (let i = j; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return false;
  }
  restText = line.slice(j);
  return true;
}
const PLAIN_START_BAD = /^[-?:,[\]{}#&*!|>'"%@`]/;
const SINGLE = /^'((?:[^']|'')*)'[ ]*(?:#.*)?$/;
const DOUBLE = /^"([^"\\]*)"[ ]*(?:#.*)?$/;
/** What a plain item of a one-line flow list may not contain (nesting, quotes, comments, anchors, tags…). */
const FLOW_PLAIN_BAD = /[[\]{}"'#&*!|>%@`]/;
const FLOW_END = /^[ ]*(?:#.*)?$/;

function plain(text: string, inFlow: boolean): YamlValue | undefined {
  if (text === '') return null;
  if (PLAIN_START_BAD.test(text) || text.includes(': ') || text.endsWith(':')) return undefined;
  if (inFlow && /[,[\]{}]/.test(text)) return undefined;
  try {
    return resolvePlainScalar(text);
  } catch {
    return undefined;
  }
}

/**
 * A one-line flow list, `[a, Two Words, "quoted, with a comma", 'it''s']`: plain items and quoted
 * ones (strings as they are; no escapes in double quotes), a trailing comma allowed, then only a
 * comment. Anything else (nesting, a `key: value` pair, an empty item) is not simple.
 */
function flowList(text: string): YamlValue[] | undefined {
  const items: YamlValue[] = [];
  let i = 1;
  const skipSpaces = () => {
    while (text.charCodeAt(i) === 0x20) i++;
  };
  for (;;) {
    skipSpaces();
    if (text[i] === ']') {
      // `[]`, or a trailing comma after at least one item.
      if (items.length === 0 && text.slice(1, i).trim() !== '') return undefined;
      break;
    }
    const c = text[i];
    if (c === '"' || c === "'") {
      let end = i + 1;
      let item = '';
      for (;;) {
        const q = text.indexOf(c, end);
        if (q < 0) return undefined;
        if (c === "'" && text[q + 1] === "'") {
          item += text.slice(end, q + 1);
          end = q + 2;
          continue;
        }
        item += text.slice(end, q);
        end = q + 1;
        break;
      }
      if (c === '"' && item.includes('\\')) return undefined;
      i = end;
      items.push(item);
    } else {
      let end = i;
      while (end < text.length && text[end] !== ',' && text[end] !== ']') end++;
      const raw = text.slice(i, end).trim();
      if (raw === '' || FLOW_PLAIN_BAD.test(raw)) return undefined;
      const v = plain(raw, true);
      if (v === undefined || v === null) return undefined;
      items.push(v);
      i = end;
    }
    skipSpaces();
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === ']') break;
    return undefined;
  }
  return FLOW_END.test(text.slice(i + 1)) ? items : undefined;
}

function value(raw: string): YamlValue | undefined {
  const text = raw.trimEnd();
  if (text === '' || text.startsWith('#')) return null;
  if (text[0] === "'") {
    const m = SINGLE.exec(text);
    return m ? m[1].replace(/''/g, "'") : undefined;
  }
  if (text[0] === '"') {
    const m = DOUBLE.exec(text);
    return m ? m[1] : undefined;
  }
  if (text[0] === '[') return flowList(text);
  const hash = text.indexOf(' #');
  const scalar = (hash >= 0 ? text.slice(0, hash) : text).trimEnd();
  return plain(scalar, false);
}


/** Blank or a comment: the first character that is not white space (as `trim` sees it) is `#` or none. */
function isSkippable(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0d) continue;
    if (c === 0x23) return true;
    // Rarer white space: let `trim` decide, as before.
    if (c <= 0x20 || c >= 0x80) {
      const t = line.trim();
      return t === '' || t.startsWith('#');
    }
    return false;
  }
  return true;
}

/** Keys as resolved scalars, per key text: every post repeats the same few keys. */
const keyValues = new Map<string, YamlValue | undefined>();

function simpleKey(text: string, keyString: (key: YamlValue) => string): string | undefined {
  if (text.endsWith(' ') || text === '<<') return undefined;
  let key = keyValues.get(text);
  if (key === undefined && !keyValues.has(text)) {
    key = plain(text, false);
    // Only values that cannot be mutated are shared between posts.
    if (key === undefined || key === null || typeof key !== 'object') {
      if (keyValues.size > 1000) keyValues.clear();
      keyValues.set(text, key);
    }
  }
  if (key === undefined || (key !== null && typeof key === 'object')) return undefined;
  return keyString(key);
}

/**
 * The parsed value, or undefined when the text is not of the simple shape: top-level keys with
 * scalars, flow lists or block scalars, and blocks of maps and lists nested under them
 * (`banner:` + `  image: x`, a block list, `defaults:` with its scopes).
 */
export function readSimpleYaml(source: string, keyString: (key: YamlValue) => string): YamlValue | undefined {
  if (source.includes('\t')) return undefined;
  const lines = source.split('\n');
  if (source.includes('\r')) for (let i = 0; i < lines.length; i++) if (lines[i].endsWith('\r')) lines[i] = lines[i].slice(0, -1);
  // A plain object filled in place (no null-prototype map copied at the end); `__proto__`, the
  // one key that would not become a property, goes to the full parser.
  const map: Record<string, YamlValue> = {};
  let any = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    // A comment line at any indentation (a commented-out block) is ignored, as YAML does.
    if (isSkippable(line)) continue;
    if (line[0] === ' ' || line[0] === '-') return undefined;
    if (!keyLine(line, 0)) return undefined;
    const restRaw = restText ?? '';
    const key = simpleKey(keyText, keyString);
    if (key === undefined) return undefined;
    let v: YamlValue | undefined;
    const rest = restRaw.trim();
    if (rest === '' || rest.startsWith('#')) {
      // Maybe a nested block: gather the following indented (or `- `) lines.
      let j = i + 1;
      const block: string[] = [];
      while (j < lines.length && (isSkippable(lines[j]) || lines[j][0] === ' ' || lines[j].startsWith('- '))) {
        if (!isSkippable(lines[j])) block.push(lines[j]);
        j++;
      }
      if (block.length === 0) v = null;
      else {
        v = readBlock(block, keyString);
        if (v === undefined) return undefined;
        i = j - 1;
      }
    } else if (rest[0] === '>' || rest[0] === '|') {
      const scalar = readBlockScalar(lines, i + 1, rest, source.endsWith('\n'));
      if (scalar === undefined) return undefined;
      v = scalar.value;
      i = scalar.next - 1;
    } else v = value(restRaw);
    if (v === undefined || key === '__proto__') return undefined;
    map[key] = v;
    any = true;
  }
  return any ? map : null;
}

function leadingSpaces(line: string): number {
  let i = 0;
  while (i < line.length && line.charCodeAt(i) === 0x20) i++;
  return i;
}

function hasLineTerminator(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/** `^( *)- (.*)$` at `indent` spaces, by hand: the item's text, or undefined. */
function itemAt(line: string, indent: number): string | undefined {
  if (leadingSpaces(line) !== indent || line.charCodeAt(indent) !== 0x2d || line.charCodeAt(indent + 1) !== 0x20) return undefined;
  return hasLineTerminator(line, indent + 2) ? undefined : line.slice(indent + 2);
}

/** Deeper than this, the full parser (and its nesting limit) decides. */
const MAX_DEPTH = 16;

/**
 * A block of child lines (comments and blank lines left out): a sequence of `- item` lines or a
 * map of `key: value` lines at one indent, each value a scalar, a one-line flow list or another
 * such block, to any depth (`defaults:` in a config nests lists of maps of maps).
 */
function readBlock(block: string[], keyString: (key: YamlValue) => string): YamlValue | undefined {
  const indent = leadingSpaces(block[0]);
  if (itemAt(block[0], indent) === undefined && indent === 0) return undefined;
  return readNode(block, 0, block.length, keyString, 0);
}

function readNode(lines: readonly string[], from: number, to: number, keyString: (key: YamlValue) => string, depth: number): YamlValue | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const indent = leadingSpaces(lines[from]);
  return itemAt(lines[from], indent) !== undefined ? readSeq(lines, from, to, indent, keyString, depth) : readMap(lines, from, to, indent, keyString, depth);
}

/** `- item` lines at `indent`; an item's own lines are the deeper ones after it. */
function readSeq(lines: readonly string[], from: number, to: number, indent: number, keyString: (key: YamlValue) => string, depth: number): YamlValue[] | undefined {
  const items: YamlValue[] = [];
  for (let i = from; i < to; ) {
    const raw = itemAt(lines[i], indent);
    if (raw === undefined) return undefined;
    let j = i + 1;
    while (j < to && leadingSpaces(lines[j]) > indent) j++;
    const text = raw.trim();
    if (text === '' || text.startsWith('[') || text.startsWith('- ')) return undefined;
    let item: YamlValue | undefined;
    if (keyLine(text, 0)) {
      // `- key: value`: a map whose first key sits on the dash's line, the others below it.
      const column = indent + 2 + leadingSpaces(raw);
      const own = [`${' '.repeat(column)}${raw.trimStart()}`, ...lines.slice(i + 1, j)];
      item = readMap(own, 0, own.length, column, keyString, depth + 1);
    } else {
      // A scalar item with deeper lines after it is a scalar over several lines: not simple.
      item = j === i + 1 ? value(raw) : undefined;
    }
    if (item === undefined) return undefined;
    items.push(item);
    i = j;
  }
  return items;
}

/** `key: value` lines at `indent`; a key's own lines are the deeper ones after it, or `- ` items at its indent. */
function readMap(lines: readonly string[], from: number, to: number, indent: number, keyString: (key: YamlValue) => string, depth: number): Record<string, YamlValue> | undefined {
  const map: Record<string, YamlValue> = {};
  for (let i = from; i < to; ) {
    const line = lines[i];
    if (leadingSpaces(line) !== indent || !keyLine(line, indent)) return undefined;
    const restRaw = restText ?? '';
    const key = simpleKey(keyText, keyString);
    if (key === undefined || key === '__proto__') return undefined;
    let j = i + 1;
    while (j < to && (leadingSpaces(lines[j]) > indent || itemAt(lines[j], indent) !== undefined)) j++;
    const rest = restRaw.trim();
    let v: YamlValue | undefined;
    if (rest === '' || rest.startsWith('#')) v = j > i + 1 ? readNode(lines, i + 1, j, keyString, depth + 1) : null;
    else v = j === i + 1 ? value(restRaw) : undefined;
    if (v === undefined) return undefined;
    map[key] = v;
    i = j;
  }
  return map;
}

const BLOCK_HEADER = /^([|>])(-?)[ ]*(?:#.*)?$/;

/**
 * A top-level `key: >` or `key: |` block scalar (clip or strip chomping) whose lines all share
 * one indentation; anything rarer (keep chomping, indentation digits, more-indented or
 * whitespace-only lines, leading blank lines) returns undefined for the full parser.
 */
function readBlockScalar(lines: readonly string[], from: number, header: string, endsWithNewline: boolean): { value: string; next: number } | undefined {
  const h = BLOCK_HEADER.exec(header);
  if (!h) return undefined;
  const first = lines[from];
  if (first === undefined || first === '' || first[0] !== ' ') return undefined;
  const indent = first.length - first.trimStart().length;
  const content: string[] = [];
  let end = from;
  let lastContent = -1;
  for (let j = from; j < lines.length; j++) {
    const line = lines[j];
    if (line === '') {
      content.push('');
      continue;
    }
    const own = line.length - line.trimStart().length;
    if (own < indent) {
      if (line.trim() === '') return undefined;
      break;
    }
    if (own > indent || line.trim() === '') return undefined;
    content.push(line.slice(indent));
    lastContent = j;
    end = j + 1;
  }
  // The last content line must end with a line break for clip chomping to add one.
  if (lastContent === lines.length - 1 && !endsWithNewline) return undefined;
  const body = content.slice(0, end - from);
  let text: string;
  if (h[1] === '|') text = body.join('\n');
  else {
    text = body[0];
    let blanks = 0;
    for (let k = 1; k < body.length; k++) {
      if (body[k] === '') blanks++;
      else {
        text += blanks ? '\n'.repeat(blanks) : ' ';
        text += body[k];
        blanks = 0;
      }
    }
  }
  // Trailing blank lines belong to the scalar (and are dropped by clip/strip).
  let next = end;
  while (next < lines.length && lines[next] === '') next++;
  return { value: h[2] === '-' ? text : `${text}\n`, next };
}
