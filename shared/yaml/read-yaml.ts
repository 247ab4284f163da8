/**
 * Reads YAML the way Jekyll does (Ruby Psych `safe_load`, YAML 1.1), into plain JS values.
 *
 * JavaScript YAML libraries speak YAML 1.2, where `yes`, `on`, `14:50`, `0755` and
 * `2019-08-08 14:10:00 +0800` are plain strings; Jekyll sees true, true, 53400, 493 and a Time.
 * We parse with `yaml` in its failsafe schema (every scalar a string, with its quoting style
 * known) and resolve plain scalars ourselves with Psych's rules, checked against Ruby itself by
 * the tests.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, Scalar, type Document, type Node } from 'yaml';
import { resolvePlainScalar, SymbolError, YamlDate, YamlTime, YamlReadError, type YamlValue, type ReadYamlResult, type ReadYamlOptions } from './yaml-scalars';
import { readSimpleYaml } from './simple-yaml';
import { excessiveNesting, MAX_YAML_NESTING } from './nesting-limit';

export { resolvePlainScalar, SymbolError, YamlDate, YamlTime, type YamlValue, type ReadYamlResult, type ReadYamlOptions };

const TAG = 'tag:yaml.org,2002:';

/** A tag Jekyll refuses; the converter adds the position. */
class TagError extends Error {}

/** Base64 (`!!binary`) decoded as UTF-8 text, as Psych's `unpack('m')` (no Node Buffer here). */
function decodeBase64(text: string): string {
  const clean = text.replace(/[^A-Za-z0-9+/]/g, '');
  try {
    const bytes = Uint8Array.from(atob(clean.length % 4 === 1 ? clean.slice(0, -1) : clean), (c) => c.charCodeAt(0));
    return new TextDecoder().decode(bytes);
  } catch {
    return text;
  }
}

/**
 * A scalar with an explicit tag, as Psych's `ToRuby#deserialize`: `!!str` and `!!binary` are
 * strings, `!!float` must read as a number, Ruby classes are refused by `safe_load`, and every
 * other tag (`!!int`, `!!bool`, `!!null`, `!!timestamp`, `!local`…) reads the text as if plain,
 * quoted or not.
 */
function resolveTagged(tag: string, text: string): YamlValue {
  if (tag === `${TAG}str` || /^!(?:str|ruby\/string)$/.test(tag)) return text;
  if (tag === `${TAG}binary` || tag === '!binary') return decodeBase64(text);
  if (tag.startsWith('!ruby/')) throw new TagError(`the tag ${tag} asks for a Ruby object, which Jekyll refuses`);
  const value = resolvePlainScalar(text);
  if (tag === `${TAG}float` || tag === '!float') {
    if (typeof value === 'number') return value;
    const n = typeof value === 'string' && /^\s*[-+]?(?:\d[\d_]*)?(?:\.\d[\d_]*)?(?:[eE][-+]?\d+)?\s*$/.test(value) && /\d/.test(value) ? Number(value.trim().replace(/_/g, '')) : NaN;
    if (Number.isNaN(n)) throw new TagError(`'${text}' is tagged ${tag} but is not a number`);
    return n;
  }
  return value;
}

function isPlainMap(value: YamlValue): value is { [key: string]: YamlValue } {
  return !!value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof YamlDate) && !(value instanceof YamlTime);
}

class Converter {
  private aliases = 0;
  private readonly anchors = new Map<Node, YamlValue>();

  constructor(
    private readonly doc: Document,
    private readonly maxAliases: number,
    private readonly symbolsAsStrings = false,
  ) {}

