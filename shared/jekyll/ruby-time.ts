/**
 * Dates the way Jekyll sees them: Ruby's `Time.parse(value.to_s).localtime` in the site's zone.
 *
 * Jekyll sets `ENV["TZ"]` from `timezone:` and converts every post date to that zone, so the
 * year/month/day in URLs and the dates we show must be computed in it too, DST included.
 * Offsets come from the machine's zone files where the core supplies them (setZoneSource: the
 * data Ruby itself reads), else from `Intl`, which needs no Node or DOM API.
 */
import { civilFromDays } from './civil-days';
import type { ZoneRules } from './tz-rules';

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  /** Minutes east of UTC at that instant. */
  offsetMinutes: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(tz: string | null): Intl.DateTimeFormat {
  const key = tz ?? '';
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz ?? undefined,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(key, f);
  }
  return f;
}

let canonicalZones: Set<string> | null = null;

/**
 * True when `tz` is a zone name `Intl` knows. The list of canonical names answers the common
 * case in ~3 ms; building a formatter (for aliases such as `Asia/Calcutta` or other spellings)
 * loads the zone data, ~40 ms, which a warm open of the index never needs otherwise.
 */
export function isKnownTimeZone(tz: string): boolean {
  if (!canonicalZones) {
    try {
      canonicalZones = new Set(Intl.supportedValuesOf('timeZone'));
    } catch {
      canonicalZones = new Set();
    }
  }
  if (canonicalZones.has(tz)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const exactCache = new Map<string, Map<number, number>>();
/** Per two-week span: its one offset, or where it changes once (found by bisection). */
type Span = number | { at: number; before: number; after: number } | null;
const spanCache = new Map<string, Map<number, Span>>();
/** Zone offsets only change on quarter hours, so one exact lookup per 15 minutes is enough. */
const BUCKET_MS = 15 * 60 * 1000;
/** Offsets change at most twice a year and never twice within two weeks (Ramadan DST pauses last a month). */
const SPAN_MS = 14 * 24 * 3600 * 1000;

function cacheFor<V>(caches: Map<string, Map<number, V>>, key: string): Map<number, V> {
  let cache = caches.get(key);
  if (!cache) caches.set(key, (cache = new Map()));
  if (cache.size > 200_000) cache.clear();
  return cache;
}

const boundaryCache = new Map<string, Map<number, number>>();

/** The offset at the start of two-week span `n` (cached). */
function boundaryOffset(key: string, n: number, tz: string | null): number {
  const cache = cacheFor(boundaryCache, key);
  let offset = cache.get(n);
  if (offset === undefined) cache.set(n, (offset = computeOffset(n * SPAN_MS, tz)));
  return offset;
}

/** Rules of a zone (null: this machine's zone) from outside `Intl`, or null to ask `Intl`. */
export type ZoneSource = (tz: string | null) => ZoneRules | null;

let zoneSource: ZoneSource | null = null;
const sourcedRules = new Map<string, ZoneRules | null>();

/** Where zone rules come from besides `Intl` (the core: the machine's zone files); null for `Intl` only. */
export function setZoneSource(source: ZoneSource | null): void {
  zoneSource = source;
  sourcedRules.clear();
}

function sourcedRulesFor(key: string, tz: string | null): ZoneRules | null {
  let rules = sourcedRules.get(key);
  if (rules === undefined) {
    rules = zoneSource ? zoneSource(tz) : null;
    sourcedRules.set(key, rules);
  }
  return rules;
}

/** The last two-week span found to have one offset throughout. */
let lastSpan = { key: '', from: 0, to: 0, offset: 0 };

/** Minutes east of UTC in `tz` (null: this machine's zone) at `epochMs`. */
export function zoneOffsetMinutes(epochMs: number, tz: string | null): number {
  const key = tz ?? '';
  // Outside a Date's range `Intl` throws, as it always has.
  if (zoneSource && Math.abs(epochMs) <= 8.64e15) {
    const rules = sourcedRulesFor(key, tz);
    if (rules) return Math.round(rules.offsetAt(Math.floor(epochMs / 1000)) / 60);
  }
  // Posts come in date order: most lookups fall in the same constant span as the one before.
  if (epochMs >= lastSpan.from && epochMs < lastSpan.to && key === lastSpan.key) return lastSpan.offset;
  // Most two-week spans have one offset throughout: one lookup serves every post in them.
  const spans = cacheFor(spanCache, key);
  const span = Math.floor(epochMs / SPAN_MS);
  let constant = spans.get(span);
  if (constant === undefined) {
    // Offsets at span boundaries, each shared by the two spans it separates: half the lookups.
    const start = boundaryOffset(key, span, tz);
    const end = boundaryOffset(key, span + 1, tz);
    constant = start === end ? start : bisectChange(span * SPAN_MS, (span + 1) * SPAN_MS, start, end, tz);
    spans.set(span, constant);
  }
  if (typeof constant === 'number') {
    lastSpan = { key, from: span * SPAN_MS, to: (span + 1) * SPAN_MS, offset: constant };
    return constant;
  }
  if (constant !== null) return epochMs >= constant.at ? constant.after : constant.before;
  const exact = cacheFor(exactCache, key);
  const bucket = Math.floor(epochMs / BUCKET_MS);
  let offset = exact.get(bucket);
  if (offset === undefined) {
    offset = computeOffset(bucket * BUCKET_MS, tz);
    exact.set(bucket, offset);
  }
  return offset;
}

/**
 * The instant (to the second) where the offset changes from `before` to `after` within
 * [lo, hi], when it changes exactly once there (checked at the middle of each half); else null,
 * and the 15-minute lookups are used.
 */
function bisectChange(lo: number, hi: number, before: number, after: number, tz: string | null): Span {
  let a = lo;
  let b = hi;
  while (b - a > 1000) {
    const mid = Math.floor((a + b) / 2000) * 1000;
    const offset = computeOffset(mid, tz);
    if (offset === before) a = mid;
    else if (offset === after) b = mid;
    else return null;
  }
  // Offsets change on whole seconds: `b` is the first second with the new offset.
  const quarter = (hi - lo) / 4;
  if (computeOffset(lo + quarter, tz) !== (lo + quarter >= b ? after : before)) return null;
  if (computeOffset(hi - quarter, tz) !== (hi - quarter >= b ? after : before)) return null;
  return { at: b, before, after };
}

function computeOffset(epochMs: number, tz: string | null): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  const parts = formatterFor(tz).formatToParts(new Date(whole));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  let year = get('year');
  if (parts.find((p) => p.type === 'era')?.value === 'BC') year = 1 - year;
  const asUtc = Date.UTC(year, get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - whole) / 60000);
}

