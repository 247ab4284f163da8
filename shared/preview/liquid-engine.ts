/**
 * Liquid for the preview, with Jekyll's tags and filters: `include` (with `include.*` params)
 * from `_includes/`, `highlight`, `raw`, `post_url`, `link`, `relative_url`, `absolute_url`…
 *
 * A tag the preview does not know (a plugin's) renders as a visible placeholder instead of
 * failing the whole preview.
 */
import { Liquid, Tag, type TagToken, type TopLevelToken, type Template, type Emitter, type Context } from 'liquidjs';
import type { PreviewContext } from '../api/contract';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type TagThis = Tag & Record<string, any>;

export interface LiquidOptions {
  context: PreviewContext;
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

/** Builds an engine for one site context (cheap; cached by the caller per context). */
export function createLiquid({ context }: LiquidOptions): Liquid {
  const templates: Record<string, string> = {};
  for (const [name, text] of Object.entries(context.includes)) templates[name] = text;
  const engine = new Liquid({
    templates,
    jekyllInclude: true,
    dynamicPartials: false,
    strictFilters: false,
    strictVariables: false,
    relativeReference: false,
    extname: '',
    ownPropertyOnly: true,
  });

  engine.registerFilter('relative_url', (input: unknown) => joinUrl(context.baseurl, String(input ?? '')));
  engine.registerFilter('absolute_url', (input: unknown) => joinUrl(context.url.replace(/\/+$/, '') + context.baseurl, String(input ?? '')));
  engine.registerFilter('xml_escape', (input: unknown) => escapeHtml(String(input ?? '')));
  engine.registerFilter('jsonify', (input: unknown) => JSON.stringify(input ?? null));
  engine.registerFilter('number_of_words', (input: unknown) => String(input ?? '').split(/\s+/).filter(Boolean).length);
  engine.registerFilter('slugify', (input: unknown) => String(input ?? '').toLowerCase().replace(/[^\p{L}\p{Nd}]+/gu, '-').replace(/^-|-$/g, ''));
  engine.registerFilter('markdownify', (input: unknown) => String(input ?? ''));
  engine.registerFilter('date_to_xmlschema', (input: unknown) => toDate(input)?.toISOString() ?? '');
  engine.registerFilter('date_to_string', (input: unknown) => {
    const d = toDate(input);
    return d ? d.toLocaleDateString('en-GB', { day: '2-digit', month: 'short', year: 'numeric', timeZone: 'UTC' }) : '';
  });
  engine.registerFilter('date_to_long_string', (input: unknown) => {
    const d = toDate(input);
    return d ? d.toLocaleDateString('en-GB', { day: '2-digit', month: 'long', year: 'numeric', timeZone: 'UTC' }) : '';
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
      const post = context.posts.find((p) => {
        const file = p.path.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
        return file === wanted || p.path.replace(/\.[^.]+$/, '').endsWith(`/${wanted}`);
      });
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

function toDate(input: unknown): Date | null {
  if (input instanceof Date) return input;
  if (typeof input === 'string' || typeof input === 'number') {
    const d = new Date(input);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
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

/** Renders `source` with `scope`; unknown tags become placeholders, other errors are returned. */
export async function renderLiquid(engine: Liquid, source: string, scope: Record<string, unknown>): Promise<{ output: string; error: string | null }> {
  for (let attempt = 0; attempt < 20; attempt++) {
    let templates: Template[];
    try {
      templates = engine.parse(source);
    } catch (error) {
      const m = UNKNOWN_TAG.exec((error as Error).message);
      if (m) {
        registerPlaceholder(engine, m[1]);
        continue;
      }
      return { output: source, error: (error as Error).message };
    }
    try {
      return { output: await engine.render(templates, scope), error: null };
    } catch (error) {
      return { output: source, error: (error as Error).message };
    }
  }
  return { output: source, error: 'too many unknown tags' };
}
