/**
 * The cached zone offsets (two-week spans, one bisection per change) give what Intl gives for
 * every instant, in zones with DST, half-hour DST, negative DST and none.
 */
import { describe, expect, it } from 'vitest';
import { zoneOffsetMinutes } from '../../../shared/jekyll/ruby-time';

const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Tehran', 'Africa/Casablanca', 'America/Santiago', 'Pacific/Chatham', 'Asia/Kolkata', 'UTC'];

function intlOffset(format: Intl.DateTimeFormat, epochMs: number): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  const p = Object.fromEntries(format.formatToParts(new Date(whole)).map((x) => [x.type, x.value]));
  return Math.round((Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - whole) / 60000);
}

describe('zone offsets', () => {
  it.each(ZONES)('%s: every 37 minutes of 2019–2020 and each second around its changes', (tz) => {
    const format = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    const wrong: string[] = [];
    let previous: number | null = null;
    for (let t = Date.UTC(2019, 0, 1); t < Date.UTC(2021, 0, 1); t += 37 * 60 * 1000) {
      const want = intlOffset(format, t);
      if (zoneOffsetMinutes(t, tz) !== want) wrong.push(new Date(t).toISOString());
      if (previous !== null && previous !== want) {
        // A change happened in the last 37 minutes: check each second of them.
        for (let s = t - 37 * 60 * 1000; s <= t; s += 1000) if (zoneOffsetMinutes(s, tz) !== intlOffset(format, s)) wrong.push(new Date(s).toISOString());
      }
      previous = want;
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});
