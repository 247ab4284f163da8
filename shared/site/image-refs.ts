/**
 * Image references in a post: banner-like front-matter values and images in the body
 * (Markdown `![](…)`, HTML `<img src>`), as site paths (`assets/x.png`), so a gallery can say
 * which posts use an image and which references point at nothing.
 */

const IMAGE = /\.(png|jpe?g|gif|webp|avif|svg)$/i;
const MD_IMAGE = /!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+["'][^"']*["'])?\s*\)/g;
const HTML_IMAGE = /<img\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']/gi;
const BASEURL = /\{\{-?\s*(?:site\.baseurl|site\.url|['"][^'"]*['"]\s*\|\s*(?:relative_url|absolute_url))\s*-?\}\}/g;

/** A site-relative path for a reference, or null for external, data and template-only URLs. */
export function siteImagePath(ref: string, baseurl = ''): string | null {
  let p = ref.trim().replace(BASEURL, '');
  const liquidUrl = /^\{\{\s*['"]([^'"]+)['"]\s*\|\s*(?:relative_url|absolute_url)\s*\}\}$/.exec(ref.trim());
  if (liquidUrl) p = liquidUrl[1];
  if (!p || /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(p) || p.includes('{{') || p.includes('{%')) return null;
  p = p.split(/[?#]/)[0];
  const base = baseurl.replace(/\/+$/, '');
  if (base && p.startsWith(`${base}/`)) p = p.slice(base.length);
  p = p.replace(/^\.?\/+/, '');
  try {
    p = decodeURI(p);
  } catch {
    // Keep it as written.
  }
  return IMAGE.test(p) ? p : null;
}

function frontMatterRefs(value: unknown, out: string[]): void {
  if (typeof value === 'string') {
    if (IMAGE.test(value.trim().split(/[?#]/)[0])) out.push(value);
  } else if (Array.isArray(value)) value.forEach((v) => frontMatterRefs(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => frontMatterRefs(v, out));
}

/** Every image a post refers to, as site paths, without duplicates. */
export function imageRefs(frontMatter: Record<string, unknown> | null, body: string, baseurl = ''): string[] {
  const raw: string[] = [];
  if (frontMatter) frontMatterRefs(frontMatter, raw);
  for (const m of body.matchAll(MD_IMAGE)) raw.push(m[1]);
  for (const m of body.matchAll(HTML_IMAGE)) raw.push(m[1]);
  const out = new Set<string>();
  for (const r of raw) {
    const p = siteImagePath(r, baseurl);
    if (p) out.add(p);
  }
  return [...out];
}

/** True when the blog writes image paths with `{{ site.baseurl }}`, so inserted images should too. */
export function usesBaseurlInBodies(bodies: readonly string[]): boolean {
  let withBase = 0;
  let without = 0;
  for (const body of bodies) {
    for (const m of body.matchAll(MD_IMAGE)) {
      if (/\{\{\s*site\.baseurl\s*\}\}/.test(m[1])) withBase++;
      else if (m[1].startsWith('/')) without++;
    }
  }
  return withBase > without;
}