  convert(node: unknown, depth = 0): YamlValue {
    if (depth > 200) throw new YamlReadError('the YAML is nested too deeply', offsetOf(node));
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      if (++this.aliases > this.maxAliases) throw new YamlReadError(`too many aliases (more than ${this.maxAliases}): refusing a possible alias bomb`, offsetOf(node));
      const target = node.resolve(this.doc);
      if (!target) throw new YamlReadError(`unknown alias *${node.source}`, offsetOf(node));
      // Converted once and shared, so aliases of aliases never multiply the work.
      const done = this.anchors.get(target);
      if (done !== undefined) return done;
      return this.convert(target, depth + 1);
    }
    const tag = (node as { tag?: string }).tag;
    if (tag && tag !== '!' && !isScalar(node) && (tag.startsWith('!ruby/') || tag === `${TAG}set`)) {
      throw new YamlReadError(`the tag ${tag} asks for a Ruby object, which Jekyll refuses`, offsetOf(node));
    }
    let value: YamlValue;
    try {
      value = this.convertNode(node, tag, depth);
    } catch (error) {
      if (error instanceof SymbolError || error instanceof TagError) throw new YamlReadError(error.message, offsetOf(node));
      throw error;
    }
    if (node && typeof node === 'object' && 'anchor' in node && (node as { anchor?: string }).anchor) this.anchors.set(node as Node, value);
    return value;
  }

  private convertNode(node: unknown, tag: string | undefined, depth: number): YamlValue {
    if (isScalar(node)) {
      const text = String(node.value ?? '');
      if (tag) return resolveTagged(tag, text);
      if (node.type !== Scalar.PLAIN) return text;
      if (this.symbolsAsStrings && /^:./.test(text)) return text;
      return resolvePlainScalar(text);
    }
    if (isSeq(node)) {
      const items = node.items.map((item) => this.convert(item, depth + 1));
      // `!!omap [a: 1, b: 2]` is a Hash in Psych.
      if (tag === `${TAG}omap` && items.every(isPlainMap)) return Object.assign({}, ...items) as YamlValue;
      return items;
    }
    if (isMap(node)) {
      const map: Record<string, YamlValue> = {};
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key;
        const key = this.convert(keyNode, depth + 1);
        const value = this.convert(pair.value, depth + 1);
        const strTagged = isScalar(keyNode) && (keyNode.tag === `${TAG}str` || keyNode.tag === '!str');
        if (key === '<<' && !strTagged && this.merge(map, pair.value, value)) continue;
        setKey(map, keyString(key), value);
      }
      return map;
    }
    return null;
  }

  /**
   * A `<<` merge key as Psych's `revive_hash`: the merged keys overwrite those before it and are
   * overwritten by those after; in a list of maps the earlier map wins. Returns false when the
   * value cannot merge, and `<<` is then an ordinary key.
   */
  private merge(map: Record<string, YamlValue>, node: unknown, value: YamlValue): boolean {
    if (isSeq(node) && !isAlias(node)) {
      if (!Array.isArray(value) || !value.every(isPlainMap)) return false;
      const merged: Record<string, YamlValue> = {};
      for (const source of [...value].reverse()) for (const [k, v] of Object.entries(source)) setKey(merged, k, v);
      for (const [k, v] of Object.entries(merged)) setKey(map, k, v);
      return true;
    }
    if (!(isMap(node) || isAlias(node)) || !isPlainMap(value)) return false;
    for (const [k, v] of Object.entries(value)) setKey(map, k, v);
    return true;
  }
}

/** Assigns without ever touching `Object.prototype` (a key `__proto__` is data). */
function setKey(map: Record<string, YamlValue>, key: string, value: YamlValue): void {
  if (key === '__proto__') Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
  else map[key] = value;
}

/** Map keys as strings: Psych keeps typed keys, JSON cannot. */
export function keyString(key: YamlValue): string {
  if (key === null) return '';
  if (key instanceof YamlDate || key instanceof YamlTime) return key.toString();
  if (typeof key === 'object') return JSON.stringify(key);
  return String(key);
}

function offsetOf(node: unknown): number {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? range[0] : 0;
}

