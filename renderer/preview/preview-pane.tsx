/**
 * The live preview: Liquid → Markdown → sanitised HTML written into a frame that cannot run
 * script (sandbox without allow-scripts), navigate the app, or submit anything. The banner image
 * shows above the text, and links open outside after a check.
 *
 * Speed: a body without Liquid renders synchronously in the keystroke's own task, only the
 * section being edited is re-rendered and re-sanitised, and only its element is replaced.
 */
import { useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import type { Liquid } from 'liquidjs';
import type { PreviewContext } from '../../shared/api/contract';
import { createLiquid } from '../../shared/preview/liquid-engine';
import { renderPost, renderPostSync, type RenderedPost } from '../../shared/preview/render-post';
import type { OutlineEntry } from '../../shared/preview/markdown-renderer';
import { sanitizePreview, sitePathOf } from './sanitize';
import { PREVIEW_CSS } from './preview-css';

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

const FRAME_DOC = `<!doctype html><html><head><meta charset="utf-8"><style>${PREVIEW_CSS}</style></head><body><div id="banner"></div><div id="problems" hidden></div><article id="content"></article></body></html>`;

export function PreviewPane({ context, assetBase, path, text, onOutline, onScrollLine, frameRef, controller }: Props) {
  const engine = useMemo<Liquid | null>(() => (context ? createLiquid({ context }) : null), [context]);
  const [ready, setReady] = useState(false);
  const ticket = useRef(0);
  const lastText = useRef<string | null>(null);
  const painter = useMemo(() => new Painter(), []);
  const props = useRef({ context, engine, path, assetBase, onOutline, onScrollLine, ready });
  props.current = { context, engine, path, assetBase, onOutline, onScrollLine, ready };

  const render = (next: string) => {
    const { context: ctx, engine: eng, path: p, assetBase: base, ready: isReady } = props.current;
    if (!ctx || !eng || !isReady) return;
    lastText.current = next;
    const mine = ++ticket.current;
    const done = (rendered: RenderedPost) => {
      if (mine !== ticket.current) return;
      painter.paint(frameRef.current, rendered, base, ctx.baseurl);
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

  useEffect(() => {
    if (text !== lastText.current || !painter.painted) render(text);
    // `render` reads the latest props through a ref.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, engine, context, path, assetBase, ready]);

  return (
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
        setReady(true);
      }}
    />
  );
}

/** Keeps one element per section and replaces only those whose source changed. */
class Painter {
  private keys: string[] = [];
  private readonly clean = new Map<string, string>();
  painted = false;

  reset(): void {
    this.keys = [];
    this.painted = false;
  }

  paint(frame: HTMLIFrameElement | null, rendered: RenderedPost, assetBase: string, baseurl: string): void {
    const doc = frame?.contentDocument;
    const content = doc?.getElementById('content');
    const banner = doc?.getElementById('banner');
    const problems = doc?.getElementById('problems');
    if (!doc || !content || !banner || !problems) return;
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
    const bannerPath = rendered.banner ? sitePathOf(rendered.banner, baseurl) : null;
    const bannerHtml = bannerPath ? sanitizePreview(`<img class="banner" alt="Banner" src="/${bannerPath}">`, assetBase, '') : '';
    if (banner.innerHTML !== bannerHtml) banner.innerHTML = bannerHtml;
    const problemText = rendered.problems.join('\n');
    if (problems.textContent !== problemText) problems.textContent = problemText;
    problems.hidden = rendered.problems.length === 0;
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
function lineOf(el: HTMLElement): number {
  const base = Number((el.closest('[data-line-base]') as HTMLElement | null)?.dataset.lineBase ?? 0);
  return base + Number(el.dataset.sourceLine ?? 0);
}

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

/** Scrolls the preview to the block rendered from file line `line` (0-based). */
export function scrollPreviewToLine(frame: HTMLIFrameElement | null, line: number): void {
  const doc = frame?.contentDocument;
  if (!doc) return;
  let best: HTMLElement | null = null;
  for (const el of doc.querySelectorAll<HTMLElement>('[data-source-line]')) {
    if (lineOf(el) <= line) best = el;
    else break;
  }
  if (best) best.scrollIntoView({ block: 'start' });
  else doc.defaultView?.scrollTo(0, 0);
}
