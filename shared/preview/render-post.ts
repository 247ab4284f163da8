/**
 * The preview pipeline for one post: front matter → Liquid (with `site` and `page`) → kramdown-
 * style Markdown → HTML (sanitised later, in the renderer, where a DOM exists).
 */
import type { Liquid } from 'liquidjs';
import type { PreviewContext } from '../api/contract';
import { splitPost } from '../front-matter/split';
import { readYaml } from '../yaml/read-yaml';
import { renderLiquid } from './liquid-engine';
import { renderMarkdown, type OutlineEntry } from './markdown-renderer';

export interface RenderedPost {
  html: string;
  outline: OutlineEntry[];
  /** Site-relative path of the banner image (`banner.image`, `image`, `header.image`…), if any. */
  banner: string | null;
  title: string;
  /** Liquid or YAML problems, shown above the preview; the preview still renders. */
  problems: string[];
  isMarkdown: boolean;
}

const BANNER_PATHS = [['banner', 'image'], ['banner'], ['image', 'path'], ['image'], ['header', 'image'], ['header', 'overlay_image'], ['header', 'teaser'], ['cover']];

function pick(data: Record<string, unknown>, path: string[]): unknown {
  let v: unknown = data;
  for (const key of path) {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** The banner image path a theme would show for this front matter. */
export function bannerOf(data: Record<string, unknown>): string | null {
  for (const path of BANNER_PATHS) {
    const v = pick(data, path);
    if (typeof v === 'string' && /\.(png|jpe?g|gif|webp|avif|svg)(\?.*)?$/i.test(v.trim())) return v.trim();
  }
  return null;
}

function plain(value: unknown): unknown {
  if (value && typeof value === 'object' && 'toJSON' in value && typeof (value as { toJSON: unknown }).toJSON === 'function') return (value as { toJSON(): unknown }).toJSON();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

export async function renderPost(engine: Liquid, context: PreviewContext, path: string, text: string): Promise<RenderedPost> {
  const parts = splitPost(text);
  const problems: string[] = [];
  let data: Record<string, unknown> = {};
  if (parts.frontMatter) {
    const read = readYaml(parts.frontMatter.yaml);
    if (!read.ok) problems.push(`front matter line ${read.line}: ${read.message}`);
    else if (read.value && typeof read.value === 'object' && !Array.isArray(read.value)) data = plain(read.value) as Record<string, unknown>;
  }
  const bodyLine = text.slice(0, parts.bodyOffset).split('\n').length - 1;
  const ext = (/\.([^./]+)$/.exec(path)?.[1] ?? '').toLowerCase();
  const isMarkdown = context.markdownExt.includes(ext);
  let body = parts.body;
  if (data.render_with_liquid !== false) {
    const page = { ...data, path, url: context.posts.find((p) => p.path === path)?.url ?? '' };
    const liquid = await renderLiquid(engine, body, { site: { ...context.site, posts: context.posts }, page, content: '' });
    if (liquid.error) problems.push(`Liquid: ${liquid.error}`);
    body = liquid.output;
  }
  const rendered = isMarkdown ? renderMarkdown(body, bodyLine) : { html: body, outline: [] };
  return { html: rendered.html, outline: rendered.outline, banner: bannerOf(data), title: typeof data.title === 'string' ? data.title : String(data.title ?? ''), problems, isMarkdown };
}
