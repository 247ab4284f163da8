/**
 * Checks of what readers would see in a post: missing images, links to posts that do not
 * exist, Liquid that Jekyll runs inside code blocks, and title/description lengths.
 *
 * Split in three so a caller can cache: `contentFacts` depends on the file alone,
 * `checkContent` on the facts and the settings, `checkReferences` on the facts and the site
 * (a few set lookups per reference).
 */
import type { PostRecord } from '../jekyll/site-types';
import type { Problem } from './check-rules';
import { siteImagePath } from './image-refs';
import { bodyFacts, frontMatterImages, type ImageRef, type LinkRef, type LiquidInCode } from './post-facts';
import type { CheckSettings } from './check-settings';
import type { SiteContext } from './site-context';
import { postForUrl, postForPostUrl, sitePathForUrl } from './site-context';

export interface ContentInput {
  record: PostRecord;
  /** The front matter as read (no defaults); null when none or invalid. */
  frontMatter: Record<string, unknown> | null;
  /** 1-based line of each top-level front-matter key. */
  keyLines: Record<string, number>;
  /** Jekyll's data for the post (defaults + front matter), for settings a default may set. */
  data?: Record<string, unknown> | null;
  body: string;
  /** 1-based file line the body starts on. */
  bodyFirstLine: number;
}

export interface ContentFacts {
  path: string;
  /** Whether Jekyll will output the post (links from unpublished posts break nothing yet). */
  published: boolean;
  /** The post's URL, for resolving relative image paths the way a browser does. */
  url: string;
  /** `media_subpath` (or the older `img_path`) that relative image paths are joined to, or null. */
  mediaBase: string | null;
  /** False when the front matter says `render_with_liquid: false`. */
  liquid: boolean;
  images: ImageRef[];
  links: LinkRef[];
  liquidInCode: LiquidInCode[];
  title: { text: string; line?: number } | null;
  /** `lang:` (or `locale:`/`language:`) of a multilingual site, so translations may share a title. */
  lang: string | null;
  description: { text: string; line?: number } | null;
}

/** Everything the content checks need from one post, in one pass over its body. */
export function contentFacts(input: ContentInput): ContentFacts {
  const { record, frontMatter, keyLines } = input;
  const body = bodyFacts(input.body, input.bodyFirstLine);
  const data = input.data ?? frontMatter;
  const liquid = data?.render_with_liquid !== false;
  const base = data?.media_subpath ?? data?.img_path;
  const title = typeof frontMatter?.title === 'string' && frontMatter.title.trim() ? { text: frontMatter.title, ...(keyLines.title ? { line: keyLines.title } : {}) } : null;
  const description = typeof frontMatter?.description === 'string' ? { text: frontMatter.description, ...(keyLines.description ? { line: keyLines.description } : {}) } : null;
  return {
    path: record.path,
    published: record.published && !record.draft,
    url: record.url,
    mediaBase: typeof base === 'string' && base.trim() ? base.trim().replace(/^\{\{-?\s*site\.baseurl\s*-?\}\}/, '') : null,
    liquid,
    images: [...frontMatterImages(frontMatter, keyLines), ...body.images],
    links: liquid ? body.links : body.links.filter((l) => l.kind === 'url'),
    liquidInCode: liquid ? body.liquidInCode : [],
    title,
    description,
    lang: langOf(data),
  };
}

function langOf(data: Record<string, unknown> | null): string | null {
  const value = data?.lang ?? data?.locale ?? data?.language;
  return typeof value === 'string' && value.trim() ? value.trim().toLowerCase() : null;
}

