/**
 * The site's images with the posts that use them, the references that point at nothing, and
 * adding new images under a clean, unique name (never overwriting).
 */
import { mkdir, readdir, stat } from 'node:fs/promises';
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
import { filePath, readTextSync } from '../site/post-record-file';
import { readYaml, YamlDate, YamlTime } from '../../../shared/yaml/read-yaml';
import { fileNameParts } from '../../../shared/jekyll/file-names';
import { configuredImageFolder, learnImagePlacement, type ImagePlacement, type PostImageRefs } from './image-placement';

export interface Gallery {
  images: { path: string; size: number; usedBy: string[] }[];
  missing: { path: string; usedBy: string[] }[];
  /** Where new inline images go: learnt from the posts' bodies (or `postwright.images`); see image-placement. */
  uploadFolder: string;
  placement: ImagePlacement;
  /** Whether inserted Markdown should start with `{{ site.baseurl }}`. */
  useBaseurl: boolean;
}

export async function buildGallery(root: string, config: SiteConfig): Promise<Gallery> {
  const usage = new Map<string, string[]>();
  const bodies: string[] = [];
  const perPost: PostImageRefs[] = [];
  const entries = (await scanSite(root, config)).filter((e) => !e.skipped);
  await inBatches(entries, (entry) => {
    let text: string;
    try {
      text = readTextSync(filePath(root, entry.path)).text;
    } catch {
      // Gone since the scan; unreadable posts (too large, not UTF-8) have their own problem report.
      return;
    }
    // Only the front matter and the body: not the post's URL, date and the rest of its record.
    const parts = splitPost(text);
    const body = parts.body;
    bodies.push(body);
    const frontMatter = parts.frontMatter && mayNameImage(parts.frontMatter.yaml) ? frontMatterMap(parts.frontMatter.yaml) : null;
    const front = imageRefs(frontMatter, '', config.baseurl);
    const inBody = imageRefs(null, body, config.baseurl);
    perPost.push({ slug: fileNameParts(entry.path)?.slug ?? '', front, body: inBody });
    // Both, without duplicates, in the order imageRefs(frontMatter, body) gives them.
    for (const ref of new Set([...front, ...inBody])) {
      const list = usage.get(ref) ?? [];
      list.push(entry.path);
      usage.set(ref, list);
    }
  });
  const files = await listImages(root);
  const onDisk = new Set(files.map((f) => f.path));
  const placement = learnImagePlacement(perPost, configuredImageFolder(config.raw));
  return {
    images: files.map((f) => ({ ...f, usedBy: usage.get(f.path) ?? [] })),
    missing: [...usage].filter(([p]) => !onDisk.has(p)).map(([p, usedBy]) => ({ path: p, usedBy })),
    uploadFolder: placement.folder,
    placement,
    useBaseurl: usesBaseurlInBodies(bodies),
  };
}

const IMAGE_EXTENSION = /\.(?:png|jpe?g|gif|webp|avif|svg)/i;

/**
 * False when no value of this front matter can name an image, so it need not be parsed: such a
 * value ends with an image extension, written as it is unless an escape (a backslash) spells it.
 */
function mayNameImage(yaml: string): boolean {
  return IMAGE_EXTENSION.test(yaml) || yaml.includes('\\');
}

/** The front matter's keys and values, or null when it is not a map (the post's problem report says why). */
function frontMatterMap(yaml: string): Record<string, unknown> | null {
  const parsed = readYaml(yaml);
  const value = parsed.ok ? parsed.value : null;
  const isMap = value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof YamlDate) && !(value instanceof YamlTime);
  return isMap ? (value as Record<string, unknown>) : null;
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

/**
 * Copies an image into `folder` under a unique clean name; returns its site path. With
 * `numberedAs` (a post's slug) the names are `slug-1.png`, `slug-2.png`…, the first number no
 * image of that stem uses yet.
 */
export async function addImage(root: string, folder: string, name: string, bytes: Buffer, numberedAs?: string): Promise<string> {
  if (!ALLOWED.test(name)) throw new SourceError('invalid-input', `${name} is not an image Postwright adds (png, jpg, gif, webp, avif, svg)`);
  if (bytes.length > MAX_IMAGE_BYTES) throw new SourceError('invalid-input', `${name} is larger than 15 MB`);
  const dir = normaliseRelPath(folder || 'assets/images');
  const clean = cleanImageName(name);
  const ext = path.extname(clean);
  const numbered = numberedAs ? slugify(numberedAs, 'default') || 'image' : null;
  const stem = numbered ?? clean.slice(0, clean.length - ext.length);
  const absDir = await resolveInSite(root, dir);
  await mkdir(absDir, { recursive: true });
  const usedNumbers = numbered ? await numbersInUse(absDir, numbered) : new Set<number>();
  for (let n = 1; n < 1000; n++) {
    if (usedNumbers.has(n)) continue;
    const rel = numbered ? `${dir}/${stem}-${n}${ext}` : `${dir}/${n === 1 ? stem : `${stem}-${n}`}${ext}`;
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

/** The N of every `stem-N.<image ext>` in a folder, so a new number never reuses one another type took. */
async function numbersInUse(absDir: string, stem: string): Promise<Set<number>> {
  const pattern = new RegExp(`^${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)\\.[a-z0-9]+$`, 'i');
  const names = await readdir(absDir).catch(() => [] as string[]);
  return new Set(names.map((n) => pattern.exec(n)).filter((m): m is RegExpExecArray => m !== null).map((m) => Number(m[1])));
}
