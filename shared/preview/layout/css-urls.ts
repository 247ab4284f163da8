/**
 * A theme's CSS made safe for the preview frame: `url(…)` and `@import` of the site's own files
 * point at the confined site-file route; anything remote is dropped (the preview never fetches
 * from the network).
 */

function isRemote(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');
}

/** Resolves `url` as written in the stylesheet at site path `cssPath` to a site path, or null. */
export function resolveCssUrl(url: string, cssPath: string, baseurl: string): string | null {
  const clean = url.trim().split(/[?#]/)[0];
  if (!clean || isRemote(clean)) return null;
  let p: string;
  if (clean.startsWith('/')) {
    p = clean;
    const base = baseurl.replace(/\/+$/, '');
    if (base && (p === base || p.startsWith(`${base}/`))) p = p.slice(base.length);
  } else {
    p = `${cssPath.includes('/') ? cssPath.slice(0, cssPath.lastIndexOf('/')) : ''}/${clean}`;
  }
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/** Rewrites `url()`s to `assetBase`, keeps `data:` URLs, drops remote ones and remote `@import`s. */
export function rewriteCssUrls(css: string, cssPath: string, assetBase: string, baseurl: string): { css: string; blocked: number } {
  let blocked = 0;
  const toAsset = (raw: string): string | null => {
    const url = raw.trim().replace(/^(['"])(.*)\1$/, '$2');
    if (/^data:/i.test(url)) return `url("${url.replace(/"/g, '%22')}")`;
    if (url.startsWith('#')) return `url("${url}")`;
    const site = resolveCssUrl(url, cssPath, baseurl);
    if (site === null) {
      blocked++;
      return null;
    }
    return `url("${assetBase}${site.split('/').map(encodeURIComponent).join('/')}")`;
  };
  let out = css.replace(/@import\s+(?:url\(\s*)?(['"]?)([^'")\s;]+)\1\s*\)?[^;]*;/gi, (whole, _q: string, url: string) => {
    if (isRemote(url)) {
      blocked++;
      return '';
    }
    return whole;
  });
  out = out.replace(/url\(\s*((?:"[^"]*"|'[^']*'|[^)'"]*))\s*\)/gi, (_whole, raw: string) => toAsset(raw) ?? 'none');
  return { css: out, blocked };
}
