/**
 * A post's URL as Jekyll's `URL` class and `Drops::UrlDrop` build it from the permalink template.
 */
import { slugify } from './file-names';
import { zonedParts, type ZonedParts } from './ruby-time';

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

const DATE_KEYS = new Set(['year', 'month', 'day', 'hour', 'minute', 'second', 'i_day', 'i_month', 'short_month', 'long_month', 'short_year', 'y_day', 'w_year', 'week', 'w_day', 'short_day', 'long_day']);
const KNOWN = new Set([...DATE_KEYS, 'collection', 'path', 'name', 'title', 'slug', 'categories', 'output_ext']);

/**
 * One placeholder's value. Only the placeholders a template names are computed (a template
 * names a few of the 25); `p` holds the calendar fields when the template names one.
 */
function placeholder(name: string, input: UrlInputs, p: ZonedParts | null): string {
  if (!DATE_KEYS.has(name)) {
    switch (name) {
      case 'collection':
        return 'posts';
      case 'path':
        return input.cleanedRelativePath;
      case 'name':
        return slugify(input.basenameWithoutExt);
      case 'title':
        return slugify(input.slug, 'pretty', true);
      case 'slug':
        return slugify(input.slug);
      case 'categories':
        if (input.categories.length < 2) return input.categories.length ? rubyToS(input.categories[0]).toLowerCase() : '';
        return [...new Set(input.categories.map((c) => rubyToS(c).toLowerCase()))].join('/');
      default:
        return input.outputExt;
    }
  }
  if (p === null) throw new Error('the date parts were not computed');
  switch (name) {
    case 'year':
      return String(p.year);
    case 'month':
      return pad(p.month);
    case 'day':
      return pad(p.day);
    case 'hour':
      return pad(p.hour);
    case 'minute':
      return pad(p.minute);
    case 'second':
      return pad(p.second);
    case 'i_day':
      return String(p.day);
    case 'i_month':
      return String(p.month);
    case 'short_month':
      return SHORT_MONTHS[p.month - 1];
    case 'long_month':
      return LONG_MONTHS[p.month - 1];
    case 'short_year':
      return pad(p.year % 100);
    case 'y_day':
      return pad(Math.round((Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / 86400000) + 1, 3);
    case 'w_year':
      return String(isoWeek(p.year, p.month, p.day).year);
    case 'week':
      return pad(isoWeek(p.year, p.month, p.day).week);
    case 'w_day':
      return String(p.weekday || 7);
    case 'short_day':
      return SHORT_DAYS[p.weekday];
    default:
      return LONG_DAYS[p.weekday];
  }
}

/** Ruby's `to_s` for the values YAML gives. */
export function rubyToS(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

const KEEP = /^[a-zA-Z0-9./-]+$/;
const PATH_UNSAFE_RUN = /[^A-Za-z0-9\-._~!$&'()*+,;=:@/?]+/gu;
const utf8 = new TextEncoder();

/** A run of characters a path may not hold, percent-encoded as UTF-8 bytes. */
function encodeRun(run: string): string {
  try {
    // It escapes every one of them: what it leaves alone is all in the safe set.
    return encodeURIComponent(run);
  } catch {
    // A lone surrogate: encoded as U+FFFD, as Ruby's encoding of the same text gives.
    let out = '';
    for (const byte of utf8.encode(run)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    return out;
  }
}

/** `URL.escape_path`: percent-encodes what a path segment may not hold (UTF-8 bytes). */
export function escapePath(path: string): string {
  if (path === '' || KEEP.test(path)) return path;
  return path.replace(PATH_UNSAFE_RUN, encodeRun);
}

export class PermalinkError extends Error {}

/** One `:name` of a template: the text it matched and the placeholder that fills it. */
interface TemplatePart {
  match: string;
  winner: string;
}

/** A template split once into its literal text and placeholders (a site has one or two templates). */
interface CompiledTemplate {
  literals: string[];
  parts: TemplatePart[];
  /** The first placeholder Jekyll does not know, thrown when the template is used. */
  unknown: string | null;
  /** Whether a placeholder needs the calendar fields of the date. */
  dated: boolean;
}

const compiledTemplates = new Map<string, CompiledTemplate>();

function compileTemplate(template: string): CompiledTemplate {
  let compiled = compiledTemplates.get(template);
  if (compiled) return compiled;
  const literals: string[] = [];
  const parts: TemplatePart[] = [];
  let unknown: string | null = null;
  let last = 0;
  for (const m of template.matchAll(/:([a-z_]+)/g)) {
    const name = m[1];
    const pool = name.endsWith('_') ? [name, name.slice(0, -1)] : [name];
    const winner = pool.find((key) => KNOWN.has(key));
    if (!winner) {
      unknown = name;
      break;
    }
    literals.push(template.slice(last, m.index));
    parts.push({ match: m[0], winner });
    last = m.index + m[0].length;
  }
  literals.push(template.slice(last));
  compiled = { literals, parts, unknown, dated: parts.some((p) => DATE_KEYS.has(p.winner)) };
  if (compiledTemplates.size > 100) compiledTemplates.clear();
  compiledTemplates.set(template, compiled);
  return compiled;
}

const SLASHES = /\/+/g;

/** The URL, or throws PermalinkError for a placeholder Jekyll does not know. */
export function postUrl(input: UrlInputs): string {
  const { literals, parts, unknown, dated } = compileTemplate(input.permalink ?? input.template);
  if (unknown !== null) throw new PermalinkError(`the permalink template has no :${unknown} placeholder`);
  // The calendar fields once per URL, and only when the template names one of them.
  const zoned = dated ? zonedParts(input.epochMs, input.timezone) : null;
  let generated = literals[0];
  for (let i = 0; i < parts.length; i++) {
    const { match, winner } = parts[i];
    const value = escapePath(placeholder(winner, input, zoned));
    // `String#replace` with a string, as before: `$&` and friends in a value act as they did.
    // Without a `$` that replace is the value followed by the rest of the match.
    generated += (value.includes('$') ? match.replace(`:${winner}`, value) : value + match.slice(winner.length + 1)) + literals[i + 1];
  }
  // Each step is skipped when it would change nothing (most URLs need none of them).
  if (generated.includes('//')) generated = generated.replace(SLASHES, '/');
  generated = `/${generated}`;
  if (generated.includes('..')) generated = generated.split('..').join('/');
  if (generated.includes('./')) generated = generated.split('./').join('');
  return generated.includes('//') ? generated.replace(SLASHES, '/') : generated;
}
