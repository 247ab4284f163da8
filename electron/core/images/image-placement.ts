/**
 * Where a post's new images go, learnt from where the blog's posts already keep them.
 *
 * Banners and Open Graph images (front matter) often live in a folder of their own; images in
 * the body are what a pasted image is, so the body's folder wins. A blog that keeps one folder
 * per post (`assets/img/posts/my-post/…`) gets one for the new post too. `postwright: { images: … }`
 * in `_config.yml` overrides what is learnt.
 */
import { normaliseRelPath } from '../store/confine';

export interface PostImageRefs {
  /** The post's slug (from its file name). */
  slug: string;
  /** Images referenced in front matter (banners, Open Graph). */
  front: readonly string[];
  /** Images in the body (Markdown or HTML). */
  body: readonly string[];
}

export interface ImagePlacement {
  /** The folder for inline images; with `perPost`, the parent of one folder per post. */
  folder: string;
  perPost: boolean;
  /** Where banners live (most used front-matter folder), or null. */
  bannerFolder: string | null;
  /** How the folder was chosen, for the Images view. */
  source: 'config' | 'inline' | 'banner-parent' | 'default';
}

const DEFAULT_FOLDER = 'assets/images';

const dirOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');

function mostUsed(counts: Map<string, number>): string | null {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** `postwright.images` from the raw config, cleaned, or null. */
export function configuredImageFolder(raw: Record<string, unknown>): string | null {
  const block = raw.postwright;
  if (!block || typeof block !== 'object' || Array.isArray(block)) return null;
  const folder = (block as Record<string, unknown>).images;
  if (typeof folder !== 'string' || !folder.trim()) return null;
  try {
    return normaliseRelPath(folder.trim().replace(/^\/+|\/+$/g, '')) || null;
  } catch {
    return null;
  }
}

/** Learns the inline-image folder from the posts' references (see the file comment). */
export function learnImagePlacement(posts: readonly PostImageRefs[], configured: string | null): ImagePlacement {
  const inline = new Map<string, number>();
  const perPostParents = new Map<string, number>();
  const banners = new Map<string, number>();
  let inlineRefs = 0;
  for (const post of posts) {
    for (const ref of post.front) {
      const dir = dirOf(ref);
      if (dir) count(banners, dir);
    }
    for (const ref of new Set(post.body)) {
      const dir = dirOf(ref);
      if (!dir) continue;
      inlineRefs++;
      const last = dir.split('/').pop();
      if (post.slug && last === post.slug) count(perPostParents, dirOf(dir));
      else count(inline, dir);
    }
  }
  const bannerFolder = mostUsed(banners);
  if (configured) return { folder: configured, perPost: false, bannerFolder, source: 'config' };
  const perPostTotal = [...perPostParents.values()].reduce((a, b) => a + b, 0);
  if (perPostTotal > 0 && perPostTotal * 2 > inlineRefs) return { folder: mostUsed(perPostParents) || DEFAULT_FOLDER, perPost: true, bannerFolder, source: 'inline' };
  const inlineFolder = mostUsed(inline);
  if (inlineFolder) return { folder: inlineFolder, perPost: false, bannerFolder, source: 'inline' };
  // No inline images yet: next to the banners' folder, never inside it (banners are not body images).
  if (bannerFolder && bannerFolder.includes('/')) return { folder: dirOf(bannerFolder), perPost: false, bannerFolder, source: 'banner-parent' };
  return { folder: DEFAULT_FOLDER, perPost: false, bannerFolder, source: 'default' };
}

/** The folder a post with `slug` puts its new images in. */
export function folderForPost(placement: ImagePlacement, slug: string): string {
  return placement.perPost && slug ? `${placement.folder}/${slug}` : placement.folder;
}
