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
import { resolvePlainScalar, SymbolError, YamlDate, YamlTime, YamlReadError, parseTime, TRUE, FALSE, type YamlValue, type ReadYamlResult, type ReadYamlOptions } from './yaml-scalars';
import { readSimpleYaml } from './simple-yaml';

export { resolvePlainScalar, SymbolError, YamlDate, YamlTime, type YamlValue, type ReadYamlResult, type ReadYamlOptions };

function resolveTagged(tag: string, text: string): YamlValue {
  switch (tag) {
    case 'tag:yaml.org,2002:str':
      return text;
    case 'tag:yaml.org,2002:null':
      return null;
    case 'tag:yaml.org,2002:bool':
      return TRUE.test(text) ? true : FALSE.test(text) ? false : text;
    case 'tag:yaml.org,2002:int': {
      const v = resolvePlainScalar(text);
      return typeof v === 'number' ? Math.trunc(v) : text;
    }
    case 'tag:yaml.org,2002:float': {
      const n = Number(text.replace(/[_,]/g, ''));
      return Number.isNaN(n) ? text : n;
    }
    case 'tag:yaml.org,2002:timestamp':
      return parseTime(text) ?? resolvePlainScalar(text);
    default:
      return resolvePlainScalar(text);
  }
}

class Converter {
  private aliases = 0;
  private readonly anchors = new Map<Node, YamlValue>();

  constructor(
    private readonly doc: Document,
    private readonly maxAliases: number,
  ) {}

  convert(node: unknown, depth = 0): YamlValue {
    if (depth > 200) throw new YamlReadError('the YAML is nested too deeply', offsetOf(node));
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      if (++this.aliases > this.maxAliases) throw new YamlReadError(`too many aliases (more than ${this.maxAliases}): refusing a possible alias bomb`, offsetOf(node));
      const target = node.resolve(this.doc);
      if (!target) throw new YamlReadError(`unknown alias *${node.source}`, offsetOf(node));
      const done = this.anchors.get(target);
      if (done !== undefined) return done;
      return this.convert(target, depth + 1);
    }
    let value: YamlValue;
    if (isScalar(node)) {
      const text = String(node.value ?? '');
      if (node.tag && node.tag !== 'tag:yaml.org,2002:str' && node.tag !== '!') value = resolveTagged(node.tag, text);
      else if (node.tag) value = text;
      else if (node.type === Scalar.PLAIN) {
        try {
          value = resolvePlainScalar(text);
        } catch (error) {
          if (error instanceof SymbolError) throw new YamlReadError(error.message, offsetOf(node));
          throw error;
        }
      }
      else value = text;
    } else if (isSeq(node)) {
      value = node.items.map((item) => this.convert(item, depth + 1));
    } else if (isMap(node)) {
      const map: Record<string, YamlValue> = Object.create(null);
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key;
        if (isScalar(keyNode) && keyNode.value === '<<' && keyNode.type === Scalar.PLAIN) {
          this.mergeInto(map, this.convert(pair.value, depth + 1));
          continue;
        }
        const key = this.convert(keyNode, depth + 1);
        map[keyString(key)] = this.convert(pair.value, depth + 1);
      }
      value = { ...map };
    } else {
      value = null;
    }
    if (node && typeof node === 'object' && 'anchor' in node && (node as { anchor?: string }).anchor) this.anchors.set(node as Node, value);
    return value;
  }

  private mergeInto(map: Record<string, YamlValue>, source: YamlValue): void {
    const sources = Array.isArray(source) ? source : [source];
    for (const s of sources) {
      if (!s || typeof s !== 'object' || Array.isArray(s) || s instanceof YamlDate || s instanceof YamlTime) continue;
      for (const [k, v] of Object.entries(s)) if (!(k in map)) map[k] = v;
    }
  }
}

/** Map keys as strings: Psych keeps typed keys, JSON cannot. */
export function keyString(key: YamlValue): string {
  if (key === null) return '';
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
  let out = '';
  let quote: string | null = null;
  let lineStart = true;
  let afterIndicator = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quote) {
      if (lineStart && ch !== ' ' && ch !== '\n' && ch !== '\r') out += ' ';
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
  return out;
}

/** Tabs after a quoted scalar are accepted by libyaml (Jekyll) but not by `yaml`: blank them. */
function tolerateTrailingTabs(source: string): string {
  return source.replace(/(["'])([ \t]*\t[ \t]*)(?=\r?$|\r?\n|#)/gm, (_m, q: string, ws: string) => q + ' '.repeat(ws.length));
}

/** Parses `source`; never throws for bad input. */
export function readYaml(source: string, options: ReadYamlOptions = {}): ReadYamlResult {
  const maxAliasCount = options.maxAliasCount ?? 50;
  if (!source.trim()) return { ok: true, value: null };
  const simple = readSimpleYaml(source, keyString);
  if (simple !== undefined) return { ok: true, value: simple };
  return readYamlFull(source, options);
}

/** The full parser alone (no fast path); the tests compare the two. */
export function readYamlFull(source: string, options: ReadYamlOptions = {}): ReadYamlResult {
  const maxAliasCount = options.maxAliasCount ?? 50;
  if (!source.trim()) return { ok: true, value: null };
  const text = source.includes('\t') ? tolerateTrailingTabs(source) : source;
  try {
    let doc = parseDocument(text, { schema: 'failsafe', uniqueKeys: false, prettyErrors: false, strict: false });
    if (doc.errors.length) {
      // libyaml (Jekyll) accepts a quoted value continued on a line that is not indented.
      const lenient = indentQuotedContinuations(text);
      if (lenient !== text) {
        const retry = parseDocument(lenient, { schema: 'failsafe', uniqueKeys: false, prettyErrors: false, strict: false });
        if (!retry.errors.length) doc = retry;
      }
    }
    const problem = doc.errors[0];
    if (problem) {
      const { line, col } = position(source, problem.pos[0]);
      return { ok: false, message: problem.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''), line, col };
    }
    return { ok: true, value: new Converter(doc, maxAliasCount).convert(doc.contents) };
  } catch (error) {
    const offset = error instanceof YamlReadError ? error.offset : 0;
    return { ok: false, message: (error as Error).message, ...position(source, offset) };
  }
}
