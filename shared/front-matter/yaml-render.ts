/**
 * Writes values as YAML text that Jekyll (YAML 1.1) reads back as exactly the same value.
 *
 * Strings stay plain only when plain text cannot be mistaken for something else (`yes`, `14:50`,
 * `2020-01-01`, `a: b`…); otherwise they are quoted in the style the field already uses.
 */
import { SourceError } from '../source-error';
import { resolvePlainScalar, YamlDate, YamlTime } from '../yaml/read-yaml';

export type PlainValue = string | number | boolean | null | YamlDate | YamlTime | PlainValue[] | { [key: string]: PlainValue };

export type ScalarStyle = 'plain' | 'single' | 'double';

const UNSAFE_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;

/**
 * Characters a YAML 1.1 reader (libyaml, so Jekyll) does not take literally outside double
 * quotes: C0/C1 controls and DEL (refused as non-printable), tab, and the YAML 1.1 line breaks
 * NEL, LS and PS, plus a BOM.
 */
const NEEDS_ESCAPE = /[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;
const NEEDS_ESCAPE_ALL = /[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when `text` can be written unquoted and still read back as this exact string. */
export function isPlainSafe(text: string, inFlow = false): boolean {
  if (text === '' || text !== text.trim() || NEEDS_ESCAPE.test(text) || LONE_SURROGATE.test(text)) return false;
  if (UNSAFE_START.test(text) || /^(?:---|\.\.\.)(?:\s|$)/.test(text)) return false;
  // Psych reads these as strings, but the YAML 1.1 spec as the value key and the merge key:
  // quoting costs nothing. (`y`/`n` stay plain: Jekyll reads them as strings.)
  if (text === '=' || text === '<<') return false;
  if (text.includes(': ') || text.includes(' #') || text.endsWith(':')) return false;
  if (inFlow && /[,[\]{}]/.test(text)) return false;
  try {
    return resolvePlainScalar(text) === text;
  } catch {
    return false;
  }
}

export function isScalarValue(value: unknown): value is string | number | boolean | null | YamlDate | YamlTime {
  return value === null || typeof value !== 'object' || value instanceof YamlDate || value instanceof YamlTime;
}

const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r', '\0': '\\0', '\x85': '\\N', '\u2028': '\\L', '\u2029': '\\P' };

/** A double-quoted scalar: `\\` and `"` escaped, and every character libyaml would not keep as is. */
function doubleQuoted(text: string): string {
  if (LONE_SURROGATE.test(text)) throw new SourceError('invalid-value', 'the text holds a broken Unicode character (an unpaired surrogate) and cannot be saved');
  const body = text.replace(/["\\]/g, (c) => `\\${c}`).replace(NEEDS_ESCAPE_ALL, (c) => NAMED_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${body}"`;
}

function singleQuoted(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** One scalar as inline YAML. `style` is the style the field had, kept for strings. */
export function renderScalar(value: string | number | boolean | null | YamlDate | YamlTime, style: ScalarStyle = 'plain', inFlow = false): string {
  if (value === null) return inFlow ? '~' : '';
  if (value instanceof YamlDate || value instanceof YamlTime) return value.toString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan';
    if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
    const text = String(value);
    // YAML 1.1 floats need a dot: `1e+21` alone would read as a string.
    return /e/.test(text) && !text.includes('.') ? text.replace('e', '.0e') : text;
  }
  if (style === 'single' && !NEEDS_ESCAPE.test(value) && !LONE_SURROGATE.test(value)) return singleQuoted(value);
  if (style === 'double') return doubleQuoted(value);
  return isPlainSafe(value, inFlow) ? value : doubleQuoted(value);
}

/** A value in flow style: `[a, b]`, `{k: v}`. */
export function renderFlow(value: PlainValue, style: ScalarStyle = 'plain', spaced = false): string {
  if (isScalarValue(value)) return renderScalar(value, style, true);
  const pad = spaced ? ' ' : '';
  if (Array.isArray(value)) return value.length ? `[${pad}${value.map((v) => renderFlow(v, style)).join(', ')}${pad}]` : '[]';
  const entries = Object.entries(value);
  if (!entries.length) return '{}';
  return `{${pad}${entries.map(([k, v]) => `${renderKey(k)}: ${renderFlow(v, style)}`).join(', ')}${pad}}`;
}

export function renderKey(key: string): string {
  return isPlainSafe(key, true) ? key : doubleQuoted(key);
}

/** True when a list reads best inline: short scalars only. */
export function fitsFlow(value: PlainValue[]): boolean {
  return value.every(isScalarValue) && renderFlow(value).length <= 80;
}

export interface BlockLayout {
  /** Spaces per nesting level of maps. */
  unit: number;
  /** Spaces before `-` relative to the parent key (0 or the unit, as the file does it). */
  dashIndent: number;
  eol: string;
}

/**
 * A collection in block style. The first line carries no indentation (the caller's text
 * already has it); the result ends with an end of line.
 */
export function renderBlock(value: PlainValue[] | { [key: string]: PlainValue }, indent: number, layout: BlockLayout, style: ScalarStyle = 'plain'): string {
  const lines: string[] = [];
  const pad = (n: number) => ' '.repeat(n);
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isScalarValue(item)) lines.push(`${pad(indent)}- ${renderScalar(item, style)}`.replace(/ $/, ''));
      else if (Array.isArray(item) || Object.keys(item).length === 0) lines.push(`${pad(indent)}- ${renderFlow(item, style)}`);
      else {
        const inner = renderBlock(item, indent + 2, layout, style);
        lines.push(`${pad(indent)}- ${inner.replace(new RegExp(`${layout.eol}$`), '')}`);
      }
    }
  } else {
    for (const [key, item] of Object.entries(value)) {
      if (isScalarValue(item)) lines.push(`${pad(indent)}${renderKey(key)}: ${renderScalar(item, style)}`.replace(/ $/, ''));
      else if ((Array.isArray(item) && (item.length === 0 || fitsFlow(item))) || (!Array.isArray(item) && Object.keys(item).length === 0)) {
        lines.push(`${pad(indent)}${renderKey(key)}: ${renderFlow(item, style)}`);
      } else {
        const childIndent = Array.isArray(item) ? indent + layout.dashIndent : indent + layout.unit;
        lines.push(`${pad(indent)}${renderKey(key)}:`);
        lines.push(pad(childIndent) + renderBlock(item, childIndent, layout, style).replace(new RegExp(`${layout.eol}$`), ''));
      }
    }
  }
  const text = lines.join(layout.eol) + layout.eol;
  return text.slice(indent);
}