const DAY_MS = 86400000;

/**
 * Calendar fields of `epochMs` as seen in `tz`. Integer arithmetic (civil-days.ts) rather than a
 * Date and seven getters: every post's URL and shown date need these, and the getters cost
 * several times more between other work.
 */
export function zonedParts(epochMs: number, tz: string | null): ZonedParts {
  const offsetMinutes = zoneOffsetMinutes(epochMs, tz);
  const local = epochMs + offsetMinutes * 60000;
  // Outside a Date's range every getter gave NaN.
  if (!(Math.abs(local) <= 8.64e15)) return invalidParts(offsetMinutes);
  const days = Math.floor(local / DAY_MS);
  let rest = local - days * DAY_MS;
  const ms = rest % 1000;
  rest = (rest - ms) / 1000;
  const second = rest % 60;
  rest = (rest - second) / 60;
  const minute = rest % 60;
  const hour = (rest - minute) / 60;
  const { year, month, day } = civilFromDays(days);
  const weekday = (((days + 4) % 7) + 7) % 7;
  return { year, month, day, hour, minute, second, ms, offsetMinutes, weekday };
}

/** What a Date's getters give for an invalid time: NaN everywhere. */
function invalidParts(offsetMinutes: number): ZonedParts {
  return { year: NaN, month: NaN, day: NaN, hour: NaN, minute: NaN, second: NaN, ms: NaN, offsetMinutes, weekday: NaN };
}

/**
 * The instant of a wall-clock time in `tz`, like Ruby's `Time.local` (days past the month's end
 * roll over, as `Time.local(2016, 6, 31)` gives July 1).
 */