function position(source: string, at: number): { line: number; col: number } {
  // An error at the very end (an unclosed list) is reported on the last line, not after it.
  let offset = Math.min(at, source.length);
  while (offset > 0 && offset >= source.length - 1 && /[\r\n]/.test(source[offset - 1] ?? '')) offset--;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < source.length; i++) {
    if (source[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1 };
}

/**
 * Indents by one space the lines that continue a quoted scalar but start at column 0, which
 * libyaml accepts and `yaml` does not. Line folding ignores leading spaces, so values are unchanged.
 */
export function indentQuotedContinuations(source: string): string {
  return indentQuotedContinuationsMapped(source).text;
}

/** The same, with the output offsets of the inserted spaces (so an editor can take them out again). */
export function indentQuotedContinuationsMapped(source: string): { text: string; inserted: number[] } {
  const inserted: number[] = [];
  let out = '';
  let quote: string | null = null;
  let lineStart = true;
  let afterIndicator = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quote) {
      if (lineStart && ch !== ' ' && ch !== '\n' && ch !== '\r') {
        inserted.push(out.length);
        out += ' ';
      }
      lineStart = false;
      out += ch;
      if (ch === '\n') lineStart = true;
      else if (quote === '"' && ch === '\\') {
        out += source[i + 1] ?? '';
        i++;
      } else if (ch === quote) {
        if (quote === "'" && source[i + 1] === "'") {
          out += "'";
          i++;
        } else quote = null;
      }
      continue;
    }
    out += ch;
    if (ch === '\n') {
      lineStart = true;
      afterIndicator = false;
      continue;
    }
    if ((ch === '"' || ch === "'") && afterIndicator) quote = ch;
    if (ch === '#' && (i === 0 || /\s/.test(source[i - 1]))) {
      const nl = source.indexOf('\n', i);
      const end = nl < 0 ? source.length : nl;
      out += source.slice(i + 1, end);
      i = end - 1;
      continue;
    }
    afterIndicator = ch === ':' || ch === '-' || ch === '[' || ch === ',' || (afterIndicator && ch === ' ');
    lineStart = false;
  }
  return { text: out, inserted };
}

/**
 * Every scalar stays a string with its style and tag (failsafe schema, no known tags such as
 * `!!timestamp` resolved by `yaml`); duplicate keys are allowed (the last wins, as in Psych).
 */
function parse(text: string): Document {
  return parseDocument(text, { schema: 'failsafe', resolveKnownTags: false, uniqueKeys: false, prettyErrors: false, strict: false });
}

/** Psych reads the first document of a stream and ignores the rest. */
function errorsOf(doc: Document) {
  return doc.errors.filter((e) => e.code !== 'MULTIPLE_DOCS');
}

/** Only white space (as `trim` sees it, which is what `\s` matches): tested without copying the text. */
const BLANK = /^\s*$/;

/** Parses `source`; never throws for bad input. */
export function readYaml(source: string, options: ReadYamlOptions = {}): ReadYamlResult {
  if (BLANK.test(source)) return { ok: true, value: null };
  const simple = readSimpleYaml(source, keyString);
  if (simple !== undefined) return { ok: true, value: simple };
  return readYamlFull(source, options);
}

/** The full parser alone (no fast path); the tests compare the two. */
export function readYamlFull(source: string, options: ReadYamlOptions = {}): ReadYamlResult {
  const maxAliasCount = options.maxAliasCount ?? 50;
  if (BLANK.test(source)) return { ok: true, value: null };
  const text = source;
  const tooDeep = excessiveNesting(text);
  if (tooDeep >= 0) return { ok: false, message: `the YAML is nested more than ${MAX_YAML_NESTING} levels deep (lists or maps inside each other); Jekyll sites never need that many`, ...position(source, tooDeep) };
  try {
    let doc = parse(text);
    if (errorsOf(doc).length) {
      // libyaml (Jekyll) accepts a quoted value continued on a line that is not indented.
      const lenient = indentQuotedContinuations(text);
      if (lenient !== text) {
        const retry = parse(lenient);
        if (!errorsOf(retry).length) doc = retry;
      }
    }
    const problem = errorsOf(doc)[0];
    if (problem) {
      const { line, col } = position(source, problem.pos[0]);
      return { ok: false, message: problem.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''), line, col };
    }
    return { ok: true, value: new Converter(doc, maxAliasCount, options.symbolsAsStrings === true).convert(doc.contents) };
  } catch (error) {
    const offset = error instanceof YamlReadError ? error.offset : 0;
    return { ok: false, message: (error as Error).message, ...position(source, offset) };
  }
}
