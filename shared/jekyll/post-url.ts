/**
 * A post's URL as Jekyll's `URL` class and `Drops::UrlDrop` build it from the permalink template.
 */
import { slugify } from './file-names';
import { zonedParts } from './ruby-time';

export interface UrlInputs {
  /** `permalink:` from the post's data, if any: used instead of the template. */
  permalink: string | null;
  template: string;
  /** `data.slug` (front matter or from the file name). */
  slug: string;
  /** File name without extension (`2019-01-01-foo`). */
  basenameWithoutExt: string;
  /** Path relative to the site without the extension, with the `_posts` folder removed. */
  cleanedRelativePath: string;
  categories: unknown[];
  /** Instant of the post date. */
  epochMs: number;
  timezone: string | null;
  outputExt: string;
}

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHORT_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** ISO week-numbering year and week of a calendar date. */
function isoWeek(year: number, month: number, day: number): { year: number; week: number } {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  return { year: date.getUTCFullYear(), week: Math.ceil(((date.getTime() - yearStart) / 86400000 + 1) / 7) };
}

function placeholders(input: UrlInputs): Record<string, string> {
  const p = zonedParts(input.epochMs, input.timezone);
  const yDay = Math.round((Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / 86400000) + 1;
  const week = isoWeek(p.year, p.month, p.day);
  const categories = [...new Set(input.categories.map((c) => rubyToS(c).toLowerCase()))].join('/');
  return {
    collection: 'posts',
    path: input.cleanedRelativePath,
    name: slugify(input.basenameWithoutExt),
    title: slugify(input.slug, 'pretty', true),
    slug: slugify(input.slug),
    categories,
    year: String(p.year),
    month: pad(p.month),
    day: pad(p.day),
    hour: pad(p.hour),
    minute: pad(p.minute),
    second: pad(p.second),
    i_day: String(p.day),
    i_month: String(p.month),
    short_month: SHORT_MONTHS[p.month - 1],
    long_month: LONG_MONTHS[p.month - 1],
    short_year: pad(p.year % 100),
    y_day: pad(yDay, 3),
    w_year: String(week.year),
    week: pad(week.week),
    w_day: String(p.weekday || 7),
    short_day: SHORT_DAYS[p.weekday],
    long_day: LONG_DAYS[p.weekday],
    output_ext: input.outputExt,
  };
}

/** Ruby's `to_s` for the values YAML gives. */
export function rubyToS(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

const KEEP = /^[a-zA-Z0-9./-]+$/;
const PATH_SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=:@/?]/;

/** `URL.escape_path`: percent-encodes what a path segment may not hold (UTF-8 bytes). */
export function escapePath(path: string): string {
  if (path === '' || KEEP.test(path)) return path;
  let out = '';
  for (const ch of path) {
    if (PATH_SAFE.test(ch)) out += ch;
    else for (const byte of new TextEncoder().encode(ch)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export class PermalinkError extends Error {}

/** The URL, or throws PermalinkError for a placeholder Jekyll does not know. */
export function postUrl(input: UrlInputs): string {
  const values = placeholders(input);
  const template = input.permalink ?? input.template;
  const generated = template
    .replace(/:([a-z_]+)/g, (match, name: string) => {
      const pool = name.endsWith('_') ? [name, name.slice(0, -1)] : [name];
      const winner = pool.find((key) => key in values);
      if (!winner) throw new PermalinkError(`the permalink template has no :${name} placeholder`);
      return match.replace(`:${winner}`, escapePath(values[winner]));
    })
    .replace(/\/+/g, '/');
  return `/${generated}`.split('..').join('/').split('./').join('').replace(/\/+/g, '/');
}
