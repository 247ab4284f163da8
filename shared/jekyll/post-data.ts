/**
 * What Jekyll makes of one post file: its data after defaults, front matter and the file name,
 * and the index record we show (title, date, slug, categories, tags, published, layout, url).
 *
 * Follows `Document#read`, `#merge_data!`, `#populate_title/categories/tags` and
 * `#categories_from_path` of Jekyll 4 step by step, including the odd corners users hit
 * (`category:` wins over `categories:` for the extra entry, strings split on spaces, folders
 * above `_posts` become categories, `published` is only off for a literal false).
 */
import { splitPost, type PostParts } from '../front-matter/split';
import { readYaml, YamlDate, YamlTime } from '../yaml/read-yaml';
import { deepMerge } from './deep-merge';
import { fileNameParts, stripCollectionsDir, titleizeSlug } from './file-names';
import { defaultsFor } from './front-matter-defaults';
import { postPermalinkTemplate } from './config';
import { postUrl, rubyToS } from './post-url';
import { formatIsoInZone, parseRubyTime, wallTimeToEpoch } from './ruby-time';
import type { PostRecord, SiteConfig } from './site-types';

export interface PostInput {
  /** Relative to the site root, `/`-separated. */
  path: string;
  text: string;
  draft: boolean;
  config: SiteConfig;
  /** The build time Jekyll compares dates with (`site.time`). */
  now: number;
  /** File modification time: a draft without a date is dated by it. */
  mtimeMs: number;
  /** `text` already split by the caller (only its front matter is used), to save splitting it again. */
  parts?: PostParts;
}

export interface PostResult {
  record: PostRecord;
  /** Jekyll's data for the post (defaults + front matter + derived keys); null when unreadable. */
  data: Record<string, unknown> | null;
  /** The front matter alone as read; null when there is none or it is invalid. */
  frontMatter: Record<string, unknown> | null;
  /** 1-based line in the file where the YAML starts (for error positions). */
  yamlFirstLine: number;
  /** Instant of the post's date (null when it has none), as the record's date says. */
  epochMs: number | null;
}

class ReadError extends Error {}

/** Ruby `String#split` without arguments. */
function rubySplit(value: string): string[] {
  return value.split(/[ \t\n\v\f\r\0]+/).filter(Boolean);
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof YamlDate) && !(value instanceof YamlTime);
}

function flattenDeep(values: readonly unknown[], out: unknown[] = []): unknown[] {
  for (const v of values) {
    if (Array.isArray(v)) flattenDeep(v, out);
    else out.push(v);
  }
  return out;
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/** Ruby's `a | b`: both arrays' items in order, without duplicates (`eql?`: same type and value). */
function rubyUnion(a: readonly unknown[], b: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const item of [...a, ...b]) if (!out.some((u) => sameValue(u, item))) out.push(item);
  return out;
}

/** `Document#merge_data!`: `merge_categories!`, then a deep merge. */
function mergeData(data: Record<string, unknown>, other: Record<string, unknown>): Record<string, unknown> {
  // Copied only when its categories are replaced: deepMerge makes the merged map anew anyway.
  let incoming = other;
  if ('categories' in other && other.categories !== null && other.categories !== undefined) {
    let cats = other.categories;
    if (typeof cats === 'string') cats = rubySplit(cats);
    if (Array.isArray(data.categories)) {
      if (!Array.isArray(cats)) throw new ReadError('categories must be a list or a space-separated string');
      cats = rubyUnion(data.categories, cats);
    }
    incoming = { ...other, categories: cats };
  }
  return deepMerge(data, incoming);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof YamlDate && b instanceof YamlDate) return a.toString() === b.toString();
  if (a instanceof YamlTime && b instanceof YamlTime) return a.epochMs === b.epochMs;
  return false;
}

/** Ruby's `Array(value)`. */
function rubyArray(value: unknown): unknown[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value;
  if (isMap(value)) return Object.entries(value);
  return [value];
}

/** `Utils.pluralized_array_from_hash`. */
function pluralized(data: Record<string, unknown>, singular: string, plural: string): unknown[] {
  let value: unknown = singular in data ? data[singular] : undefined;
  if (value === undefined || value === null || value === false) {
    if (plural in data) {
      const v = data[plural];
      if (typeof v === 'string') value = rubySplit(v);
      else if (Array.isArray(v)) value = v.filter((x) => x !== null && x !== undefined);
      else value = undefined;
    }
  }
  return flattenDeep([value]).filter((v) => v !== null && v !== undefined);
}

/**
 * `populate_categories`' list: each item as a string (a nested list flattened first), without
 * repeats, in order. One pass instead of map, flatten, map and a Set spread.
 */
function populatedCategories(items: readonly unknown[]): string[] {
  const seen = new Set<string>();
  const add = (value: unknown) => {
    if (Array.isArray(value)) for (const v of value) add(v);
    else seen.add(rubyToS(value));
  };
  for (const item of items) add(item);
  return [...seen];
}

/** The categories Jekyll takes from folders above `_posts`/`_drafts`. */
function categoriesFromPath(relPath: string, draft: boolean): string[] {
  const special = draft ? '_drafts' : '_posts';
  if (relPath.startsWith(special)) return [];
  const base = relPath.slice(relPath.lastIndexOf('/') + 1);
  const idx = relPath.indexOf(special);
  const above = idx >= 0 ? relPath.slice(0, idx) : relPath;
  return above.split('/').filter((c) => c !== '' && c !== special && c !== base);
}

