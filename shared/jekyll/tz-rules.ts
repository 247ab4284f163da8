/**
 * A zone's UTC offsets from its compiled tz database file (TZif, RFC 8536): the data Ruby's
 * `Time` sees through the C library when Jekyll sets `ENV["TZ"]`.
 *
 * Reading the file is cheaper than asking `Intl`, which loads ICU's zone data (~20 ms per thread)
 * and answers one instant per call, and it is the same data Jekyll uses on that machine. Anything
 * this reader does not understand gives null, and the caller asks `Intl` as before.
 */
import { civilFromDays, daysFromCivil } from './civil-days';

/** Offsets of one zone: answers any instant from its transitions, and after the last one from its rule. */
export interface ZoneRules {
  /** Seconds east of UTC at `epochSeconds`. */
  offsetAt(epochSeconds: number): number;
}

/** The POSIX TZ rule of a TZif footer, e.g. `CET-1CEST,M3.5.0,M10.5.0/3`. */
export interface PosixRule {
  /** Seconds east of UTC in standard time. */
  std: number;
  /** Daylight time, when the zone has it. */
  dst?: { offset: number; start: RuleDate; startTime: number; end: RuleDate; endTime: number };
}

/** `Jn` (1–365, no leap day), `n` (0–365), or `Mm.w.d` (month, week 1–5 with 5 the last, weekday 0 = Sunday). */
type RuleDate = { kind: 'julian'; day: number } | { kind: 'zero'; day: number } | { kind: 'month'; month: number; week: number; weekday: number };

const DAY = 86400;

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Days from 1970-01-01 to the day a rule date names in `year`. */
function ruleDay(year: number, date: RuleDate): number {
  const jan1 = daysFromCivil(year, 1, 1);
  if (date.kind === 'zero') return jan1 + date.day;
  if (date.kind === 'julian') return jan1 + date.day - 1 + (isLeap(year) && date.day >= 60 ? 1 : 0);
  const first = daysFromCivil(year, date.month, 1);
  // 1970-01-01 was a Thursday (4).
  const firstWeekday = (((first + 4) % 7) + 7) % 7;
  let day = first + ((date.weekday - firstWeekday + 7) % 7) + (date.week - 1) * 7;
  if (date.week === 5) {
    const nextMonth = date.month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, date.month + 1, 1);
    while (day >= nextMonth) day -= 7;
  }
  return day;
}

/** Seconds east of UTC at `t` under a POSIX rule. */
export function posixOffsetAt(rule: PosixRule, t: number): number {
  const dst = rule.dst;
  if (!dst) return rule.std;
  const year = civilFromDays(Math.floor((t + rule.std) / DAY)).year;
  // The start is given in standard time and the end in daylight time.
  const start = ruleDay(year, dst.start) * DAY + dst.startTime - rule.std;
  const end = ruleDay(year, dst.end) * DAY + dst.endTime - dst.offset;
  const inDst = start < end ? t >= start && t < end : !(t >= end && t < start);
  return inDst ? dst.offset : rule.std;
}

/** Reads a POSIX TZ string as RFC 8536 allows in a footer; null when it is not one. */
export function parsePosixRule(text: string): PosixRule | null {
  let at = 0;
  const name = (): boolean => {
    if (text[at] === '<') {
      const close = text.indexOf('>', at);
      if (close < 0) return false;
      at = close + 1;
      return true;
    }
    const from = at;
    while (at < text.length && /[A-Za-z]/.test(text[at])) at++;
    return at - from >= 3;
  };
  /** `[+-]hh[:mm[:ss]]` in seconds, hours up to 167 (RFC 8536), or null. */
  const time = (): number | null => {
    const m = /^([+-]?)(\d{1,3})(?::(\d{1,2}))?(?::(\d{1,2}))?/.exec(text.slice(at));
    if (!m || Number(m[2]) > 167) return null;
    at += m[0].length;
    const seconds = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
    return m[1] === '-' ? -seconds : seconds;
  };
  const date = (): RuleDate | null => {
    let m = /^M(\d{1,2})\.(\d)\.(\d)/.exec(text.slice(at));
    if (m) {
      const [month, week, weekday] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (month < 1 || month > 12 || week < 1 || week > 5 || weekday > 6) return null;
      at += m[0].length;
      return { kind: 'month', month, week, weekday };
    }
    m = /^(J?)(\d{1,3})/.exec(text.slice(at));
    if (!m) return null;
    const day = Number(m[2]);
    if (m[1] ? day < 1 || day > 365 : day > 365) return null;
    at += m[0].length;
    return m[1] ? { kind: 'julian', day } : { kind: 'zero', day };
  };
  const ruleTime = (): number | null => {
    if (text[at] !== '/') return 7200;
    at++;
    return time();
  };

  if (!name()) return null;
  const stdWest = time();
  if (stdWest === null) return null;
  // POSIX counts west of UTC; `0 -` rather than a minus sign keeps UTC's 0 from becoming -0.
  const std = 0 - stdWest;
  if (at === text.length) return { std };
  if (!name()) return null;
  let offset = std + 3600;
  if (at < text.length && text[at] !== ',') {
    const west = time();
    if (west === null) return null;
    offset = 0 - west;
  }
  // POSIX's default rule, the United States' since 2007 (zic always writes one).
  if (at === text.length) return { std, dst: { offset, start: { kind: 'month', month: 3, week: 2, weekday: 0 }, startTime: 7200, end: { kind: 'month', month: 11, week: 1, weekday: 0 }, endTime: 7200 } };
  if (text[at++] !== ',') return null;
  const start = date();
  const startTime = start && ruleTime();
  if (!start || startTime === null || text[at++] !== ',') return null;
  const end = date();
  const endTime = end && ruleTime();
  if (!end || endTime === null || at !== text.length) return null;
  return { std, dst: { offset, start, startTime, end, endTime } };
}

