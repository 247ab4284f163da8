/**
 * The site-level and post-level records the core, the CLI and the renderer share.
 *
 * These are plain data (JSON-safe) so the same values cross IPC, HTTP and the index cache.
 */

/** One entry of `_config.yml` `defaults:`. */
export interface FrontMatterDefault {
  scope: { path: string; type?: string; [key: string]: unknown };
  values: Record<string, unknown>;
}

/** The parts of `_config.yml` Postwright acts on, normalised with Jekyll 4's defaults. */
export interface SiteConfig {
  /** IANA zone from `timezone:`, or null for the machine's local zone (what Jekyll does). */
  timezone: string | null;
  /** `permalink:` as written (a style name such as `date`/`pretty`, or a template). */
  permalink: string;
  /** Extensions (without dot, lower case) converted as Markdown; from `markdown_ext`. */
  markdownExt: string[];
  /** `collections_dir`, '' when unset. */
  collectionsDir: string;
  defaults: FrontMatterDefault[];
  baseurl: string;
  url: string;
  /** `exclude:` plus Jekyll's default excludes. */
  exclude: string[];
  include: string[];
  future: boolean;
  unpublished: boolean;
  showDrafts: boolean;
  /** The whole parsed `_config.yml` (Jekyll's YAML semantics), for Liquid's `site`. */
  raw: Record<string, unknown>;
}

/** What the index knows about one file under `_posts`/`_drafts`. */
export interface PostRecord {
  /** Relative to the site root, `/`-separated. */
  path: string;
  draft: boolean;
  title: string;
  /** ISO 8601 with offset in the site's time zone, e.g. `2019-08-08T14:10:00+08:00`. */
  date: string | null;
  slug: string;
  categories: string[];
  tags: string[];
  /** False when Jekyll will not output it (`published: false`, or a future date without `--future`). */
  published: boolean;
  layout: string | null;
  url: string;
  /** Set when the file cannot be read as a post (bad YAML, invalid UTF-8…): `line:col: message`. */
  error?: string;
  /** Set when Jekyll would not read this file as a post at all, with the reason. */
  skipped?: string;
}
