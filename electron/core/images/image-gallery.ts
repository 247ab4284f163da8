/**
 * The site's images with the posts that use them, the references that point at nothing, and
 * adding new images under a clean, unique name (never overwriting).
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { splitPost } from '../../../shared/front-matter/split';
import { imageRefs, usesBaseurlInBodies } from '../../../shared/site/image-refs';
import { slugify } from '../../../shared/jekyll/file-names';
import type { SiteConfig } from '../../../shared/jekyll/site-types';
import { SourceError } from '../../../shared/source-error';
import { writeNewFile } from '../lifecycle/safe-move';
import { resolveInSite, normaliseRelPath } from '../store/confine';
import { inBatches } from '../util/batches';
import { scanSite } from '../site/scan-site';
import { listImages } from '../site/site-images';
import { indexPostFileSync } from '../site/post-record-file';

export interface Gallery {
  images: { path: string; size: number; usedBy: string[] }[];
  missing: { path: string; usedBy: string[] }[];
  /** Where new images go: the folder most banners already live in. */
  uploadFolder: string;
  /** Whether inserted Markdown should start with `{{ site.baseurl }}`. */
  useBaseurl: boolean;
}

export async function buildGallery(root: string, config: SiteConfig): Promise<Gallery> {
  const usage = new Map<string, string[]>();
  const bodies: string[] = [];
  const entries = (await scanSite(root, config)).filter((e) => !e.skipped);
  const now = Date.now();
  await inBatches(entries, (entry) => {
    let indexed;
    try {
      indexed = indexPostFileSync(root, entry, config, now);
    } catch {
      return; // Gone since the scan.
    }
    // Unreadable posts (no text) have their own problem report.
    if (indexed.text === undefined) return;
    const body = splitPost(indexed.text).body;
    bodies.push(body);
    for (const ref of imageRefs(indexed.result?.frontMatter ?? null, body, config.baseurl)) {
      const list = usage.get(ref) ?? [];
      list.push(entry.path);
      usage.set(ref, list);
    }
  });
  const files = await listImages(root);
  const onDisk = new Set(files.map((f) => f.path));
  const folders = new Map<string, number>();
  for (const ref of usage.keys()) {
    const dir = ref.includes('/') ? ref.slice(0, ref.lastIndexOf('/')) : '';
    folders.set(dir, (folders.get(dir) ?? 0) + 1);
  }
  const uploadFolder = [...folders].sort((a, b) => b[1] - a[1])[0]?.[0] || 'assets/images';
  return {
    images: files.map((f) => ({ ...f, usedBy: usage.get(f.path) ?? [] })),
    missing: [...usage].filter(([p]) => !onDisk.has(p)).map(([p, usedBy]) => ({ path: p, usedBy })),
    uploadFolder,
    useBaseurl: usesBaseurlInBodies(bodies),
  };
}

const ALLOWED = /\.(png|jpe?g|gif|webp|avif|svg)$/i;
const MAX_IMAGE_BYTES = 15 * 1024 * 1024;

/** A clean file name: slugified base, lower-case extension. */
export function cleanImageName(name: string): string {
  const base = path.basename(name);
  const ext = (path.extname(base) || '.png').toLowerCase().replace('.jpeg', '.jpg');
  const stem = slugify(base.slice(0, base.length - path.extname(base).length), 'default') || 'image';
  return `${stem}${ext}`;
}

/** Copies an image into `folder` under a unique clean name; returns its site path. */
export async function addImage(root: string, folder: string, name: string, bytes: Buffer): Promise<string> {
  if (!ALLOWED.test(name)) throw new SourceError('invalid-input', `${name} is not an image Postwright adds (png, jpg, gif, webp, avif, svg)`);
  if (bytes.length > MAX_IMAGE_BYTES) throw new SourceError('invalid-input', `${name} is larger than 15 MB`);
  const dir = normaliseRelPath(folder || 'assets/images');
  const clean = cleanImageName(name);
  const ext = path.extname(clean);
  const stem = clean.slice(0, clean.length - ext.length);
  await mkdir(await resolveInSite(root, dir), { recursive: true });
  for (let n = 1; n < 1000; n++) {
    const rel = `${dir}/${n === 1 ? stem : `${stem}-${n}`}${ext}`;
    const abs = await resolveInSite(root, rel);
    const taken = await stat(abs).then(
      () => true,
      () => false,
    );
    if (taken) continue;
    try {
      await writeNewFile(abs, bytes);
      return rel;
    } catch (error) {
      if (error instanceof SourceError && error.code === 'exists') continue;
      throw error;
    }
  }
  throw new SourceError('exists', 'too many images with that name');
}