/** Text as a search result shows it: tags dropped, white space collapsed. */
function plainText(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Problems of one post that need nothing but the post: Liquid in code, SEO lengths. */
export function checkContent(facts: ContentFacts, settings: CheckSettings): Problem[] {
  const out: Problem[] = [];
  for (const c of facts.liquidInCode) {
    out.push({
      path: facts.path,
      severity: 'warning',
      code: 'liquid-in-code',
      message: `Liquid inside a code block (${c.sample}): Jekyll runs it, so readers see its output instead of the code; wrap the block in {% raw %} … {% endraw %}`,
      line: c.line,
    });
  }
  if (facts.title) {
    const length = [...plainText(facts.title.text)].length;
    if (length > settings.titleMax) {
      out.push({
        path: facts.path,
        severity: 'warning',
        code: 'title-length',
        message: `the title is ${length} characters; search results cut titles after about ${settings.titleMax}`,
        field: 'title',
        ...(facts.title.line ? { line: facts.title.line } : {}),
      });
    }
  }
  if (facts.description) {
    const length = [...plainText(facts.description.text)].length;
    if (length < settings.descriptionMin || length > settings.descriptionMax) {
      out.push({
        path: facts.path,
        severity: 'warning',
        code: 'description-length',
        message:
          length < settings.descriptionMin
            ? `the description is ${length} characters; search results show ${settings.descriptionMin}–${settings.descriptionMax}, so a longer one says more`
            : `the description is ${length} characters; search results cut it after about ${settings.descriptionMax}`,
        field: 'description',
        ...(facts.description.line ? { line: facts.description.line } : {}),
      });
    }
  }
  return out;
}

/** Problems of one post against the rest of the site: missing images, links to posts that do not exist. */
export function checkReferences(facts: ContentFacts, site: SiteContext): Problem[] {
  const out: Problem[] = [];
  const where = (line: number, field?: string) => ({ ...(line ? { line } : {}), ...(field ? { field } : {}) });
  const seenImages = new Set<string>();
  for (const img of facts.images) {
    const sitePath = siteImagePath(img.ref, site.baseurl);
    if (!sitePath) continue;
    const key = `${img.line}\0${sitePath}`;
    if (seenImages.has(key)) continue;
    seenImages.add(key);
    const candidates = imageCandidates(img, sitePath, facts);
    if (!candidates.length || candidates.some((c) => site.files.has(c))) continue;
    if (site.files.has(sitePath) && !sitePath.startsWith('..')) {
      out.push({
        path: facts.path,
        severity: 'warning',
        code: 'relative-image',
        message: `${img.field ? `${img.field}: ` : ''}${img.ref} is at the site's root, but a browser looks for it next to the page (${candidates[0]}): write /${sitePath}`,
        ...where(img.line, img.field),
      });
      continue;
    }
    const shown = candidates[0] === img.ref.trim() || `/${candidates[0]}` === img.ref.trim() ? '' : ` (looked for ${candidates.join(' and ')})`;
    out.push({
      path: facts.path,
      severity: 'warning',
      code: 'missing-image',
      message: `${img.field ? `${img.field}: ` : ''}the image ${img.ref} is not in the site${shown}`,
      ...where(img.line, img.field),
    });
  }
  const severity = facts.published ? 'error' : 'warning';
  for (const link of facts.links) {
    if (link.kind === 'post_url') {
      const found = postForPostUrl(site, link.target);
      if (found && found.published) continue;
      out.push({
        path: facts.path,
        severity,
        code: 'broken-post-url',
        message: found
          ? `{% post_url ${link.target} %} names ${found.path}, which Jekyll does not publish${found.draft ? ' (a draft)' : ''}: the build stops with "Could not find post"`
          : `{% post_url ${link.target} %}: no post of this site has that name; the build stops with "Could not find post"`,
        line: link.line,
      });
    } else if (link.kind === 'link') {
      const target = link.target.replace(/^\/+/, '');
      if (site.files.has(target)) continue;
      out.push({
        path: facts.path,
        severity,
        code: 'broken-link-tag',
        message: `{% link ${link.target} %}: there is no such file in the site; the build stops with "Could not find document"`,
        line: link.line,
      });
    } else {
      const target = sitePathForUrl(link.target, site.baseurl);
      if (target === null) continue;
      // Most links name a post that exists: one map lookup settles them.
      const post = postForUrl(site, target);
      if (post?.published || !site.isPostLike(target)) continue;
      if (!post && site.hasFileFor(target)) continue;
      out.push({
        path: facts.path,
        severity: 'warning',
        code: 'broken-link',
        message: post
          ? `links to ${link.target}, the URL of ${post.path}, which Jekyll does not publish${post.draft ? ' (a draft)' : ''}: readers get "page not found"`
          : `links to ${link.target}, but no post of this site has that URL: readers get "page not found"`,
        line: link.line,
      });
    }
  }
  return out;
}

/**
 * Site paths where an image may live. Written from the root: there. Relative: under the post's
 * `media_subpath`/`img_path` (Chirpy) when set; a front-matter value from the root (themes pass it
 * through `relative_url`); a body image next to the page's URL (what a browser does) or the
 * post's file (what post-files plugins do).
 */
function imageCandidates(img: ImageRef, sitePath: string, facts: ContentFacts): string[] {
  const written = img.ref.trim();
  if (written.startsWith('/') || written.startsWith('{')) return [sitePath];
  if (facts.mediaBase !== null && /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(facts.mediaBase)) return [];
  const dirs = facts.mediaBase !== null ? [facts.mediaBase] : img.field ? [''] : [facts.url.replace(/[^/]*$/, ''), facts.path.replace(/[^/]*$/, '')];
  const out: string[] = [];
  for (const dir of dirs) {
    const p = joinPath(dir, sitePath);
    if (p !== null && !out.includes(p)) out.push(p);
  }
  return out;
}

/** `dir` + `rel` with `.`/`..` resolved, without a leading slash; null when it climbs above the root. */
function joinPath(dir: string, rel: string): string | null {
  const parts: string[] = [];
  for (const seg of `${dir}/${rel}`.split('/')) {
    if (!seg || seg === '.') continue;
    if (seg === '..') {
      if (!parts.length) return null;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join('/');
}
