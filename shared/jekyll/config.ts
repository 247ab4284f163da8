/**
 * `_config.yml` normalised the way Jekyll 4 fills in its defaults.
 *
 * Only what Postwright acts on is lifted out; the whole parsed map stays in `raw` for Liquid's
 * `site`. Unknown or mistyped values fall back to Jekyll's defaults and are reported as
 * warnings instead of stopping the site from opening.
 */
import { readConfigYaml } from './config-yaml';
import type { FrontMatterDefault, SiteConfig } from './site-types';
import { isKnownTimeZone } from './ruby-time';

/** Jekyll's `Configuration::DEFAULTS["exclude"]`, appended to the user's list. */
export const DEFAULT_EXCLUDES = [
  '.sass-cache',
  '.jekyll-cache',
  'gemfiles',
  'Gemfile',
  'Gemfile.lock',
  'node_modules',
  'vendor/bundle/',
  'vendor/cache/',
  'vendor/gems/',
  'vendor/ruby/',
];

const DEFAULT_MARKDOWN_EXT = 'markdown,mkdown,mkdn,mkd,md';

export interface ConfigResult {
  config: SiteConfig;
  warnings: string[];
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** A scope's `type:`, with the singular names Jekyll still takes for `pages`, `posts` and `drafts`. */
function scopeType(value: unknown): string {
  const type = String(value);
  return type === 'page' || type === 'post' || type === 'draft' ? `${type}s` : type;
}

function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map(String);
  if (typeof value === 'string') return [value];
  return [];
}

/**
 * Reads `_config.yml` text (missing file: pass '') as GitHub Pages does (SafeYAML: `:sym` is a
 * string). A setting that cannot be read is left out with a warning; the others are kept.
 */
export function parseConfigText(text: string, file = '_config.yml'): ConfigResult {
  const { raw, warnings } = readConfigYaml(text.replace(/^\uFEFF/, ''), file);
  return parseSiteConfig(raw, warnings);
}

/** Normalises a parsed configuration map. */
export function parseSiteConfig(raw: Record<string, unknown>, warnings: string[] = []): ConfigResult {
  let timezone: string | null = null;
  if (typeof raw.timezone === 'string' && raw.timezone.trim()) {
    if (isKnownTimeZone(raw.timezone.trim())) timezone = raw.timezone.trim();
    else warnings.push(`_config.yml: unknown timezone '${raw.timezone}', using this computer's zone`);
  }
  const permalink = raw.permalink === undefined || raw.permalink === null ? 'date' : String(raw.permalink);
  const markdownExt = String(raw.markdown_ext ?? DEFAULT_MARKDOWN_EXT)
    .split(',')
    .map((e) => e.trim().toLowerCase().replace(/^\./, ''))
    .filter(Boolean);
  const collectionsDir = collectionsDirOf(raw);
  const defaults: FrontMatterDefault[] = [];
  if (Array.isArray(raw.defaults)) {
    for (const entry of raw.defaults) {
      const set = asRecord(entry);
      const values = asRecord(set?.values);
      if (!set || !values) continue;
      const scope = asRecord(set.scope) ?? {};
      defaults.push({
        scope: { ...scope, path: typeof scope.path === 'string' ? scope.path : '', ...(scope.type !== undefined ? { type: scopeType(scope.type) } : {}) },
        values,
      });
    }
  }
  const exclude = [...new Set([...stringList(raw.exclude), ...DEFAULT_EXCLUDES])];
  const include = raw.include === undefined ? ['.htaccess'] : stringList(raw.include);
  const config: SiteConfig = {
    timezone,
    permalink,
    markdownExt,
    collectionsDir,
    defaults,
    baseurl: typeof raw.baseurl === 'string' ? raw.baseurl : '',
    url: typeof raw.url === 'string' ? raw.url : '',
    exclude,
    include,
    future: raw.future === true,
    unpublished: raw.unpublished === true,
    showDrafts: raw.show_drafts === true,
    raw,
  };
  return { config, warnings };
}

/** Jekyll's permalink styles, as `Configuration#style_to_permalink` expands them. */
const STYLES: Record<string, string> = {
  none: '/:categories/:title:output_ext',
  date: '/:categories/:year/:month/:day/:title:output_ext',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
};

/** The URL template of posts: `collections.posts.permalink`, else the site's style. */
export function postPermalinkTemplate(config: SiteConfig): string {
  const collections = asRecord(config.raw.collections);
  const posts = asRecord(collections?.posts);
  if (posts && typeof posts.permalink === 'string') return STYLES[posts.permalink] ?? posts.permalink;
  return STYLES[config.permalink] ?? config.permalink;
}

/** `collections_dir:` of a raw config, without leading or trailing slashes ('' when unset). */
export function collectionsDirOf(raw: Record<string, unknown>): string {
  return typeof raw.collections_dir === 'string' ? raw.collections_dir.replace(/^\/+|\/+$/g, '') : '';
}

/** Where Jekyll reads the site's own posts (or drafts): `_posts`, inside `collections_dir:` when there is one. */
export function postsFolder(config: Pick<SiteConfig, 'collectionsDir'>, draft = false): string {
  const magic = draft ? '_drafts' : '_posts';
  return config.collectionsDir ? `${config.collectionsDir}/${magic}` : magic;
}
