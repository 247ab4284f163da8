/**
 * Liquid for the preview, with Jekyll's tags and filters: `include` (with `include.*` params)
 * from `_includes/` (the site's over its theme's), `include_relative`, `highlight`, `raw`,
 * `post_url`, `link`, `seo`, `feed_meta`, `relative_url`, `absolute_url`, `markdownify`… and
 * liquidjs's own Jekyll filters (`date_to_string`, `where`, `group_by`, `jsonify`, `slugify`…).
 *
 * Rendering is lax the way Ruby Liquid is by default: a tag the preview does not know (a
 * plugin's) renders as a visible placeholder, and a tag or expression that does not parse or
 * fails renders empty, with a note, instead of failing the whole preview.
 */
import { Liquid, Context as LiquidContext, Tag, toPromise, toValue, type TagToken, type TopLevelToken, type Template, type Emitter, type Context } from 'liquidjs';
import type { PreviewContext } from '../api/contract';
import { renderMarkdown } from './markdown-renderer';
import { findPostForPostUrl } from '../jekyll/post-url-name';
import { collectionsDirOf } from '../jekyll/config';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type TagThis = Tag & Record<string, any>;

export interface LiquidOptions {
  context: PreviewContext;
  /** The theme's `_includes/` files; the site's own win. */
  themeIncludes?: Record<string, string>;
  /** Reads a site file for `include_relative` (site-relative path); null when it cannot be read. */
  loadRelative?: (sitePath: string) => Promise<string | null>;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function joinUrl(base: string, path: string): string {
  if (!path) return base || '/';
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) return path;
  const b = base.replace(/\/+$/, '');
  return `${b}/${path.replace(/^\/+/, '')}`;
}

/** Jekyll refuses include paths with `..`, `./`, `//` (its INVALID_SEQUENCES); so do we. */
const INVALID_INCLUDE = /[./]{2,}|^\//;

/** The folder of `page.path` joined with `file`, or null when Jekyll would refuse it. */
export function relativeIncludePath(pagePath: string, file: string): string | null {
  const name = file.trim();
  if (!name || INVALID_INCLUDE.test(name) || /[\u0000-\u001f\\]/.test(name)) return null;
  const dir = pagePath.includes('/') ? pagePath.slice(0, pagePath.lastIndexOf('/')) : '';
  return dir ? `${dir}/${name}` : name;
}