export function wallTimeToEpoch(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
  tz: string | null,
): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  let guess = asUtc - zoneOffsetMinutes(asUtc, tz) * 60000;
  // A second pass settles times near a DST change.
  guess = asUtc - zoneOffsetMinutes(guess, tz) * 60000;
  return guess;
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** `2019-08-08T14:10:00+08:00` for an instant shown in `tz`; milliseconds only when present. */
export function formatIsoInZone(epochMs: number, tz: string | null): string {
  const p = zonedParts(epochMs, tz);
  const sign = p.offsetMinutes < 0 ? '-' : '+';
  const off = Math.abs(p.offsetMinutes);
  const frac = '';
  const year = p.year < 0 ? `-${pad(p.year, 4)}` : pad(p.year, 4);
  return `${year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${frac}${sign}${pad(Math.floor(off / 60))}:${pad(off % 60)}`;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const ISO_LIKE =
  /^\s*(\d{4})(?:-(\d{1,2})-(\d{1,2})|\/(\d{1,2})\/(\d{1,2})|(\d{2})(\d{2}))(?:(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[ECMP][SD]T|[-+]\d{1,2}(?::?\d{2})?)?\s*$/i;
const ZONE = '(Z|UTC|GMT|[ECMP][SD]T|[-+]\\d{1,2}(?::?\\d{2})?)';
const LOOSE = /(\d{4})-(\d{1,2})-(\d{1,2})/;
const LOOSE_TIME = new RegExp(`^\\D*?(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?(?:\\s*${ZONE}(?![\\w]))?`, 'i');
const NAMED_MONTH =
  /^\s*(?:[a-z]{3,9},?\s+)?(?:(\d{1,2})\s+([a-z]{3,9})|([a-z]{3,9})\s+(\d{1,2})(?:st|nd|rd|th)?,?)\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(Z|UTC|GMT|[-+]\d{1,2}(?::?\d{2})?)?\s*$/i;

/**
 * Ruby's `Time.parse` for the shapes found in front matter, or null where Ruby raises.
 *
 * Covers ISO-like dates and times (with `T` or spaces, optional seconds and fractions, `Z`, `UTC`
 * or offsets with or without a colon), `YYYY/MM/DD`, `YYYYMMDD`, and `8 Aug 2019` / `Aug 8, 2019`.
 * Without a zone the wall time is read in `tz`, as Jekyll's `ENV["TZ"]` makes Ruby do.
 */
export function parseRubyTime(input: string, tz: string | null): number | null {
  let y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0;
  let zone: string | undefined;
  const iso = ISO_LIKE.exec(input);
  if (iso) {
    y = Number(iso[1]);
    mo = Number(iso[2] ?? iso[4] ?? iso[6]);
    d = Number(iso[3] ?? iso[5] ?? iso[7]);
    if (iso[8] !== undefined) {
      h = Number(iso[8]);
      mi = Number(iso[9]);
      s = Number(iso[10] ?? 0);
      ms = iso[11] ? Math.round(Number(`0.${iso[11]}`) * 1000) : 0;
    }
    zone = iso[12];
  } else if (!NAMED_MONTH.test(input)) {
    // Ruby's Date._parse finds a date and a time anywhere and ignores the rest.
    const loose = LOOSE.exec(input);
    if (!loose) return null;
    y = Number(loose[1]);
    mo = Number(loose[2]);
    d = Number(loose[3]);
    const time = LOOSE_TIME.exec(input.slice(loose.index + loose[0].length));
    if (time) {
      h = Number(time[1]);
      mi = Number(time[2]);
      s = Number(time[3] ?? 0);
      ms = time[4] ? Math.round(Number(`0.${time[4]}`) * 1000) : 0;
      zone = time[5];
    }
  } else {
    const named = NAMED_MONTH.exec(input)!;
    const monthName = (named[2] ?? named[3]).slice(0, 3).toLowerCase();
    const idx = MONTHS.indexOf(monthName);
    if (idx < 0) return null;
    y = Number(named[5]);
    mo = idx + 1;
    d = Number(named[1] ?? named[4]);
    if (named[6] !== undefined) {
      h = Number(named[6]);
      mi = Number(named[7]);
      s = Number(named[8] ?? 0);
    }
    zone = named[9];
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return null;
  if (h === 24 && (mi > 0 || s > 0)) return null;
  if (zone === undefined) return wallTimeToEpoch(y, mo, d, h, mi, s, ms, tz);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  return asUtc - parseOffset(zone) * 60000;
}

const NAMED_ZONES: Record<string, number> = { EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420 };

/** Minutes east of UTC for `Z`, `UTC`, `PST`, `+0800`, `+08:00`, `+8`. */
function parseOffset(zone: string): number {
  if (/^(z|utc|gmt)$/i.test(zone)) return 0;
  const named = NAMED_ZONES[zone.toUpperCase()];
  if (named !== undefined) return named;
  const m = /^([-+])(\d{1,2})(?::?(\d{2}))?$/.exec(zone);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}
