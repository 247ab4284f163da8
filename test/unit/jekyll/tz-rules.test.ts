/**
 * Zone offsets read from TZif bytes and POSIX TZ rules: the rules of real zones (northern,
 * southern, Dublin's negative daylight time, negative rule times) give the offsets the tz database
 * gives, and anything malformed gives null so `Intl` answers instead.
 */
import { describe, expect, it } from 'vitest';
import { parsePosixRule, parseTzif, posixOffsetAt } from '../../../shared/jekyll/tz-rules';

const at = (iso: string) => Date.parse(iso) / 1000;

describe('parsePosixRule', () => {
  it.each([
    ['CET-1CEST,M3.5.0,M10.5.0/3', { std: 3600, dst: { offset: 7200, start: { kind: 'month', month: 3, week: 5, weekday: 0 }, startTime: 7200, end: { kind: 'month', month: 10, week: 5, weekday: 0 }, endTime: 10800 } }],
    ['<+0330>-3:30', { std: 12600 }],
    ['UTC0', { std: 0 }],
    ['<-02>2<-01>,M3.5.0/-1,M10.5.0/0', { std: -7200, dst: { offset: -3600, start: { kind: 'month', month: 3, week: 5, weekday: 0 }, startTime: -3600, end: { kind: 'month', month: 10, week: 5, weekday: 0 }, endTime: 0 } }],
    ['EST5EDT,0/0,J365/25', { std: -18000, dst: { offset: -14400, start: { kind: 'zero', day: 0 }, startTime: 0, end: { kind: 'julian', day: 365 }, endTime: 90000 } }],
    // No rule: POSIX's default, the United States' rule.
    ['EST5EDT', { std: -18000, dst: { offset: -14400, start: { kind: 'month', month: 3, week: 2, weekday: 0 }, startTime: 7200, end: { kind: 'month', month: 11, week: 1, weekday: 0 }, endTime: 7200 } }],
  ])('%s', (text, rule) => {
    expect(parsePosixRule(text)).toEqual(rule);
  });

  it.each(['', 'X-1', 'CET', 'CET-1CEST,M13.1.0,M10.5.0', 'CET-1CEST,M3.6.0,M10.5.0', 'CET-1CEST,M3.5.0', 'CET-1CEST,M3.5.0,M10.5.0/3x', 'CET-200', '<+03-3', 'CET-1CEST,J0,J365'])('%j is not a rule', (text) => {
    expect(parsePosixRule(text)).toBeNull();
  });
});

describe('posixOffsetAt', () => {
  const offsetAt = (rule: string, iso: string) => posixOffsetAt(parsePosixRule(rule)!, at(iso)) / 60;

  it.each([
    // Berlin: daylight time from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC.
    ['CET-1CEST,M3.5.0,M10.5.0/3', '2050-03-27T00:59:59Z', 60],
    ['CET-1CEST,M3.5.0,M10.5.0/3', '2050-03-27T01:00:00Z', 120],
    ['CET-1CEST,M3.5.0,M10.5.0/3', '2050-10-30T00:59:59Z', 120],
    ['CET-1CEST,M3.5.0,M10.5.0/3', '2050-10-30T01:00:00Z', 60],
    // Sydney: summer spans the new year.
    ['AEST-10AEDT,M10.1.0,M4.1.0/3', '2050-01-01T00:00:00Z', 660],
    ['AEST-10AEDT,M10.1.0,M4.1.0/3', '2050-04-02T15:59:59Z', 660],
    ['AEST-10AEDT,M10.1.0,M4.1.0/3', '2050-04-02T16:00:00Z', 600],
    ['AEST-10AEDT,M10.1.0,M4.1.0/3', '2050-07-01T00:00:00Z', 600],
    ['AEST-10AEDT,M10.1.0,M4.1.0/3', '2050-10-01T15:59:59Z', 600],
    ['AEST-10AEDT,M10.1.0,M4.1.0/3', '2050-10-01T16:00:00Z', 660],
    // Dublin: Irish Standard Time in summer, "daylight" GMT in winter.
    ['IST-1GMT0,M10.5.0,M3.5.0/1', '2050-01-15T00:00:00Z', 0],
    ['IST-1GMT0,M10.5.0,M3.5.0/1', '2050-03-27T00:59:59Z', 0],
    ['IST-1GMT0,M10.5.0,M3.5.0/1', '2050-03-27T01:00:00Z', 60],
    ['IST-1GMT0,M10.5.0,M3.5.0/1', '2050-07-15T00:00:00Z', 60],
    // Daylight time all year.
    ['EST5EDT,0/0,J365/25', '2050-01-01T06:00:00Z', -240],
    ['EST5EDT,0/0,J365/25', '2050-12-31T20:00:00Z', -240],
    ['<+0545>-5:45', '2050-06-01T00:00:00Z', 345],
  ])('%s at %s: %i minutes', (rule, iso, minutes) => {
    expect(offsetAt(rule, iso)).toBe(minutes);
  });
});