/** Instant of a date value the way `Time.parse(value.to_s).localtime` reads it. */
function dateToEpoch(value: unknown, tz: string | null): number | null {
  if (value instanceof YamlTime) return value.epochMs;
  if (value instanceof YamlDate) return wallTimeToEpoch(value.year, value.month, value.day, 0, 0, 0, 0, tz);
  if (typeof value === 'string') return parseRubyTime(value, tz);
  if (typeof value === 'number') return parseRubyTime(String(value), tz);
  return null;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Reads one post as Jekyll would. Never throws: problems end up in `record.error`. */
export function computePost(input: PostInput): PostResult {
  const { path, text, draft, config } = input;
  const tz = config.timezone;
  const name = fileNameParts(path);
  const fileSlug = name?.slug ?? path.slice(path.lastIndexOf('/') + 1);
  const ext = name?.ext ?? '';
  const parts = input.parts ?? splitPost(text);
  const yamlFirstLine = parts.frontMatter ? lineOf(text, parts.frontMatter.yamlOffset) : 1;

  let error: string | undefined;
  let frontMatter: Record<string, unknown> | null = null;
  // Jekyll's `relative_path`: inside the collections folder, where a site keeps its posts in one.
  const relPath = stripCollectionsDir(path, config.collectionsDir);
  let data: Record<string, unknown> = { categories: categoriesFromPath(relPath, draft) };
  try {
    const defaults = config.defaults.length ? defaultsFor(config.defaults, path, 'posts', config.collectionsDir) : null;
    if (defaults && Object.keys(defaults).length) data = mergeData(data, defaults);
    if (parts.frontMatter) {
      const parsed = readYaml(parts.frontMatter.yaml);
      if (!parsed.ok) throw new ReadError(`${parsed.line + yamlFirstLine - 1}:${parsed.col}: ${parsed.message}`);
      if (parsed.value !== null) {
        if (!isMap(parsed.value)) throw new ReadError(`${yamlFirstLine}:1: the front matter is not a map of keys and values`);
        frontMatter = parsed.value;
        data = mergeData(data, parsed.value);
      }
    }
  } catch (e) {
    if (!(e instanceof ReadError)) throw e;
    error = e.message;
  }

  // populate_title: the file name's date applies when the front matter has none.
  if (!error) {
    if (name?.date && (data.date === undefined || data.date === null || data.date === false)) data.date = name.date;
    if (data.title === undefined || data.title === null || data.title === false) data.title = titleizeSlug(fileSlug);
    if (data.slug === undefined || data.slug === null || data.slug === false) data.slug = fileSlug;
    if (data.ext === undefined || data.ext === null) data.ext = ext;
    // populate_categories: the data's list plus `category` (or `categories` again), as strings,
    // merged back with merge_data!, which unions it with the list already there.
    const populated = populatedCategories([...rubyArray(data.categories), ...pluralized(data, 'category', 'categories')]);
    // merge_data!(categories: populated), in place: `data` is this post's own copy (every merge above copied).
    // When the list holds only strings, `populated` already starts with them in order: the union is `populated`.
    data.categories = Array.isArray(data.categories) && !data.categories.every(isString) ? rubyUnion(data.categories, populated) : populated;
    data.tags = pluralized(data, 'tag', 'tags');
  }

  let epochMs: number | null = null;
  const rawDate = error ? name?.date ?? null : data.date;
  if (rawDate !== undefined && rawDate !== null) {
    epochMs = dateToEpoch(rawDate, tz);
    if (epochMs === null && !error) error = `${yamlFirstLine}:1: '${rubyToS(rawDate)}' is not a valid date`;
  } else if (draft) {
    epochMs = input.mtimeMs;
  }
  if (epochMs === null && !draft && name?.date) epochMs = parseRubyTime(name.date, tz);

  const categories = error ? categoriesFromPath(relPath, draft) : rubyArray(data.categories).map(rubyToS);
  const tags = error ? [] : (data.tags as unknown[]).map(rubyToS);
  const slug = error ? fileSlug : rubyToS(data.slug);
  const title = error ? titleizeSlug(fileSlug) : rubyToS(data.title);
  const layout = data.layout === undefined || data.layout === null ? null : rubyToS(data.layout);
  let published = !(data.published === false);
  if (published && epochMs !== null && !config.future && epochMs > input.now) published = false;

  let url = '';
  if (epochMs !== null) {
    const lastSlash = path.lastIndexOf('/');
    const base = path.slice(lastSlash + 1);
    const baseNoExt = ext ? base.slice(0, base.length - ext.length) : base;
    const relNoExt = ext ? relPath.slice(0, relPath.length - ext.length) : relPath;
    const outputExt = config.markdownExt.includes(ext.replace(/^\./, '').toLowerCase()) ? '.html' : ext;
    try {
      url = postUrl({
        permalink: !error && typeof data.permalink === 'string' ? data.permalink : null,
        template: postPermalinkTemplate(config),
        slug,
        basenameWithoutExt: baseNoExt,
        cleanedRelativePath: relNoExt.replace(draft ? '_drafts' : '_posts', '').replace(/\.+$/, ''),
        categories,
        epochMs,
        timezone: tz,
        outputExt,
      });
    } catch (e) {
      if (!error) error = `${yamlFirstLine}:1: ${(e as Error).message}`;
    }
  }

  const record: PostRecord = {
    path,
    draft,
    title,
    date: epochMs === null ? null : formatIsoInZone(epochMs, tz),
    slug,
    categories,
    tags,
    published,
    layout,
    url,
  };
  // Added only when there is one (a spread here made every record a slower shape).
  if (error) record.error = error;
  return { record, data: error ? null : data, frontMatter, yamlFirstLine, epochMs };
}
