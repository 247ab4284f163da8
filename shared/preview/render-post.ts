/**
 * The preview pipeline for one post: front matter → Liquid (with `site` and `page`) → kramdown-
 * style Markdown → HTML (sanitised later, in the renderer, where a DOM exists).
 */
import type { Liquid } from 'liquidjs';
import type { PreviewContext } from '../api/contract';
import { splitPost } from '../front-matter/split';
import { readYaml } from '../yaml/read-yaml';
import { renderLiquid } from './liquid-engine';
import { pageVariables, siteVariables } from './layout/page-vars';
import { renderMarkdown, type OutlineEntry } from './markdown-renderer';
import { splitSections } from './sections';
import { markdownSettings, type MarkdownSettings } from './kramdown/settings';

export interface RenderedSection {
  /** The section's source: its HTML depends on nothing else. */
  key: string;
  /** Its `data-source-line` values are relative; add this 0-based file line. */
  line: number;
  html: string;
}

export interface RenderedPost {
  html: string;
  sections: RenderedSection[];
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

interface Prepared {
  data: Record<string, unknown>;
  problems: string[];
  body: string;
  bodyLine: number;
  isMarkdown: boolean;
  needsLiquid: boolean;
  markdown: MarkdownSettings;
}

function prepare(context: PreviewContext, path: string, text: string): Prepared {
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
  const needsLiquid = data.render_with_liquid !== false && (parts.body.includes('{%') || parts.body.includes('{{'));
  return { data, problems, body: parts.body, bodyLine, isMarkdown: context.markdownExt.includes(ext), needsLiquid, markdown: markdownSettings(context.site) };
}

/** `jekyll.*` as a `jekyll serve`/`build` without JEKYLL_ENV sees it. */
export const JEKYLL = { environment: 'development', version: '4.3.1' };

/** The front matter's text: the layout is rendered again only when it changes. */
export function frontMatterText(text: string): string {
  return splitPost(text).frontMatter?.yaml ?? '';
}

const sectionCache = new Map<string, { html: string; outline: OutlineEntry[] }>();

function finish(p: Prepared, body: string): RenderedPost {
  const sections: RenderedSection[] = [];
  const outline: OutlineEntry[] = [];
  if (!p.isMarkdown) sections.push({ key: `raw:${body}`, line: p.bodyLine, html: body });
  else {
    for (const section of splitSections(body)) {
      const line = p.bodyLine + section.line;
      const key = section.source;
      let rendered = sectionCache.get(p.markdown.key + key);
      if (!rendered) {
        rendered = renderMarkdown(section.source, 0, p.markdown);
        if (sectionCache.size > 2000) sectionCache.clear();
        sectionCache.set(p.markdown.key + key, rendered);
      }
      sections.push({ key, line, html: rendered.html });
      for (const o of rendered.outline) outline.push({ ...o, line: o.line + line });
    }
  }
  return {
    html: sections.map((s) => s.html).join(''),
    sections,
    outline,
    banner: bannerOf(p.data),
    title: typeof p.data.title === 'string' ? p.data.title : String(p.data.title ?? ''),
    problems: p.problems,
    isMarkdown: p.isMarkdown,
  };
}

/** Renders without waiting when the body has no Liquid; null when Liquid is needed. */
export function renderPostSync(context: PreviewContext, path: string, text: string): RenderedPost | null {
  const p = prepare(context, path, text);
  return p.needsLiquid ? null : finish(p, p.body);
}

export async function renderPost(engine: Liquid, context: PreviewContext, path: string, text: string): Promise<RenderedPost> {
  const p = prepare(context, path, text);
  let body = p.body;
  if (p.needsLiquid) {
    const page = pageVariables(context, path, text);
    const liquid = await renderLiquid(engine, body, { site: siteVariables(context), page, content: '', jekyll: JEKYLL });
    // Lines in the body → lines in the file.
    for (const e of liquid.errors) p.problems.push(`Liquid: ${e.replace(/^line (\d+)/, (_m, n: string) => `line ${Number(n) + p.bodyLine}`)}`);
    body = liquid.output;
  }
  return finish(p, body);
}