interface TzifSpec {
  version?: 1 | 2;
  transitions: [number, number][];
  types: number[];
  footer?: string;
  leapSeconds?: number;
}

/** A TZif file written the way zic lays them out (RFC 8536), from transitions and offsets. */
function tzifBytes(spec: TzifSpec): Uint8Array {
  const out: number[] = [];
  const u32 = (n: number) => out.push((n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
  const i64 = (n: number) => {
    const big = BigInt.asUintN(64, BigInt(n));
    for (let s = 56n; s >= 0n; s -= 8n) out.push(Number((big >> s) & 255n));
  };
  const chars = [0x4c, 0x4d, 0x54, 0];
  const block = (size: 4 | 8) => {
    out.push(0x54, 0x5a, 0x69, 0x66, spec.version === 1 ? 0 : 0x32, ...new Array(15).fill(0));
    const leaps = spec.leapSeconds ?? 0;
    for (const n of [0, 0, leaps, spec.transitions.length, spec.types.length, chars.length]) u32(n);
    for (const [t] of spec.transitions) (size === 8 ? i64 : u32)(t);
    for (const [, type] of spec.transitions) out.push(type);
    for (const offset of spec.types) {
      u32(offset);
      out.push(0, 0);
    }
    out.push(...chars);
    for (let i = 0; i < leaps; i++) {
      (size === 8 ? i64 : u32)(78796800 + i);
      u32(i + 1);
    }
  };
  block(4);
  if (spec.version !== 1) {
    block(8);
    out.push(0x0a, ...Array.from(spec.footer ?? '', (c) => c.charCodeAt(0)), 0x0a);
  }
  return Uint8Array.from(out);
}

describe('parseTzif', () => {
  // A made-up zone: +01:00, then +02:00 from 2000-01-01, then Berlin's rule from 2001-01-01.
  const zone = { transitions: [[at('2000-01-01T00:00:00Z'), 1], [at('2001-01-01T00:00:00Z'), 0]] as [number, number][], types: [3600, 7200], footer: 'CET-1CEST,M3.5.0,M10.5.0/3' };
  const offsetOf = (bytes: Uint8Array, iso: string) => parseTzif(bytes)!.offsetAt(at(iso)) / 60;

  it('answers from the transitions, before the first one from type 0, after the last one from the footer', () => {
    const bytes = tzifBytes(zone);
    expect(offsetOf(bytes, '1900-06-01T00:00:00Z')).toBe(60);
    expect(offsetOf(bytes, '1999-12-31T23:59:59Z')).toBe(60);
    expect(offsetOf(bytes, '2000-01-01T00:00:00Z')).toBe(120);
    expect(offsetOf(bytes, '2000-12-31T23:59:59Z')).toBe(120);
    expect(offsetOf(bytes, '2001-01-01T00:00:00Z')).toBe(60);
    expect(offsetOf(bytes, '2050-07-01T00:00:00Z')).toBe(120);
    expect(offsetOf(bytes, '2050-12-01T00:00:00Z')).toBe(60);
  });

  it('answers lookups in any order (the remembered interval is only a shortcut)', () => {
    const rules = parseTzif(tzifBytes(zone))!;
    const order = ['2000-06-01T00:00:00Z', '1990-01-01T00:00:00Z', '2000-06-02T00:00:00Z', '2050-07-01T00:00:00Z', '2000-01-01T00:00:00Z'];
    expect(order.map((iso) => rules.offsetAt(at(iso)) / 60)).toEqual([120, 60, 120, 120, 120]);
  });

  it('reads version 1 files (no footer: the last offset holds) and files without transitions', () => {
    expect(offsetOf(tzifBytes({ ...zone, version: 1 }), '2050-07-01T00:00:00Z')).toBe(60);
    expect(offsetOf(tzifBytes({ transitions: [], types: [19800], footer: '<+0530>-5:30' }), '2024-01-01T00:00:00Z')).toBe(330);
    expect(offsetOf(tzifBytes({ transitions: [], types: [0], footer: '' }), '2024-01-01T00:00:00Z')).toBe(0);
  });

  it.each([
    ['leap seconds', tzifBytes({ ...zone, leapSeconds: 2 })],
    ['a cut-off file', tzifBytes(zone).subarray(0, 120)],
    ['no TZif magic', Uint8Array.from([...tzifBytes(zone)].map((b, i) => (i === 0 ? 0x58 : b)))],
    ['transitions out of order', tzifBytes({ ...zone, transitions: [zone.transitions[1], zone.transitions[0]] })],
    ['a type index past the types', tzifBytes({ ...zone, transitions: [[0, 5]] })],
    ['a footer that is not a rule', tzifBytes({ ...zone, footer: 'not a rule' })],
    ['no types', tzifBytes({ transitions: [], types: [], footer: 'UTC0' })],
    ['empty', new Uint8Array(0)],
  ])('%s: null, so Intl answers', (_, bytes) => {
    expect(parseTzif(bytes)).toBeNull();
  });
});
