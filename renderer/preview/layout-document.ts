/**
 * Splits a layout's rendered HTML (a whole document) into what the preview frame can use: the
 * stylesheets its head links, its inline styles, the classes of `<html>`/`<body>`, and the body,
 * sanitised, with the post's content slot found where the marker landed.
 */
import { sanitizePreview, sitePathOf } from './sanitize';

export interface LayoutDocument {
  /** Site paths of `<link rel="stylesheet">` in document order (remote ones are left out). */
  stylesheets: string[];
  /** Remote stylesheets left out (never fetched). */
  remoteStylesheets: string[];
  inlineStyles: string[];
  htmlClass: string;
  bodyClass: string;
  /** Sanitised body HTML; contains the content marker once, if the layout printed `content`. */
  body: string;
}

/** Reads a rendered layout; DOMParser documents run no script and load nothing. */
export function readLayoutDocument(html: string, assetBase: string, baseurl: string): LayoutDocument {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const stylesheets: string[] = [];
  const remoteStylesheets: string[] = [];
  for (const link of doc.querySelectorAll('link[rel~="stylesheet" i][href]')) {
    const href = link.getAttribute('href') ?? '';
    const site = sitePathOf(href, baseurl);
    if (site === null) remoteStylesheets.push(href);
    else if (!stylesheets.includes(site)) stylesheets.push(site);
  }
  const inlineStyles = [...doc.querySelectorAll('style')].map((s) => s.textContent ?? '');
  const clean = (v: string | null) => (v ?? '').replace(/[^\w\s-]/g, ' ').trim();
  return {
    stylesheets,
    remoteStylesheets,
    inlineStyles,
    htmlClass: clean(doc.documentElement.getAttribute('class')),
    bodyClass: clean(doc.body?.getAttribute('class') ?? ''),
    body: sanitizePreview(doc.body?.innerHTML ?? '', assetBase, baseurl),
  };
}
