/**
 * Makes rendered post HTML safe for the preview frame: no script, no event handlers, no forms
 * or embeds, and images pointed at the site's own files through the confined asset route.
 */
import DOMPurify from 'dompurify';

const purifier = DOMPurify(window);
purifier.addHook('uponSanitizeAttribute', (_node, data) => {
  if (data.attrName === 'style' && /url\s*\(|expression\s*\(|@import/i.test(data.attrValue)) data.keepAttr = false;
});

/** The site path an image URL points to, or null for external and data URLs. */
export function sitePathOf(src: string, baseurl: string): string | null {
  const value = src.trim();
  if (!value || /^(data|blob):/i.test(value)) return null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//')) return null;
  let p = value.split(/[?#]/)[0];
  const base = baseurl.replace(/\/+$/, '');
  if (base && (p === base || p.startsWith(`${base}/`))) p = p.slice(base.length);
  return p.replace(/^\/+/, '');
}

export function sanitizePreview(html: string, assetBase: string, baseurl: string): string {
  const clean = purifier.sanitize(html, {
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'object', 'embed', 'iframe', 'frame', 'base', 'link', 'meta'],
    FORBID_ATTR: ['srcset', 'action', 'formaction', 'ping'],
    ALLOW_DATA_ATTR: true,
    RETURN_DOM_FRAGMENT: true,
  }) as DocumentFragment;
  for (const img of clean.querySelectorAll('img, source, video, audio')) {
    const src = img.getAttribute('src');
    if (src === null) continue;
    const sitePath = sitePathOf(src, baseurl);
    if (sitePath !== null) img.setAttribute('src', assetBase + sitePath.split('/').map(encodeURIComponent).join('/'));
    else if (!/^(data|blob):/i.test(src)) {
      img.setAttribute('data-external-src', src);
      img.removeAttribute('src');
      img.setAttribute('alt', img.getAttribute('alt') || 'external image (not loaded in the preview)');
    }
  }
  for (const a of clean.querySelectorAll('a[href]')) a.setAttribute('rel', 'noopener noreferrer');
  const holder = document.createElement('div');
  holder.appendChild(clean);
  return holder.innerHTML;
}
