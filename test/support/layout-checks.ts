/**
 * What a screenshot test measures on the page as it is: horizontal overflow of the document and
 * of every scrolling container, the header's height and rows, the body editor's share of the
 * window, and the contrast of every visible run of text (WCAG maths from ./contrast.ts).
 */
import type { Page } from 'playwright-core';
import { AA_MARKUP, AA_TEXT, contrastRatio, effectiveBackground, parseColor, type Rgba } from './contrast';

export interface Overflow {
  where: string;
  scrollWidth: number;
  clientWidth: number;
}

export interface TextRun {
  text: string;
  where: string;
  color: string;
  opacity: number;
  /** Backgrounds from the text's element outwards. */
  layers: string[];
  fontSize: number;
  fontWeight: number;
}

export interface PageReading {
  overflow: Overflow[];
  /** The header's height, and how many rows its visible children sit on. */
  headerHeight: number | null;
  headerRows: number | null;
  /** Header controls cut off at the window's right edge (unreachable). */
  clippedHeader: string[];
  /** The body editor's height over the window's, or null when no editor shows. */
  editorShare: number | null;
  frontMatterVisible: boolean;
  runs: TextRun[];
}

/** Reads the page (and the preview frame's document level) in one go. */
export async function readPage(page: Page): Promise<PageReading> {
  return page.evaluate(() => {
    const name = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 4).join('.')}` : '';
      const label = el.getAttribute('aria-label') ? `[${el.getAttribute('aria-label')}]` : '';
      return `${el.tagName.toLowerCase()}${id}${cls}${label}`;
    };
    const visible = (el: Element) => {
      if (el.closest('[hidden], [aria-hidden=true]')) return false;
      if (!el.checkVisibility({ visibilityProperty: true })) return false;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    };
    const overflow: { where: string; scrollWidth: number; clientWidth: number }[] = [];
    const docs: { doc: Document; prefix: string }[] = [{ doc: document, prefix: '' }];
    for (const frame of document.querySelectorAll('iframe')) {
      try {
        if (frame.contentDocument && visible(frame)) docs.push({ doc: frame.contentDocument, prefix: `${name(frame)} ` });
      } catch {
        // A frame from another origin is not ours to measure.
      }
    }
    for (const { doc, prefix } of docs) {
      const root = doc.scrollingElement ?? doc.documentElement;
      if (root.scrollWidth > root.clientWidth + 1) overflow.push({ where: `${prefix}document`, scrollWidth: root.scrollWidth, clientWidth: root.clientWidth });
      if (doc !== document) continue;
      for (const el of doc.querySelectorAll('body *')) {
        const s = getComputedStyle(el);
        if (!['auto', 'scroll'].includes(s.overflowX) && !el.matches('.topbar, .post-actions')) continue;
        if (!visible(el)) continue;
        if (el.scrollWidth > el.clientWidth + 1) overflow.push({ where: name(el), scrollWidth: el.scrollWidth, clientWidth: el.clientWidth });
      }
    }

    const header = document.querySelector('.topbar');
    let headerHeight: number | null = null;
    let headerRows: number | null = null;
    const clippedHeader: string[] = [];
    if (header && visible(header)) {
      const hr = header.getBoundingClientRect();
      headerHeight = Math.round(hr.height);
      const rows = new Set<number>();
      for (const child of header.querySelectorAll('button, [role=tab], .site-title, .post-path, .git-bar > span')) {
        if (!visible(child)) continue;
        const r = child.getBoundingClientRect();
        rows.add(Math.round((r.top + r.bottom) / 2 / 12));
        if (child.matches('button') && (r.right > Math.min(hr.right, innerWidth) + 0.5 || r.height > 40)) clippedHeader.push(name(child));
      }
      headerRows = rows.size;
    }

    const editor = document.querySelector('.edit-column .cm-editor');
    const editorShare = editor && visible(editor) ? editor.getBoundingClientRect().height / innerHeight : null;
    const fm = document.querySelector('.front-matter');
    const frontMatterVisible = !!fm && visible(fm);

    const runs: { text: string; where: string; color: string; opacity: number; layers: string[]; fontSize: number; fontWeight: number }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const el = node.parentElement;
      if (!text || !el) continue;
      if (el.closest(':disabled, [aria-disabled=true], [data-disabled], option, script, style, .cm-widgetBuffer, .cm-gutters')) continue;
      if (!visible(el)) continue;
      const rect = el.getBoundingClientRect();
      if (rect.bottom < 0 || rect.top > innerHeight || rect.right < 0 || rect.left > innerWidth) continue;
      const style = getComputedStyle(el);
      const layers: string[] = [];
      let opacity = 1;
      let overImage = false;
      for (let up: Element | null = el; up; up = up.parentElement) {
        const s = getComputedStyle(up);
        opacity *= Number(s.opacity);
        if (s.backgroundImage !== 'none' && !s.backgroundImage.startsWith('linear-gradient')) overImage = true;
        layers.push(s.backgroundColor);
      }
      if (overImage) continue;
      runs.push({ text: text.slice(0, 40), where: name(el), color: style.color, opacity, layers, fontSize: parseFloat(style.fontSize), fontWeight: Number(style.fontWeight) });
    }
    return { overflow, headerHeight, headerRows, clippedHeader, editorShare, frontMatterVisible, runs };
  });
}

function colour(css: string): Rgba {
  return parseColor(css) ?? { r: 0, g: 0, b: 0, a: 0 };
}

/** WCAG "large text": 24 px, or 18.66 px bold; it needs 3:1 instead of 4.5:1. */
export function isLargeText(run: TextRun): boolean {
  return run.fontSize >= 24 || (run.fontSize >= 18.66 && run.fontWeight >= 700);
}

/** Markdown markup in the editor (`#`, `>`, `*`, link URLs): 3:1 like other non-text marks (the design's rule). */
export function isMarkup(run: TextRun): boolean {
  return /\bpw-md-(mark|url)\b/.test(run.where);
}

/** The contrast of one run over its own stack of backgrounds (the page's base colour under all). */
export function runContrast(run: TextRun, base: Rgba): number {
  const bg = effectiveBackground(run.layers.map(colour), base);
  const fg = colour(run.color);
  return contrastRatio({ ...fg, a: fg.a * run.opacity }, bg);
}

export interface ContrastSummary {
  runs: number;
  /** The lowest ratio of any run, and the lowest as a share of its own threshold. */
  min: number;
  worst: { text: string; where: string; ratio: number; needed: number } | null;
  failures: { text: string; where: string; ratio: number; needed: number }[];
}

export function contrastSummary(runs: TextRun[], base: Rgba): ContrastSummary {
  let min = Infinity;
  let worst: ContrastSummary['worst'] = null;
  const failures: ContrastSummary['failures'] = [];
  for (const run of runs) {
    const ratio = runContrast(run, base);
    const needed = isLargeText(run) || isMarkup(run) ? AA_MARKUP : AA_TEXT;
    if (ratio < min) {
      min = ratio;
      worst = { text: run.text, where: run.where, ratio, needed };
    }
    if (ratio < needed - 0.005) failures.push({ text: run.text, where: run.where, ratio, needed });
  }
  return { runs: runs.length, min, worst, failures };
}
