/**
 * Scrolling the preview frame to a source line: plain DOM, kept apart from the preview pane so
 * the app shell can use it without loading the preview's Markdown and Liquid code.
 */

/** The file line a rendered block came from (its section's base plus its own line). */
export function lineOf(el: HTMLElement): number {
  const base = Number((el.closest('[data-line-base]') as HTMLElement | null)?.dataset.lineBase ?? 0);
  return base + Number(el.dataset.sourceLine ?? 0);
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