/** `file key=value key="v"` → file and params, values evaluated in `ctx` when not quoted. */
function* includeArgs(args: string, ctx: Context): Generator<unknown, { file: string; params: Record<string, unknown> }, unknown> {
  const m = /^\s*(\S+)(.*)$/s.exec(args) ?? [];
  let file = m[1] ?? '';
  if (/^\{\{.*\}\}$/.test(file)) file = String(yield ctx.get(file.slice(2, -2).trim().split('.')));
  const params: Record<string, unknown> = {};
  for (const p of (m[2] ?? '').matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))/g)) {
    params[p[1]] = p[2] ?? p[3] ?? (p[4] !== undefined ? yield ctx.get(p[4].split('.')) : '');
  }
  return { file, params };
}
/** Builds an engine for one site context (cheap; cached by the caller per context). */
export function createLiquid({ context, themeIncludes, loadRelative }: LiquidOptions): Liquid {
  const templates: Record<string, string> = {};
  for (const [name, text] of Object.entries(themeIncludes ?? {})) templates[name] = text;
  for (const [name, text] of Object.entries(context.includes)) templates[name] = text;
  const collectionsDir = collectionsDirOf(context.site);
  const timezone = typeof context.site.timezone === 'string' && context.site.timezone.trim() ? context.site.timezone.trim() : undefined;
  const engine = new Liquid({
    templates,
    jekyllInclude: true,
    dynamicPartials: false,
    strictFilters: false,
    strictVariables: false,
    relativeReference: false,
    extname: '',
    ownPropertyOnly: true,
    // `page.date` is a Ruby-style time with its offset; dates keep the offset they were written with.
    preserveTimezones: true,
    ...(timezone ? { timezoneOffset: timezone } : {}),
    catchAllErrors: true,
  });

  engine.registerFilter('relative_url', (input: unknown) => joinUrl(context.baseurl, String(input ?? '')));
  engine.registerFilter('absolute_url', (input: unknown) => joinUrl(context.url.replace(/\/+$/, '') + context.baseurl, String(input ?? '')));
  engine.registerFilter('markdownify', (input: unknown) => renderMarkdown(String(input ?? ''), 0).html);
  engine.registerFilter('smartify', (input: unknown) =>
    String(input ?? '')
      .replace(/---/g, '\u2014')
      .replace(/--/g, '\u2013')
      .replace(/\.\.\./g, '\u2026')
      .replace(/(^|[\s(])"/g, '$1\u201c')
      .replace(/"/g, '\u201d')
      .replace(/(^|[\s(])'/g, '$1\u2018')
      .replace(/'/g, '\u2019'),
  );

  // jekyll-seo-tag and jekyll-feed: the parts of <head> a preview can use (no network, no script).
  engine.registerTag('seo', {
    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const site = (yield ctx.get(['site'])) as Record<string, unknown> | undefined;
      const page = (yield ctx.get(['page'])) as Record<string, unknown> | undefined;
      const siteTitle = String(site?.title ?? site?.name ?? '');
      const pageTitle = String(page?.title ?? '');
      const title = pageTitle && siteTitle && pageTitle !== siteTitle ? `${pageTitle} | ${siteTitle}` : pageTitle || siteTitle;
      const description = String(page?.description ?? site?.description ?? '');
      emitter.write(`<title>${escapeHtml(title)}</title>\n`);
      if (description) emitter.write(`<meta name="description" content="${escapeHtml(description.trim())}">\n`);
    },
  });
  engine.registerTag('feed_meta', {
    render() {
      return `<link type="application/atom+xml" rel="alternate" href="${escapeHtml(joinUrl(context.baseurl, 'feed.xml'))}">`;
    },
  });

  engine.registerTag('include_relative', {
    parse(this: TagThis, token: TagToken) {
      this.args = token.args;
    },
    *render(this: TagThis, ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const { file, params } = (yield* includeArgs(this.args, ctx)) as { file: string; params: Record<string, unknown> };
      const pagePath = String(((yield ctx.get(['page', 'path'])) as unknown) ?? '');
      const target = relativeIncludePath(pagePath, file);
      if (!target) throw new Error(`include_relative: '${file}' is not a valid path (no '..', './' or '//')`);
      const text = loadRelative ? ((yield loadRelative(target)) as string | null) : null;
      if (text === null) throw new Error(`include_relative: could not read '${target}'`);
      const templates = engine.parse(text);
      ctx.push({ include: params });
      try {
        yield engine.renderer.renderTemplates(templates, ctx, emitter);
      } finally {
        ctx.pop();
      }
    },
  });

  engine.registerTag('highlight', {
    parse(this: TagThis, token: TagToken, remain: TopLevelToken[]) {
      this.lang = token.args.trim().split(/\s+/)[0] ?? '';
      let body = '';
      let closed = false;
      while (remain.length) {
        const next = remain.shift()!;
        if ((next as TagToken).name === 'endhighlight') {
          closed = true;
          break;
        }
        body += next.getText();
      }
      if (!closed) throw new Error('tag {% highlight %} not closed');
      this.body = body;
    },
    render(this: TagThis) {
      const lang = this.lang.replace(/[^\w-]/g, '');
      return `<figure class="highlight"><pre><code class="language-${lang}" data-lang="${lang}">${escapeHtml(this.body.replace(/^\n/, ''))}</code></pre></figure>`;
    },
  });

  engine.registerTag('post_url', {
    parse(this: TagThis, token: TagToken) {
      this.name = token.args.trim();
    },
    render(this: TagThis) {
      const wanted = this.name;
      // As Jekyll finds it: by the path inside the collections folder, then by slug and day.
      const post = findPostForPostUrl(context.posts, wanted, collectionsDir);
      return post ? joinUrl(context.baseurl, post.url) : `<span class="pw-missing">post_url: no post '${escapeHtml(wanted)}'</span>`;
    },
  });

  engine.registerTag('link', {
    parse(this: TagThis, token: TagToken) {
      this.target = token.args.trim();
    },
    render(this: TagThis) {
      const post = context.posts.find((p) => p.path === this.target);
      return post ? joinUrl(context.baseurl, post.url) : joinUrl(context.baseurl, this.target.replace(/\.(md|markdown)$/, '.html'));
    },
  });
  return engine;
}

const UNKNOWN_TAG = /tag "?([\w-]+)"? not found/i;

/** Registers a placeholder for a tag we do not know, so rendering can go on. */
function registerPlaceholder(engine: Liquid, name: string): void {
  engine.registerTag(name, {
    parse(this: TagThis, token: TagToken) {
      this.args = token.args;
    },
    *render(this: TagThis, _ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      emitter.write(`<span class="pw-unknown-tag" title="Jekyll plugin tag; rendered by Jekyll, not the preview">{% ${escapeHtml(name)} ${escapeHtml(this.args)} %}</span>`);
    },
  });
}

export interface LiquidResult {
  output: string;
  /** The first problem, for a one-line note; null when everything rendered. */
  error: string | null;
  /** Every tag or expression that rendered empty, and why. */
  errors: string[];
}

interface LiquidFailure extends Error {
  token?: { begin: number; end: number; input: string };
  errors?: LiquidFailure[];
}

function failuresOf(error: unknown): LiquidFailure[] {
  const e = error as LiquidFailure;
  return e && Array.isArray(e.errors) && e.errors.length ? e.errors : [e];
}

/** The whole `{% … %}` or `{{ … }}` around offset `at` of `source`, or null. */
function markupAround(source: string, at: number, end: number): [number, number] | null {
  const open = Math.max(source.lastIndexOf('{%', at), source.lastIndexOf('{{', at));
  if (open < 0) return null;
  const closer = source[open + 1] === '%' ? '%}' : '}}';
  const close = source.indexOf(closer, Math.max(open + 2, Math.min(end, source.length) - 2));
  return close < 0 ? [open, open + 2] : [open, close + 2];
}

function lineOf(source: string, offset: number): number {
  let line = 1;
  for (let i = source.indexOf('\n'); i >= 0 && i < offset; i = source.indexOf('\n', i + 1)) line++;
  return line;
}

/** A plain emitter (liquidjs's own is not exported) so output written before a failure is kept. */
function bufferEmitter(): Emitter & { buffer: string } {
  const stringify = (value: unknown): string => {
    const v = toValue(value);
    if (typeof v === 'string') return v;
    if (v === null || v === undefined) return '';
    if (Array.isArray(v)) return v.map(stringify).join('');
    return String(v);
  };
  return {
    buffer: '',
    write(html: unknown) {
      this.buffer += stringify(html);
    },
  } as Emitter & { buffer: string };
}

/**
 * Renders `source` with `scope` like Ruby Liquid's lax mode: unknown tags become placeholders, a
 * tag or output that does not parse is removed (rendered empty) and one that fails while
 * rendering writes nothing; each such problem is reported with its line.
 */
export async function renderLiquid(engine: Liquid, source: string, scope: Record<string, unknown>): Promise<LiquidResult> {
  const errors: string[] = [];
  let text = source;
  let templates: Template[] | null = null;
  for (let attempt = 0; attempt < 50 && !templates; attempt++) {
    try {
      templates = engine.parse(text);
    } catch (error) {
      let progressed = false;
      // Blank from the end so earlier offsets stay valid.
      const failures = failuresOf(error).sort((a, b) => (b.token?.begin ?? 0) - (a.token?.begin ?? 0));
      for (const failure of failures) {
        const unknown = UNKNOWN_TAG.exec(failure.message ?? '');
        if (unknown) {
          registerPlaceholder(engine, unknown[1]);
          progressed = true;
          continue;
        }
        const token = failure.token;
        const range = token && token.input === text ? markupAround(text, token.begin, token.end) : null;
        if (!range) continue;
        errors.push(`line ${lineOf(text, range[0])}: ${firstLine(failure.message)} (rendered empty)`);
        text = text.slice(0, range[0]) + text.slice(range[1]);
        progressed = true;
      }
      if (!progressed) return { output: source, error: firstLine((error as Error).message), errors: [firstLine((error as Error).message)] };
    }
  }
  if (!templates) return { output: source, error: 'too many Liquid errors', errors: ['too many Liquid errors'] };
  const emitter = bufferEmitter();
  try {
    const ctx = new LiquidContext(scope, engine.options, {}, { liquid: engine } as never);
    await toPromise(engine.renderer.renderTemplates(templates, ctx, emitter));
  } catch (error) {
    for (const failure of failuresOf(error)) {
      const inner = (failure as LiquidFailure & { originalError?: LiquidFailure }).originalError;
      const token = failure.token;
      const where = token && token.input === text ? `line ${lineOf(text, token.begin)}: ` : '';
      errors.push(`${where}${firstLine((inner ?? failure).message)} (rendered empty)`);
    }
  }
  return { output: emitter.buffer, error: errors[0] ?? null, errors };
}

function firstLine(message: string | undefined): string {
  return String(message ?? 'error').split('\n')[0].replace(/, line:\d+, col:\d+$/, '');
}
