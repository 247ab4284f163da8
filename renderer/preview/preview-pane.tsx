/**
 * The live preview: Liquid → Markdown → sanitised HTML written into a frame that cannot run
 * script (sandbox without allow-scripts), navigate the app, or submit anything. In "Blog look"
 * the body sits inside the site's layout chain with the theme's compiled CSS; in "Plain" it gets
 * our own style and a header with the post's title and banner. A buffer with conflict markers
 * shows a notice instead of rendering them.
 *
 * Speed: a body without Liquid renders synchronously in the keystroke's own task, only the
 * section being edited is re-rendered and re-sanitised, and only its element is replaced. The
 * layout is rendered once per front-matter change; the body element is spliced into its slot.
 */
import { useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import type { Liquid } from 'liquidjs';
import type { PreviewContext, PreviewTheme } from '../../shared/api/contract';
import { createLiquid } from '../../shared/preview/liquid-engine';
import { frontMatterText, JEKYLL, renderPost, renderPostSync, type RenderedPost } from '../../shared/preview/render-post';
import type { OutlineEntry } from '../../shared/preview/markdown-renderer';
import { renderLayouts } from '../../shared/preview/layout/layout-chain';
import { pageVariables, siteVariables } from '../../shared/preview/layout/page-vars';
import { rewriteCssUrls } from '../../shared/preview/layout/css-urls';
import { findConflictMarkers } from '../../shared/preview/layout/conflict-markers';
import { sanitizePreview, sitePathOf } from './sanitize';
import { FrameShell, type Look } from './frame-shell';
import { readLayoutDocument } from './layout-document';
import { loadRelative, stylesheetsCss, usePreviewTheme } from './use-preview-theme';
import { usePreviewLook } from './use-preview-look';
import { PreviewLookToggle } from './preview-look-toggle';
import { lineOf } from './scroll-preview';

export interface PreviewController {
  /** Renders `text` now (synchronously when it has no Liquid). */
  render(text: string): void;
}

interface Props {
  context: PreviewContext | null;
  assetBase: string;
  path: string;
  text: string;
  onOutline(outline: OutlineEntry[]): void;
  onScrollLine?(line: number): void;
  frameRef: React.RefObject<HTMLIFrameElement | null>;
  controller: React.Ref<PreviewController>;
}

const FRAME_DOC = `<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>`;

/** Why the blog look cannot be shown for this site at all, or null. */
function siteFallback(theme: PreviewTheme | null): string | null {
  if (!theme) return null;
  if (theme.theme.name && !theme.theme.found) return theme.theme.hint;
  if (!Object.keys(theme.layouts).length) return 'This site has no layouts (no _layouts folder and no theme), so Jekyll writes the body alone.';
  return null;
}

interface LayoutState {
  /** The layout render this state is for. */
  key: string;
  /** Set when the post cannot be shown in its layout (no layout, missing layout). */
  fallback: string | null;
  problems: string[];
}

export function PreviewPane({ context, assetBase, path, text, onOutline, onScrollLine, frameRef, controller }: Props) {
  const [look, setLook] = usePreviewLook();
  const theme = usePreviewTheme(context, path);
  const engine = useMemo<Liquid | null>(() => (context ? createLiquid({ context, themeIncludes: theme?.includes, loadRelative }) : null), [context, theme]);
  const [ready, setReady] = useState(false);
  const [postFallback, setPostFallback] = useState<string | null>(null);
  const ticket = useRef(0);
  const lastText = useRef<string | null>(null);
  const painter = useMemo(() => new Painter(), []);
  const shell = useMemo(() => new FrameShell(), []);
  const layoutState = useRef<LayoutState>({ key: '', fallback: null, problems: [] });
  const wanted = useRef('');
  const bodyState = useRef<{ problems: string[]; conflict: string | null }>({ problems: [], conflict: null });
  const props = useRef({ context, engine, path, assetBase, onOutline, onScrollLine, ready, look, theme });
  props.current = { context, engine, path, assetBase, onOutline, onScrollLine, ready, look, theme };

  const showNotes = (doc: Document) => {
    const { conflict, problems } = bodyState.current;
    const lay = layoutState.current.key === wanted.current ? layoutState.current : null;
    const site = props.current.look === 'blog' ? siteFallback(props.current.theme) : null;
    const notes: { text: string; kind?: 'conflict' | 'note' }[] = [];
    if (conflict) notes.push({ text: conflict, kind: 'conflict' });
    if (site) notes.push({ text: site });
    else if (lay?.fallback) notes.push({ text: lay.fallback });
    const all = [...problems, ...(lay?.problems ?? [])];
    if (all.length) notes.push({ text: all.join('\n') });
    shell.setNotes(doc, notes);
  };

  /** Renders the layout for this front matter unless it is already shown or on its way. */
  const ensureLayout = (doc: Document, next: string, rendered: RenderedPost | null) => {
    const { context: ctx, engine: eng, path: p, assetBase: base, look: lk, theme: th } = props.current;
    const blocked = lk !== 'blog' || !th || siteFallback(th) !== null;
    const key = blocked ? `plain` : `${th.stamp}\u0000${base}\u0000${p}\u0000${frontMatterText(next)}`;
    wanted.current = key;
    const plainHeader = (r: RenderedPost | null) => {
      const bannerPath = r?.banner ? sitePathOf(r.banner, ctx?.baseurl ?? '') : null;
      const bannerHtml = bannerPath ? sanitizePreview(`<img class="banner" alt="Banner" src="/${bannerPath}">`, base, '') : '';
      shell.showPlain(doc, { title: r?.title ?? '', bannerHtml });
    };
    if (blocked || !ctx || !eng) {
      layoutState.current = { key, fallback: null, problems: [] };
      if (rendered) plainHeader(rendered);
      setPostFallback(null);
      return;
    }
    const state = layoutState.current;
    if (state.key === key) {
      if (state.fallback && rendered) plainHeader(rendered);
      return;
    }
    if (pendingLayout.current === key) return;
    pendingLayout.current = key;
    void (async () => {
      const page = pageVariables(ctx, p, next);
      const result = await renderLayouts(eng, th.layouts, page.layout, { site: siteVariables(ctx), page, jekyll: JEKYLL, paginator: null });
      let fallback: string | null = null;
      const problems = [...result.problems];
      if (result.html === null) {
        fallback = problems.shift() ?? 'This post has no layout (no `layout:` in its front matter or the site\'s defaults), so Jekyll writes its body alone.';
      }
      let built: { body: string; css: string; htmlClass: string; bodyClass: string } | null = null;
      if (result.html !== null) {
        const layoutDoc = readLayoutDocument(result.html, base, ctx.baseurl);
        const css = await stylesheetsCss(th.stamp, layoutDoc.stylesheets, base, ctx.baseurl);
        const inline = layoutDoc.inlineStyles.map((s) => rewriteCssUrls(s, '', base, ctx.baseurl).css);
        problems.push(...css.problems);
        if (layoutDoc.remoteStylesheets.length) problems.push(`Not loaded (the preview stays offline): ${layoutDoc.remoteStylesheets.join(', ')}`);
        built = { body: layoutDoc.body, css: [css.css, ...inline].join('\n'), htmlClass: layoutDoc.htmlClass, bodyClass: layoutDoc.bodyClass };
      }
      if (pendingLayout.current === key) pendingLayout.current = '';
      if (wanted.current !== key) return;
      const frameDoc = frameRef.current?.contentDocument;
      if (!frameDoc) return;
      layoutState.current = { key, fallback, problems };
      if (built) shell.showBlog(frameDoc, key, built);
      else plainHeader(lastRendered.current);
      setPostFallback(fallback);
      showNotes(frameDoc);
    })();
  };
  const pendingLayout = useRef('');
  const lastRendered = useRef<RenderedPost | null>(null);

  const render = (next: string) => {
    const { context: ctx, engine: eng, path: p, assetBase: base, ready: isReady } = props.current;
    const doc = frameRef.current?.contentDocument;
    if (!ctx || !eng || !isReady || !doc) return;
    lastText.current = next;
    const mine = ++ticket.current;
    const content = shell.content(doc);
    const conflict = next.includes('<<<<<<<') ? findConflictMarkers(next) : null;
    if (conflict) {
      bodyState.current = {
        problems: [],
        conflict: `This post has unresolved conflict markers (<<<<<<< … ======= … >>>>>>>) at line${conflict.lines.length > 1 ? 's' : ''} ${conflict.lines.join(', ')}. Keep one side in each conflict (or use the conflict view) to see the preview again.`,
      };
      content.hidden = true;
      ensureLayout(doc, next, lastRendered.current);
      showNotes(doc);
      return;
    }
    content.hidden = false;
    const done = (rendered: RenderedPost) => {
      if (mine !== ticket.current) return;
      const frameDoc = frameRef.current?.contentDocument;
      if (!frameDoc) return;
      lastRendered.current = rendered;
      painter.paint(shell.content(frameDoc), rendered, base, ctx.baseurl);
      bodyState.current = { problems: rendered.problems, conflict: null };
      ensureLayout(frameDoc, next, rendered);
      showNotes(frameDoc);
      props.current.onOutline(rendered.outline);
    };
    const sync = renderPostSync(ctx, p, next);
    if (sync) done(sync);
    else void renderPost(eng, ctx, p, next).then(done);
  };

  useImperativeHandle(controller, () => ({ render: (t: string) => render(t) }));

  useEffect(() => {
    painter.reset();
  }, [path, context, assetBase, painter]);

  const renderedWith = useRef<unknown[]>([]);
  useEffect(() => {
    const deps = [engine, context, path, assetBase, ready, look, theme];
    const changed = deps.some((d, i) => d !== renderedWith.current[i]);
    renderedWith.current = deps;
    if (changed || text !== lastText.current || !painter.painted) render(text);
    // `render` reads the latest props through a ref.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, engine, context, path, assetBase, ready, look, theme]);

  const fallback = look === 'blog' ? (siteFallback(theme) ?? postFallback) : null;
  return (
    <>
      <PreviewLookToggle look={look} onLook={setLook} fallback={fallback} />
      <iframe
        ref={frameRef}
        className="preview-frame"
        title="Preview"
        sandbox="allow-same-origin"
        srcDoc={FRAME_DOC}
        onLoad={(e) => {
          const doc = e.currentTarget.contentDocument;
          if (doc) wireFrame(doc, (line) => props.current.onScrollLine?.(line));
          painter.reset();
          shell.reset();
          layoutState.current = { key: '', fallback: null, problems: [] };
          pendingLayout.current = '';
          setReady(true);
        }}
      />
    </>
  );
}

export type { Look };

/** Keeps one element per section and replaces only those whose source changed. */
class Painter {
  private keys: string[] = [];
  private readonly clean = new Map<string, string>();
  painted = false;

  reset(): void {
    this.keys = [];
    this.painted = false;
  }

  paint(content: HTMLElement, rendered: RenderedPost, assetBase: string, baseurl: string): void {
    const doc = content.ownerDocument;
    if (!this.painted) {
      content.textContent = '';
      this.keys = [];
    }
    const nodes = content.children;
    rendered.sections.forEach((section, i) => {
      let el = nodes[i] as HTMLElement | undefined;
      if (!el) {
        el = doc.createElement('div');
        el.className = 'pw-section';
        content.appendChild(el);
        this.keys[i] = '';
      }
      if (this.keys[i] !== section.key) {
        el.innerHTML = this.sanitized(section.key, section.html, assetBase, baseurl);
        this.keys[i] = section.key;
      }
      if (el.dataset.lineBase !== String(section.line)) el.dataset.lineBase = String(section.line);
    });
    while (nodes.length > rendered.sections.length) content.lastElementChild!.remove();
    this.keys.length = rendered.sections.length;
    this.painted = true;
  }

  private sanitized(key: string, html: string, assetBase: string, baseurl: string): string {
    const cacheKey = `${assetBase}\u0000${baseurl}\u0000${key}`;
    let out = this.clean.get(cacheKey);
    if (out === undefined) {
      out = sanitizePreview(html, assetBase, baseurl);
      if (this.clean.size > 2000) this.clean.clear();
      this.clean.set(cacheKey, out);
    }
    return out;
  }
}

/** File line (0-based) of a rendered block: its section's base plus its own line. */

/** Links never navigate the frame; http(s) links open outside, everything else is ignored. */
function wireFrame(doc: Document, onScrollLine: (line: number) => void): void {
  doc.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a');
    if (!link) return;
    const href = link.getAttribute('href') ?? '';
    event.preventDefault();
    if (href.startsWith('#')) {
      doc.getElementById(decodeURIComponent(href.slice(1)))?.scrollIntoView();
      return;
    }
    if (/^https?:\/\//i.test(href)) window.open(href, '_blank', 'noopener,noreferrer');
  });
  doc.addEventListener('submit', (e) => e.preventDefault());
  let last = -1;
  doc.defaultView?.addEventListener('scroll', () => {
    for (const el of doc.querySelectorAll<HTMLElement>('[data-source-line]')) {
      if (el.getBoundingClientRect().bottom > 0) {
        const line = lineOf(el);
        if (line !== last) {
          last = line;
          onScrollLine(line);
        }
        break;
      }
    }
  });
}

export { scrollPreviewToLine } from './scroll-preview';
