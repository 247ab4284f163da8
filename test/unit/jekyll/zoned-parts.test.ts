/**
 * zonedParts computes calendar fields by integer arithmetic: they must be what a Date's UTC
 * getters give for the same local instant, across centuries, leap days and negative times.
 */
import { describe, expect, it } from 'vitest';
import { zonedParts } from '../../../shared/jekyll/ruby-time';

function viaDate(epochMs: number, offsetMinutes: number): number[] {
  const d = new Date(epochMs + offsetMinutes * 60000);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds(), d.getUTCDay()];
}

describe('zonedParts', () => {
  it.each(['UTC', 'Europe/Berlin', 'Asia/Kolkata', 'America/St_Johns'])('%s: fields equal the Date getters from 1600 to 2400', (tz) => {
    const wrong: string[] = [];
    const check = (t: number) => {
      const p = zonedParts(t, tz);
      const got = [p.year, p.month, p.day, p.hour, p.minute, p.second, p.ms, p.weekday];
      if (got.join() !== viaDate(t, p.offsetMinutes).join()) wrong.push(new Date(t).toISOString());
    };
    for (let t = Date.UTC(1600, 0, 1); t < Date.UTC(2400, 0, 1); t += 86400000 * 3 + 3723457) check(t);
    // Around the leap days and year ends that trip calendar arithmetic.
    for (const [y, m, d] of [[1900, 1, 28], [2000, 1, 29], [2100, 1, 28], [1969, 11, 31], [1970, 0, 1], [2024, 1, 29]]) {
      for (let s = -2; s <= 2; s++) check(Date.UTC(y, m, d) + s * 43200000 + s);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});
