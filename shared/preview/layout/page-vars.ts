/**
 * Liquid's `page` and `site` for a post as Jekyll makes them: defaults merged under the front
 * matter, `page.date` as a Ruby time (`2024-01-02 10:00:00 +0100`), `page.id` as Jekyll's
 * `/2024/01/02/slug`, `page.url`, `page.path`, categories and tags; `site.posts` newest first.
 */
import type { PreviewContext } from '../../api/contract';
import { parseSiteConfig } from '../../jekyll/config';
import { computePost } from '../../jekyll/post-data';
import type { SiteConfig } from '../../jekyll/site-types';

/** ISO 8601 with offset → what Ruby's `Time#to_s` prints, which liquidjs's `date` filter still reads. */
export function rubyTimeString(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(iso);
  if (!m) return iso;
  const zone = !m[3] || m[3] === 'Z' ? '+0000' : m[3].replace(':', '');
  return `${m[1]} ${m[2]} ${zone}`;
}

/** Jekyll's `Document#id`: the URL's folder joined with the slug (`/2024/01/02/slug`). */
export function jekyllId(url: string, slug: string): string {
  const trimmed = url.replace(/\/+$/, '');
  const dir = trimmed.includes('/') ? trimmed.slice(0, trimmed.lastIndexOf('/')) : '';
  return `${dir}/${slug}`;
}

function plain(value: unknown): unknown {
  if (value && typeof value === 'object' && 'toJSON' in value && typeof (value as { toJSON: unknown }).toJSON === 'function') return (value as { toJSON(): unknown }).toJSON();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

const configs = new WeakMap<object, SiteConfig>();

/** The site configuration behind a preview context (parsed once per context). */
export function siteConfigOf(context: PreviewContext): SiteConfig {
  let config = configs.get(context.site);
  if (!config) {
    config = parseSiteConfig(context.site).config;
    configs.set(context.site, config);
  }
  return config;
}

const sitePosts = new WeakMap<object, Record<string, unknown>[]>();

/** `site.posts` for Liquid: newest first, each with a Ruby-style date and its id. */
export function sitePostsOf(context: PreviewContext): Record<string, unknown>[] {
  let posts = sitePosts.get(context.posts);
  if (!posts) {
    posts = context.posts
      .filter((p) => !p.path.startsWith('_drafts/') && !p.path.includes('/_drafts/'))
      .map((p) => ({ ...p, date: rubyTimeString(p.date), id: jekyllId(p.url, p.slug) }))
      .sort((a, b) => String(b.date ?? '').localeCompare(String(a.date ?? '')));
    sitePosts.set(context.posts, posts);
  }
  return posts;
}

/** `page` for the post at `path` with source `text`, as Jekyll computes it. */
export function pageVariables(context: PreviewContext, path: string, text: string): Record<string, unknown> {
  const config = siteConfigOf(context);
  const draft = path.startsWith('_drafts/') || path.includes('/_drafts/');
  const known = context.posts.find((p) => p.path === path);
  const computed = computePost({ path, text, draft, config, now: Date.now(), mtimeMs: Date.now() });
  const record = computed.record;
  const data = (plain(computed.data ?? computed.frontMatter ?? {}) ?? {}) as Record<string, unknown>;
  const url = record.url || known?.url || '';
  const slug = record.slug || known?.slug || '';
  return {
    ...data,
    title: record.title,
    slug,
    categories: record.categories,
    tags: record.tags,
    date: rubyTimeString(record.date ?? known?.date),
    url,
    id: jekyllId(url, slug),
    path,
    relative_path: path,
    collection: 'posts',
    draft,
    layout: record.layout ?? undefined,
  };
}

/** `site` for Liquid: `_config.yml` plus `posts`, `pages` and the build's `time`. */
export function siteVariables(context: PreviewContext): Record<string, unknown> {
  return { ...context.site, posts: sitePostsOf(context), pages: [], time: rubyTimeString(new Date().toISOString()) };
}
