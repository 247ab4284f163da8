/**
 * How form widgets turn what the user picked into front-matter values in the file's own style:
 * tags stay a space-separated string while every tag is one word (Jekyll splits strings on
 * spaces), dates keep their written format and offset.
 */
import { YamlDate, YamlTime } from '../yaml/read-yaml';
import type { PlainValue } from './yaml-render';

/** The value to write for a tag/category field holding `names`, given what the file has now. */
export function termsValue(key: string, current: unknown, names: readonly string[]): PlainValue {
  const clean = names.map((n) => n.trim()).filter(Boolean);
  const singular = key === 'category' || key === 'tag';
  if (singular) return clean.length === 1 ? clean[0] : clean;
  const oneWord = clean.every((n) => !/\s/.test(n));
  if (typeof current === 'string' && oneWord && clean.length > 0) return clean.join(' ');
  return clean;
}

/** The names a tag/category value stands for, the way Jekyll reads it. */
export function termsOf(key: string, value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return key === 'category' || key === 'tag' ? [value] : value.split(/\s+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map(String);
  return [String(value)];
}

export interface DateStyle {
  dateOnly: boolean;
  separator: ' ' | 'T';
  seconds: boolean;
  /** How the offset is written: none, `Z`, `+08:00` or `+0800`. */
  zone: 'none' | 'Z' | 'colon' | 'plain';
  /** The offset written in the file, minutes east of UTC; null when none. */
  offsetMinutes: number | null;
  /** A space between the time and the offset. */
  zoneSpace: boolean;
}

/** The style of a date as written (`2019-08-08`, `2019-08-08 14:10:00 +0800`, …). */
export function dateStyleOf(value: unknown): DateStyle {
  if (value instanceof YamlDate) return { dateOnly: true, separator: ' ', seconds: true, zone: 'none', offsetMinutes: null, zoneSpace: true };
  const source = value instanceof YamlTime ? value.source : typeof value === 'string' ? value : '';
  const m = /^\d{4}-\d{1,2}-\d{1,2}(?:([Tt ]+)\d{1,2}:\d{2}(:\d{2})?(?:\.\d+)?(\s*)(Z|[-+]\d{1,2}(:?)(\d{2})?)?)?\s*$/.exec(source.trim());
  if (!m) return { dateOnly: false, separator: ' ', seconds: true, zone: 'plain', offsetMinutes: null, zoneSpace: true };
  if (m[1] === undefined) return { dateOnly: true, separator: ' ', seconds: true, zone: 'none', offsetMinutes: null, zoneSpace: true };
  let offsetMinutes: number | null = null;
  let zone: DateStyle['zone'] = 'none';
  if (m[4] === 'Z') [zone, offsetMinutes] = ['Z', 0];
  else if (m[4]) {
    const z = /^([-+])(\d{1,2}):?(\d{2})?$/.exec(m[4])!;
    offsetMinutes = (Number(z[2]) * 60 + Number(z[3] ?? 0)) * (z[1] === '-' ? -1 : 1);
    zone = m[5] === ':' ? 'colon' : 'plain';
  }
  return { dateOnly: false, separator: m[1].includes('T') ? 'T' : ' ', seconds: m[2] !== undefined, zone, offsetMinutes, zoneSpace: m[3] !== '' };
}

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** Writes a wall time (in the style's own offset, or `fallbackOffset`) in the given style. */
export function formatDateInStyle(t: WallTime, style: DateStyle, fallbackOffset: number): string {
  const date = `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
  if (style.dateOnly && t.hour === 0 && t.minute === 0 && t.second === 0) return date;
  const time = `${pad(t.hour)}:${pad(t.minute)}${style.seconds || style.dateOnly ? `:${pad(t.second)}` : ''}`;
  const sep = style.dateOnly ? ' ' : style.separator;
  const offset = style.offsetMinutes ?? fallbackOffset;
  const sign = offset < 0 ? '-' : '+';
  const hhmm = `${pad(Math.floor(Math.abs(offset) / 60))}${style.zone === 'colon' ? ':' : ''}${pad(Math.abs(offset) % 60)}`;
  let zone = '';
  if (style.zone === 'Z') zone = 'Z';
  else if (style.zone === 'colon' || style.zone === 'plain' || style.dateOnly) zone = `${style.zoneSpace ? ' ' : ''}${sign}${hhmm}`;
  return `${date}${sep}${time}${zone}`;
}
