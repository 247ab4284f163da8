/**
 * What the reference checks look things up in: the site's files and its posts by URL, by
 * `post_url` name and by path. Built once per check run from the file list and the index.
 */
import type { PostRecord } from '../jekyll/site-types';
import { runToEnd, STEP, type Stepped } from './stepped';
import { cleanPostUrlName, legacyKeyOfName, legacyPostKey, postUrlName } from '../jekyll/post-url-name';

export interface SiteContext {
  /** Every file of the site, relative to its root, `/`-separated. */
  files: ReadonlySet<string>;
  baseurl: string;
  /** Post by URL key (see urlKey). */
  byUrl: ReadonlyMap<string, PostRecord>;
  /** Post by `post_url` name (`2024-01-02-slug`, `sub/2024-01-02-slug`). */
  byPostUrlName: ReadonlyMap<string, PostRecord>;
  /** Post by Jekyll's legacy `post_url` match: slug and day (`slug|2024-01-02`). */
  byLegacyName: ReadonlyMap<string, PostRecord>;
  /** True for a site path shaped like this site's post URLs (`/2024/01/02/x.html`, `/blog/x/`), so a miss is a broken link. */
  isPostLike(sitePath: string): boolean;
  /** True when a page or file of the site could produce this URL (`about.md` for `/about/`). */
  hasFileFor(sitePath: string): boolean;
}

const PAGE_EXT = ['.html', '.md', '.markdown', '.htm', '.xml'];

/** A URL without baseurl, query, fragment, `index.html`, `.html` and trailing slash: `/2024/01/02/x`. */
export function urlKey(url: string): string {
  let u = url;
  if (u.includes('%')) {
    try {
      u = decodeURI(u);
    } catch {
      // Keep it as written.
    }
  }
  // Servers fold `//` into `/`; `x.html`, `x/` and `x/index.html` are the same page to a reader.
  if (u.includes('//')) u = u.replace(/\/{2,}/g, '/');
  if (u.endsWith('.html') || u.endsWith('.htm')) u = u.replace(/(?:\/index)?\.html?$/, '');
  while (u.endsWith('/')) u = u.slice(0, -1);
  return u.startsWith('/') ? u : `/${u}`;
}

/**
 * A site-relative link as a site path (`/2024/01/02/x.html`), or null when it is external or
 * made by Liquid we cannot follow.
 */
export function sitePathForUrl(url: string, baseurl: string): string | null {
  let u = url.trim();
  if (u.startsWith('{')) {
    const liquid = /^\{\{-?\s*['"]([^'"]+)['"]\s*\|\s*relative_url\s*-?\}\}(.*)$/.exec(u);
    if (liquid) u = liquid[1] + liquid[2];
    u = u.replace(/^\{\{-?\s*site\.baseurl\s*-?\}\}/, '');
  }
  if (u.includes('{{') || u.includes('{%') || !u.startsWith('/') || u.startsWith('//')) return null;
  const cut = u.search(/[?#]/);
  if (cut >= 0) u = u.slice(0, cut);
  const base = baseurl.replace(/\/+$/, '');
  if (base && (u === base || u.startsWith(`${base}/`))) u = u.slice(base.length) || '/';
  return u;
}

/** The segments of a URL key with numbers as `#` and the last one as `*`: the shape of a post URL. */
function shapeOf(key: string): string | null {
  const segs = key.split('/').filter(Boolean);
  if (segs.length < 2) return null;
  return segs.map((s, i) => (i === segs.length - 1 ? '*' : /^\d+$/.test(s) ? '#' : s.toLowerCase())).join('/');
}

/**
 * The lookups for a site. `pageUrls` are the `permalink:`s of its pages, when known: a link of a
 * post-like shape without a date (`/blog/about/`) is only reported when no page claims it either.
 */
export function siteContext(files: Iterable<string>, records: readonly PostRecord[], baseurl: string, pageUrls: Iterable<string> = [], collectionsDir = ''): SiteContext {
  return runToEnd(siteContextSteps(files, records, baseurl, pageUrls, collectionsDir));
}

/** siteContext as steps, for a caller that runs it in time slices (the same answer). */
export function* siteContextSteps(files: Iterable<string>, records: readonly PostRecord[], baseurl: string, pageUrls: Iterable<string> = [], collectionsDir = ''): Stepped<SiteContext> {
  const fileSet = files instanceof Set ? (files as Set<string>) : new Set(files);
  const pages = new Set<string>();
  let n = 0;
  for (const u of pageUrls) {
    pages.add(urlKey(u));
    if ((++n & (STEP - 1)) === 0) yield;
  }
  const byUrl = new Map<string, PostRecord>();
  const byPostUrlName = new Map<string, PostRecord>();
  const byLegacyName = new Map<string, PostRecord>();
  const shapes = new Set<string>();
  for (const r of records) {
    if ((++n & (STEP - 1)) === 0) yield;
    if (r.skipped || r.error) continue;
    if (r.url) {
      const key = urlKey(r.url);
      const had = byUrl.get(key);
      if (!had || (!had.published && r.published)) byUrl.set(key, r);
      const shape = shapeOf(key);
      if (shape) shapes.add(shape);
    }
    if (r.draft) continue;
    const name = postUrlName(r.path, collectionsDir);
    if (name === null) continue;
    if (!byPostUrlName.has(name) || r.published) byPostUrlName.set(name, r);
    if (r.date) {
      const legacy = legacyPostKey(r.slug, r.date);
      if (!byLegacyName.has(legacy) || r.published) byLegacyName.set(legacy, r);
    }
  }
  const hasFileFor = (sitePath: string): boolean => {
    const p = sitePath.replace(/^\/+/, '');
    if (fileSet.has(p) || pages.has(urlKey(sitePath))) return true;
    const bare = p.replace(/\/+$/, '').replace(/\.html?$/, '');
    for (const ext of PAGE_EXT) if (fileSet.has(`${bare}${ext}`) || fileSet.has(`${bare}/index${ext}`)) return true;
    return false;
  };
  return {
    files: fileSet,
    baseurl,
    byUrl,
    byPostUrlName,
    byLegacyName,
    isPostLike: (sitePath) => {
      const shape = shapeOf(urlKey(sitePath));
      return shape !== null && shapes.has(shape);
    },
    hasFileFor,
  };
}

export function postForUrl(site: SiteContext, sitePath: string): PostRecord | undefined {
  return site.byUrl.get(urlKey(sitePath));
}

/** The post `{% post_url name %}` finds, as Jekyll's PostComparer does (path match first, then the legacy slug-and-day match). */
export function postForPostUrl(site: SiteContext, name: string): PostRecord | undefined {
  const clean = cleanPostUrlName(name);
  const direct = site.byPostUrlName.get(clean);
  if (direct) return direct;
  const legacy = legacyKeyOfName(clean);
  return legacy === null ? undefined : site.byLegacyName.get(legacy);
}
