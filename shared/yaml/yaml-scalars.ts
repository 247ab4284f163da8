/**
 * YAML 1.1 scalars as Ruby's Psych resolves them (Jekyll's reader), plus Ruby's Date and Time.
 *
 * Kept apart from the parser so the fast path and the full reader share one set of rules.
 */

/** A calendar date (`2019-08-08`), Ruby's Date. */
export class YamlDate {
  constructor(
    readonly year: number,
    readonly month: number,
    readonly day: number,
  ) {}

  /** `YYYY-MM-DD`, as Ruby's `Date#to_s`. */
  toString(): string {
    return `${String(this.year).padStart(4, '0')}-${String(this.month).padStart(2, '0')}-${String(this.day).padStart(2, '0')}`;
  }

  toJSON(): string {
    return this.toString();
  }
}

/** A timestamp (`2019-08-08 14:10:00 +0800`), Ruby's Time. */
export class YamlTime {
  constructor(
    readonly epochMs: number,
    /** Minutes east of UTC as written; null when no zone was written (Psych reads it as UTC). */
    readonly offsetMinutes: number | null,
    /** The scalar as written. */
    readonly source: string,
  ) {}

  toString(): string {
    return this.source;
  }

  toJSON(): string {
    return this.source;
  }
}

export type YamlValue = string | number | boolean | null | YamlDate | YamlTime | YamlValue[] | { [key: string]: YamlValue };

export type ReadYamlResult = { ok: true; value: YamlValue } | { ok: false; message: string; line: number; col: number };

export interface ReadYamlOptions {
  /** Aliases allowed before the input counts as an alias bomb. */
  maxAliasCount?: number;
  /** Read `:name` as the string ":name" (SafeYAML, as GitHub Pages reads `_config.yml`) instead of refusing it (Psych `safe_load`). */
  symbolsAsStrings?: boolean;
}

export class YamlReadError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Psych's `%r{^[^\d.:-]?[[:alpha:]_\s!@#$%\^&*(){}<>|/\\~;=]+}`. */
const WORDLIKE = /^[^\d.:-]?[\p{L}\p{M}_\s!@#$%^&*(){}<>|/\\~;=]/u;

/** `:name` is a Ruby Symbol, which Jekyll's safe_load refuses. */
export class SymbolError extends Error {
  constructor(readonly text: string) {
    super(`'${text}' is read as a Ruby symbol, which Jekyll refuses: quote it`);
  }
}

const NULL = /^(?:~|null)$/i;
export const TRUE = /^(?:yes|true|on)$/i;
export const FALSE = /^(?:no|false|off)$/i;

const INT_DEC = /^[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)$/;
const INT_OCT = /^[-+]?0[0-7_,]+$/;
const INT_HEX = /^[-+]?0x[0-9a-fA-F_,]+$/;
const INT_BIN = /^[-+]?0b[01_,]+$/;
const INT_SEX = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}$/;
const FLOAT = /^[-+]?(?:[0-9][0-9_,]*)?\.[0-9]*(?:[eE][-+][0-9]+)?$/;
const FLOAT_SEX = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}\.[0-9_]*$/;
const INF = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;
const DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const TIME = /^(-?\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt]|\s+)(\d{1,2}):(\d\d):(\d\d)(?:\.(\d*))?\s*(Z|[-+]\d{1,2}(?::?\d\d)?)?$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether y-m-d is a real Gregorian date. As the Date round trip this replaces: years 0–99 are
 * not (Date.UTC reads them as 1900–1999).
 */
function isRealDate(y: number, m: number, d: number): boolean {
  if (y < 100 || m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 && leap ? 29 : MONTH_DAYS[m - 1]);
}

export function parseTime(text: string): YamlTime | null {
  const m = TIME.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  if (!zone || zone === 'Z') return new YamlTime(asUtc, zone ? 0 : null, text);
  const z = /^([-+])(\d{1,2}):?(\d\d)?$/.exec(zone)!;
  const minutes = (Number(z[2]) * 60 + Number(z[3] ?? 0)) * (z[1] === '-' ? -1 : 1);
  return new YamlTime(asUtc - minutes * 60000, minutes, text);
}

/**
 * Psych's sexagesimal numbers: part i times 60^|i-2|, the sign staying on the first part only
 * (quirks: `14:50` is 14*3600 + 50*60 = 53400, `-1:30` is -3600 + 1800).
 */
function sexagesimal(text: string): number {
  let total = 0;
  text
    .replace(/_/g, '')
    .split(':')
    .forEach((part, i) => {
      total += Number(part) * 60 ** Math.abs(i - 2);
    });
  return total;
}

function parseInteger(text: string): number {
  const clean = text.replace(/[_,]/g, '');
  const sign = clean.startsWith('-') ? -1 : 1;
  const digits = clean.replace(/^[-+]/, '');
  if (/^0x/i.test(digits)) return sign * parseInt(digits.slice(2), 16);
  if (/^0b/i.test(digits)) return sign * parseInt(digits.slice(2), 2);
  if (digits.length > 1 && digits.startsWith('0')) return sign * parseInt(digits, 8);
  return sign * parseInt(digits, 10);
}

/** A plain scalar resolved with Psych's `ScalarScanner#tokenize` rules. */
export function resolvePlainScalar(text: string): YamlValue {
  if (text === '') return null;
  // Psych's first test: word-like text is a string, unless it is a short null/bool word.
  if (WORDLIKE.test(text) || text.includes('\n')) {
    if (text.length > 5) return text;
    if (NULL.test(text)) return null;
    if (TRUE.test(text)) return true;
    if (FALSE.test(text)) return false;
    return text;
  }
  if (/^:./.test(text)) throw new SymbolError(text);
  const time = parseTime(text);
  if (time) return time;
  const date = DATE.exec(text);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    return isRealDate(y, m, d) ? new YamlDate(y, m, d) : text;
  }
  if (INF.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (text === '~') return null;
  if (NAN.test(text)) return NaN;
  if (INT_SEX.test(text)) return sexagesimal(text);
  if (FLOAT_SEX.test(text)) return sexagesimal(text);
  if (INT_HEX.test(text) || INT_BIN.test(text)) return parseInteger(text);
  if (INT_OCT.test(text)) return /[89]/.test(text) ? text : parseInteger(text);
  if (INT_DEC.test(text)) return parseInteger(text);
  if (FLOAT.test(text)) return /^[-+]?\.$/.test(text) ? text : Number(text.replace(/[_,]/g, '').replace(/\.([eE]|$)/, '$1'));
  return text;
}

