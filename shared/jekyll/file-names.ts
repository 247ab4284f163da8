/**
 * Jekyll 4's rules for post file names: which files are posts, and the date, slug, title and
 * extension they get from their name.
 *
 * Ports of `Document::DATE_FILENAME_MATCHER`, `DATELESS_FILENAME_MATCHER`, `Utils.slugify`,
 * `Utils.titleize_slug` and `EntryFilter`'s special/backup checks, so the index agrees with what
 * `jekyll build` reads.
 */

/**
 * Jekyll's `relative_path` of a document, and its `strip_collections_dir` of a scope path: `path`
 * with the collections folder (`collections_dir:`) cut off the front, where it starts with it.
 */
export function stripCollectionsDir(path: string, collectionsDir: string): string {
  return collectionsDir && path.startsWith(`${collectionsDir}/`) ? path.slice(collectionsDir.length + 1) : path;
}

/** `^(?>.+/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$` on the path below `_posts`. */
const DATE_FILENAME = /^(?:.+\/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$/s;
/** `^(?:.+/)*(.*)(\.[^.]+)$`: drafts need no date. */
const DATELESS_FILENAME = /^(?:.+\/)*(.*)(\.[^.]+)$/s;

export interface FileNameParts {
  /** The `YYYY-MM-DD` part as written, or null for a dateless name. */
  date: string | null;
  slug: string;
  /** With the dot, as written (`.md`, `.MD`, `.markdown`). */
  ext: string;
}

/**
 * Date, slug and extension from a path (any prefix), as `Document#populate_title` finds them,
 * trailing dots taken off the slug as it does (`trailing-dots...markdown` → `trailing-dots`).
 */
export function fileNameParts(relPath: string): FileNameParts | null {
  const dated = DATE_FILENAME.exec(relPath);
  if (dated) return { date: dated[1], slug: dated[2].replace(/\.+$/, ''), ext: dated[3] };
  const dateless = DATELESS_FILENAME.exec(relPath);
  if (dateless) return { date: null, slug: dateless[1].replace(/\.+$/, ''), ext: dateless[2] };
  return null;
}

/** True when Jekyll's reader accepts `entry` (path below `_posts`) as a post name. */
export function isDatedPostName(entry: string): boolean {
  return DATE_FILENAME.test(entry);
}

/** True when Jekyll's reader accepts `entry` (path below `_drafts`) as a draft name. */
export function isDraftName(entry: string): boolean {
  return DATELESS_FILENAME.test(entry);
}

const SPECIAL_LEADING = /^[._#~]/;

/** Why `EntryFilter` drops this entry (path relative to the folder being listed), or null. */
export function specialEntryReason(entry: string): string | null {
  const base = entry.slice(entry.lastIndexOf('/') + 1);
  if (entry.endsWith('.')) return 'the name ends with a dot';
  if (SPECIAL_LEADING.test(entry) || SPECIAL_LEADING.test(base)) {
    return `the name starts with '${SPECIAL_LEADING.test(base) ? base[0] : entry[0]}', which Jekyll ignores`;
  }
  if (entry.endsWith('~')) return "the name ends with '~' (a backup file)";
  return null;
}

/** `Utils.titleize_slug`: `my-first-post` → `My First Post` (Ruby's `capitalize` lowers the rest). */
export function titleizeSlug(slug: string): string {
  return slug
    .split('-')
    .map((word) => {
      const chars = Array.from(word);
      if (chars.length === 0) return '';
      return chars[0].toUpperCase() + chars.slice(1).join('').toLowerCase();
    })
    .join(' ');
}

export type SlugMode = 'raw' | 'default' | 'pretty' | 'ascii' | 'latin' | 'none';

const SLUG_PATTERNS: Record<'raw' | 'default' | 'pretty' | 'ascii', RegExp> = {
  raw: /\s+/gu,
  default: /[^\p{M}\p{L}\p{Nd}]+/gu,
  pretty: /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu,
  ascii: /[^A-Za-z0-9]+/g,
};

/** The same patterns for ASCII text, where `\p{L}` is A–Z and `\p{Nd}` 0–9: several times faster than Unicode ones. */
const ASCII_SLUG_PATTERNS: Record<'raw' | 'default' | 'pretty' | 'ascii', RegExp> = {
  raw: /\s+/g,
  default: /[^A-Za-z0-9]+/g,
  pretty: /[^A-Za-z0-9._~!$&'()+,;=@]+/g,
  ascii: /[^A-Za-z0-9]+/g,
};

const ASCII = /^[\x00-\x7F]*$/;

/**
 * Text a mode leaves as it is but for case: runs of the characters it keeps, joined by single
 * dashes (most slugs are already like that). One test instead of four passes over the text.
 */
const ALREADY_SLUG: Partial<Record<SlugMode, RegExp>> = {
  default: /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/,
  ascii: /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/,
  pretty: /^[A-Za-z0-9._~!$&'()+,;=@]+(?:-[A-Za-z0-9._~!$&'()+,;=@]+)*$/,
};

/** `Utils.slugify(string, mode:, cased:)`. */
export function slugify(input: string, mode: SlugMode = 'default', cased = false): string {
  if (mode === 'none') return cased ? input : input.toLowerCase();
  if (ALREADY_SLUG[mode]?.test(input)) return cased ? input : input.toLowerCase();
  let text = input;
  if (mode === 'latin') text = text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[^\x00-\x7F]/g, '?');
  const kind = mode === 'latin' ? 'default' : mode;
  const pattern = ASCII.test(text) ? ASCII_SLUG_PATTERNS[kind] : SLUG_PATTERNS[kind];
  let slug = text.replace(pattern, '-');
  slug = slug.replace(/^-/, '').replace(/-$/, '');
  return cased ? slug : slug.toLowerCase();
}
