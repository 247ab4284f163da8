/**
 * The preview frame's document in its two looks. "Plain": our own readable style, a header with
 * the post's title and banner, then the body. "Blog look": the site's layout (sanitised) with
 * the theme's compiled CSS, and the body in the layout's content slot. Both keep one
 * `#content` element, moved between them, so the per-section painter never starts over.
 */
import { CONTENT_MARKER } from '../../shared/preview/layout/layout-chain';
import { PREVIEW_CSS } from './preview-css';

/** Our own bits inside the frame (notes, placeholders), styled the same whatever the theme says. */
const CHROME_CSS = `
#pw-notes { position: sticky; top: 0; z-index: 2147483647; font: 13px/1.4 system-ui, sans-serif; }
#pw-notes:empty { display: none; }
#pw-notes > div { white-space: pre-wrap; background: #fff4e5; color: #6b3a00; padding: .5rem .75rem; border-bottom: 1px solid #e8c9a0; margin: 0; }
#pw-notes > div.pw-conflict { background: #fdecea; color: #7a1c12; border-color: #f0b8b0; }
.pw-unknown-tag, .pw-missing { font: 13px ui-monospace, monospace; background: #eef; color: #335; padding: 0 .25rem; border-radius: 3px; }
#content[hidden] { display: none !important; }
#pw-conflict-source { white-space: pre-wrap; font: 13px/1.5 ui-monospace, monospace; margin: 1rem; color: #444; }
`;

/**
 * In the layout our wrappers must not change layout: margins collapse across sections exactly
 * as in the built page (content-visibility would make each section its own formatting context).
 */
const BLOG_CSS = `
#content, #content > .pw-section { display: contents; }
`;

const PLAIN_HEADER_CSS = `
#pw-header { max-width: 44rem; margin: 0 auto; }
#pw-header h1.pw-title { font-size: 2rem; line-height: 1.2; margin: .5rem 0 1rem; }
#pw-header h1.pw-title:empty { display: none; }
`;

export type Look = 'blog' | 'plain';

export interface PlainHeader {
  title: string;
  /** Sanitised `<img>` HTML for the banner, or ''. */
  bannerHtml: string;
}

function el(doc: Document, tag: string, id: string): HTMLElement {
  let node = doc.getElementById(id);
  if (!node) {
    node = doc.createElement(tag);
    node.id = id;
  }
  return node;
}

function setStyle(doc: Document, id: string, css: string): void {
  const style = el(doc, 'style', id) as HTMLStyleElement;
  if (style.textContent !== css) style.textContent = css;
  if (style.parentNode !== doc.head) doc.head.appendChild(style);
}

function removeById(doc: Document, id: string): void {
  doc.getElementById(id)?.remove();
}

/** The text node holding the marker, split so the marker is a node of its own. */
function markerNode(root: Node): Text | null {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const at = node.data.indexOf(CONTENT_MARKER);
    if (at < 0) continue;
    const marker = at > 0 ? node.splitText(at) : node;
    if (marker.data.length > CONTENT_MARKER.length) marker.splitText(CONTENT_MARKER.length);
    return marker;
  }
  return null;
}

export class FrameShell {
  look: Look | null = null;
  private layoutKey = '';

  /** The body container the painter fills (created on first use). */
  content(doc: Document): HTMLElement {
    const content = el(doc, 'article', 'content');
    if (!content.parentNode) doc.body.appendChild(content);
    return content;
  }

  notes(doc: Document): HTMLElement {
    const notes = el(doc, 'div', 'pw-notes');
    if (notes.parentNode !== doc.body || doc.body.firstChild !== notes) doc.body.insertBefore(notes, doc.body.firstChild);
    return notes;
  }

  /** Shows `messages` above the preview (`conflict` ones in red); unchanged text is not touched. */
  setNotes(doc: Document, messages: { text: string; kind?: 'conflict' | 'note' }[]): void {
    const notes = this.notes(doc);
    const key = JSON.stringify(messages);
    if (notes.dataset.key === key) return;
    notes.dataset.key = key;
    notes.textContent = '';
    for (const m of messages) {
      const div = doc.createElement('div');
      div.className = m.kind === 'conflict' ? 'pw-conflict' : 'pw-note';
      div.setAttribute('role', m.kind === 'conflict' ? 'alert' : 'note');
      div.textContent = m.text;
      notes.appendChild(div);
    }
  }

  /** Our readable style with a title-and-banner header. */
  showPlain(doc: Document, header: PlainHeader): void {
    const content = this.content(doc);
    if (this.look !== 'plain') {
      removeById(doc, 'pw-theme-css');
      setStyle(doc, 'pw-plain-css', PREVIEW_CSS + PLAIN_HEADER_CSS);
      setStyle(doc, 'pw-chrome-css', CHROME_CSS);
      doc.documentElement.className = '';
      doc.body.className = 'pw-plain';
      const notes = this.notes(doc);
      doc.body.textContent = '';
      const top = doc.createElement('header');
      top.id = 'pw-header';
      const title = doc.createElement('h1');
      title.className = 'pw-title';
      const banner = doc.createElement('div');
      banner.id = 'banner';
      top.append(banner, title);
      doc.body.append(notes, top, content);
      this.look = 'plain';
      this.layoutKey = '';
    }
    const title = doc.querySelector('#pw-header .pw-title')!;
    if (title.textContent !== header.title) title.textContent = header.title;
    const banner = doc.getElementById('banner')!;
    if (banner.innerHTML !== header.bannerHtml) banner.innerHTML = header.bannerHtml;
  }

  /**
   * The site's layout around the body. `key` names the layout render; the same key again keeps
   * the document as it is (a keystroke in the body never rebuilds the layout).
   */
  showBlog(doc: Document, key: string, layout: { body: string; css: string; htmlClass: string; bodyClass: string }): void {
    const content = this.content(doc);
    if (this.look === 'blog' && this.layoutKey === key) return;
    removeById(doc, 'pw-plain-css');
    setStyle(doc, 'pw-theme-css', layout.css);
    setStyle(doc, 'pw-chrome-css', CHROME_CSS + BLOG_CSS);
    doc.documentElement.className = layout.htmlClass;
    doc.body.className = layout.bodyClass;
    const notes = this.notes(doc);
    const holder = doc.createElement('div');
    holder.innerHTML = layout.body;
    const marker = markerNode(holder);
    doc.body.textContent = '';
    doc.body.append(notes, ...holder.childNodes);
    if (marker?.parentNode) marker.parentNode.replaceChild(content, marker);
    else doc.body.appendChild(content);
    // The marker may also have landed in attributes or text the layout derived from `content`.
    for (const node of [...doc.body.querySelectorAll('*')]) {
      for (const attr of [...node.attributes]) if (attr.value.includes(CONTENT_MARKER)) node.setAttribute(attr.name, attr.value.split(CONTENT_MARKER).join(''));
    }
    for (let extra = markerNode(doc.body); extra; extra = markerNode(doc.body)) extra.remove();
    this.look = 'blog';
    this.layoutKey = key;
  }

  reset(): void {
    this.look = null;
    this.layoutKey = '';
  }
}
