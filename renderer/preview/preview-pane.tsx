/**
 * The live preview: Liquid → Markdown → sanitised HTML written into a frame that cannot run
 * script (sandbox without allow-scripts), navigate the app, or submit anything. The banner image
 * shows above the text, and links open outside after a check.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Liquid } from 'liquidjs';
import type { PreviewContext } from '../../shared/api/contract';
import { createLiquid } from '../../shared/preview/liquid-engine';
import { renderPost, type RenderedPost } from '../../shared/preview/render-post';
import type { OutlineEntry } from '../../shared/preview/markdown-renderer';
import { sanitizePreview, sitePathOf } from './sanitize';
import { PREVIEW_CSS } from './preview-css';

interface Props {
  context: PreviewContext | null;
  assetBase: string;
  path: string;
  text: string;
  onOutline(outline: OutlineEntry[]): void;
  onScrollLine?(line: number): void;
  frameRef: React.RefObject<HTMLIFrameElement | null>;
}

const FRAME_DOC = `<!doctype html><html><head><meta charset="utf-8"><style>${PREVIEW_CSS}</style></head><body><div id="banner"></div><div id="problems"></div><article id="content"></article></body></html>`;

export function PreviewPane({ context, assetBase, path, text, onOutline, onScrollLine, frameRef }: Props) {
  const engine = useMemo<Liquid | null>(() => (context ? createLiquid({ context }) : null), [context]);
  const [ready, setReady] = useState(false);
  const pending = useRef(0);
  const callbacks = useRef({ onOutline, onScrollLine });
  callbacks.current = { onOutline, onScrollLine };

  useEffect(() => {
    if (!engine || !context || !ready) return;
    const ticket = ++pending.current;
    const frame = requestAnimationFrame(() => {
      void renderPost(engine, context, path, text).then((rendered) => {
        if (ticket !== pending.current) return;
        paint(frameRef.current, rendered, assetBase, context.baseurl);
        callbacks.current.onOutline(rendered.outline);
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [engine, context, path, text, assetBase, ready, frameRef]);

  return (
    <iframe
      ref={frameRef}
      className="preview-frame"
      title="Preview"
      sandbox="allow-same-origin"
      srcDoc={FRAME_DOC}
      onLoad={(e) => {
        const doc = e.currentTarget.contentDocument;
        if (doc) wireFrame(doc, (line) => callbacks.current.onScrollLine?.(line));
        setReady(true);
      }}
    />
  );
}

function paint(frame: HTMLIFrameElement | null, rendered: RenderedPost, assetBase: string, baseurl: string): void {
  const doc = frame?.contentDocument;
  if (!doc) return;
  const content = doc.getElementById('content');
  const banner = doc.getElementById('banner');
  const problems = doc.getElementById('problems');
  if (!content || !banner || !problems) return;
  content.innerHTML = sanitizePreview(rendered.html, assetBase, baseurl);
  const bannerPath = rendered.banner ? sitePathOf(rendered.banner, baseurl) : null;
  banner.innerHTML = bannerPath ? sanitizePreview(`<img class="banner" alt="Banner" src="/${bannerPath}">`, assetBase, '') : '';
  problems.textContent = rendered.problems.join('\n');
  problems.hidden = rendered.problems.length === 0;
}

/** Links never navigate the frame; http(s) links open outside, everything else is ignored. */
function wireFrame(doc: Document, onScrollLine: (line: number) => void): void {
  doc.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a');
    if (!link) return;
    const href = link.getAttribute('href') ?? '';
    if (href.startsWith('#')) {
      event.preventDefault();
      doc.getElementById(decodeURIComponent(href.slice(1)))?.scrollIntoView();
      return;
    }
    event.preventDefault();
    if (/^https?:\/\//i.test(href)) window.open(href, '_blank', 'noopener,noreferrer');
  });
  doc.addEventListener('submit', (e) => e.preventDefault());
  let last = -1;
  doc.defaultView?.addEventListener('scroll', () => {
    const blocks = doc.querySelectorAll<HTMLElement>('[data-source-line]');
    for (const el of blocks) {
      if (el.getBoundingClientRect().bottom > 0) {
        const line = Number(el.dataset.sourceLine);
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
    if (Number(el.dataset.sourceLine) <= line) best = el;
    else break;
  }
  if (best) best.scrollIntoView({ block: 'start' });
  else doc.defaultView?.scrollTo(0, 0);
}