/** The zone's rules from a TZif file's bytes, or null for anything unexpected (leap-second files included). */
export function parseTzif(bytes: Uint8Array): ZoneRules | null {
  try {
    return readTzif(bytes);
  } catch {
    return null;
  }
}

interface Header {
  version: number;
  isutcnt: number;
  isstdcnt: number;
  leapcnt: number;
  timecnt: number;
  typecnt: number;
  charcnt: number;
}

function header(view: DataView, at: number): Header | null {
  // "TZif"
  if (view.getUint32(at) !== 0x545a6966) return null;
  const v = view.getUint8(at + 4);
  const version = v === 0 ? 1 : v - 0x30;
  if (version < 1 || version > 9) return null;
  const n = (i: number) => view.getUint32(at + 20 + i * 4);
  return { version, isutcnt: n(0), isstdcnt: n(1), leapcnt: n(2), timecnt: n(3), typecnt: n(4), charcnt: n(5) };
}

/** Bytes of a data block after its header, with `size` bytes per transition time and per leap-second time. */
function blockBytes(h: Header, size: number): number {
  return h.timecnt * size + h.timecnt + h.typecnt * 6 + h.charcnt + h.leapcnt * (size + 4) + h.isstdcnt + h.isutcnt;
}

function readTzif(bytes: Uint8Array): ZoneRules | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const first = header(view, 0);
  if (!first) return null;
  let h = first;
  let at = 44;
  let size = 4;
  if (first.version >= 2) {
    at += blockBytes(first, 4);
    const second = header(view, at);
    if (!second) return null;
    h = second;
    at += 44;
    size = 8;
  }
  // Leap-second ("right/") files count TAI-like seconds, which Ruby's localtime does not use this way.
  if (h.leapcnt !== 0 || h.typecnt === 0) return null;
  const end = at + blockBytes(h, size);
  if (end > bytes.byteLength) return null;
  const times = new Float64Array(h.timecnt);
  for (let i = 0; i < h.timecnt; i++) times[i] = size === 8 ? Number(view.getBigInt64(at + i * 8)) : view.getInt32(at + i * 4);
  at += h.timecnt * size;
  const indexes = bytes.subarray(at, at + h.timecnt);
  at += h.timecnt;
  const offsets: number[] = [];
  for (let i = 0; i < h.typecnt; i++) offsets.push(view.getInt32(at + i * 6));
  for (let i = 0; i < h.timecnt; i++) {
    if (indexes[i] >= h.typecnt || (i > 0 && times[i] <= times[i - 1])) return null;
  }
  let rule: PosixRule | null = null;
  if (first.version >= 2) {
    // The footer: a newline, a POSIX TZ string (possibly empty), a newline.
    if (bytes[end] !== 0x0a) return null;
    const close = bytes.indexOf(0x0a, end + 1);
    if (close < 0) return null;
    const text = String.fromCharCode(...bytes.subarray(end + 1, close));
    if (text) {
      rule = parsePosixRule(text);
      if (!rule) return null;
    }
  }
  const transitionOffsets = Array.from(indexes, (i) => offsets[i]);
  const last = h.timecnt ? times[h.timecnt - 1] : -Infinity;
  const lastOffset = h.timecnt ? transitionOffsets[h.timecnt - 1] : offsets[0];
  // Before the first transition: time type 0 (RFC 8536, 3.2).
  const initial = offsets[0];
  let hint = 0;
  return {
    offsetAt(t: number): number {
      if (t >= last) return rule ? posixOffsetAt(rule, t) : lastOffset;
      if (h.timecnt === 0 || t < times[0]) return initial;
      // Posts come in date order: the interval found last time is checked first.
      if (!(times[hint] <= t && t < times[hint + 1])) {
        let lo = 0;
        let hi = h.timecnt - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (times[mid] <= t) lo = mid;
          else hi = mid - 1;
        }
        hint = lo;
      }
      return transitionOffsets[hint];
    },
  };
}
