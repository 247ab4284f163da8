/**
 * The publish dialog's date arithmetic: a day and time typed in the site's zone, the instant they
 * name, and the file-name day and `date:` the core writes for it (the same rule as the core's
 * `siteDate`), so what the dialog shows is what lands on disk.
 */
import { wallTimeToEpoch, zonedParts } from '../../shared/jekyll/ruby-time';

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** `YYYY-MM-DD` and `HH:MM` of an instant in the site's zone, for the two fields. */
export function wallTimeFields(epochMs: number, tz: string | null): { day: string; time: string } {
  const p = zonedParts(epochMs, tz);
  return { day: `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}

/**
 * The instant a typed day (`YYYY-MM-DD`) and time (`HH:MM`, optional `:SS`) name in the site's
 * zone, or null when they do not read or name no real day (Feb 30).
 */
export function epochOfWallTime(day: string, time: string, tz: string | null): number | null {
  const d = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(day);
  const t = /^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/.exec(time);
  if (!d || !t) return null;
  const [y, mo, dd] = d.slice(1).map(Number);
  const [h, mi, sec] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
  if (mo < 1 || mo > 12 || dd < 1 || h > 23 || mi > 59 || sec > 59) return null;
  if (dd > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return null;
  return wallTimeToEpoch(y, mo, dd, h, mi, sec, 0, tz);
}

/** The `date:` value and file-name day publish writes for an instant (same rule as the core). */
export function publishedAs(epochMs: number, tz: string | null): { day: string; date: string } {
  const p = zonedParts(epochMs, tz);
  const day = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
  const off = p.offsetMinutes;
  const zone = `${off < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(off) / 60))}${pad(Math.abs(off) % 60)}`;
  return { day, date: `${day} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)} ${zone}` };
}
