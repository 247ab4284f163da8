/**
 * New, publish, unpublish, rename, duplicate and delete, with the file work Jekyll expects:
 * dated names in `_posts`, undated ones in `_drafts`, `date:` set on publish. No operation
 * overwrites a file, and each returns what undo needs to reverse it.
 */
import { readFile, unlink } from 'node:fs/promises';
import { setField, setFieldSource } from '../../../shared/front-matter/edit-front-matter';
import { fileNameParts, slugify } from '../../../shared/jekyll/file-names';
import { zonedParts } from '../../../shared/jekyll/ruby-time';
import type { SiteConfig } from '../../../shared/jekyll/site-types';
import type { PlainValue } from '../../../shared/front-matter/yaml-render';
import { SourceError } from '../../../shared/source-error';
import { normaliseRelPath, resolveInSite } from '../store/confine';
import { moveToTrash } from './app-trash';
import { moveNoOverwrite, writeNewFile } from './safe-move';
import { frontMatterData } from '../../../shared/front-matter/read-front-matter';

/** What an operation changed: files it created and files it removed (with their text). */
export interface Change {
  label: string;
  path: string;
  created: string[];
  removed: { path: string; text: string }[];
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** `YYYY-MM-DD` and `YYYY-MM-DD HH:MM:SS +ZZZZ` for `now` in the site's zone. */
export function siteDate(now: number, tz: string | null): { day: string; time: string } {
  const p = zonedParts(now, tz);
  const day = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
  const off = p.offsetMinutes;
  const zone = `${off < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(off) / 60))}${pad(Math.abs(off) % 60)}`;
  return { day, time: `${day} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)} ${zone}` };
}

/** A file-name slug from a title, as `jekyll-compose` makes them. */
export function slugForTitle(title: string): string {
  return slugify(title, 'default') || 'untitled';
}

function splitMagic(rel: string): { above: string; magic: '_posts' | '_drafts'; below: string } {
  const parts = rel.split('/');
  const i = parts.findIndex((p) => p === '_posts' || p === '_drafts');
  if (i < 0) throw new SourceError('not-a-post', `${rel} is not in _posts or _drafts`);
  return { above: parts.slice(0, i).join('/'), magic: parts[i] as '_posts' | '_drafts', below: parts.slice(i + 1).join('/') };
}

function join(...parts: string[]): string {
  return parts.filter(Boolean).join('/');
}

async function abs(root: string, rel: string): Promise<string> {
  return resolveInSite(root, normaliseRelPath(rel));
}

export interface NewPostOptions {
  title: string;
  draft?: boolean;
  now?: number;
  /** Front-matter values to pre-fill (from defaults and the schema), after title and date. */
  fields?: Record<string, PlainValue>;
}

/** The text of a new post: title, date (for posts), then pre-filled fields. */
export function newPostText(title: string, date: string | null, fields: Record<string, PlainValue> = {}): string {
  let text = setField('', ['title'], title).text;
  if (date) text = setFieldSource(text, ['date'], date).text;
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'title' || key === 'date' || value === undefined) continue;
    text = setField(text, [key], value).text;
  }
  return `${text}\n`;
}

export async function createPost(root: string, config: SiteConfig, options: NewPostOptions): Promise<Change> {
  const title = options.title.trim();
  if (!title) throw new SourceError('invalid-input', 'a new post needs a title');
  const now = options.now ?? Date.now();
  const { day, time } = siteDate(now, config.timezone);
  const slug = slugForTitle(title);
  const rel = options.draft ? `_drafts/${slug}.md` : `_posts/${day}-${slug}.md`;
  const text = newPostText(title, options.draft ? null : time, options.fields);
  await writeNewFile(await abs(root, rel), text);
  return { label: `New post: ${title}`, path: rel, created: [rel], removed: [] };
}

/** Draft → `_posts/YYYY-MM-DD-slug.ext` with `date:` set to now. */
export async function publishPost(root: string, config: SiteConfig, rel: string, now = Date.now()): Promise<Change> {
  const { above, magic, below } = splitMagic(rel);
  if (magic !== '_drafts') throw new SourceError('not-a-draft', `${rel} is not a draft`);
  const name = fileNameParts(below);
  const dir = below.includes('/') ? below.slice(0, below.lastIndexOf('/')) : '';
  const { day, time } = siteDate(now, config.timezone);
  const slug = name?.date ? name.slug : (name?.slug ?? below);
  const target = join(above, '_posts', dir, `${day}-${slug}${name?.ext ?? '.md'}`);
  const from = await abs(root, rel);
  const text = await readFile(from, 'utf8');
  const dated = setFieldSource(text, ['date'], time).text;
  await writeNewFile(await abs(root, target), dated);
  await moveOut(root, rel);
  return { label: `Publish: ${slug}`, path: target, created: [target], removed: [{ path: rel, text }] };
}

/** Post → `_drafts/slug.ext`, keeping its date in the front matter. */
export async function unpublishPost(root: string, config: SiteConfig, rel: string): Promise<Change> {
  const { above, magic, below } = splitMagic(rel);
  if (magic !== '_posts') throw new SourceError('not-a-post', `${rel} is already a draft`);
  const name = fileNameParts(below);
  if (!name) throw new SourceError('not-a-post', `${rel} has no post file name`);
  const dir = below.includes('/') ? below.slice(0, below.lastIndexOf('/')) : '';
  const target = join(above, '_drafts', dir, `${name.slug}${name.ext}`);
  const from = await abs(root, rel);
  const text = await readFile(from, 'utf8');
  // Keep the date the file name carried: a draft has no date in its name.
  const out = name.date && frontMatterData(text).date === undefined ? setFieldSource(text, ['date'], name.date).text : text;
  await writeNewFile(await abs(root, target), out);
  await moveOut(root, rel);
  return { label: `Unpublish: ${name.slug}`, path: target, created: [target], removed: [{ path: rel, text }] };
}

/** New slug for the file name, keeping its folder, date prefix and extension. */
export async function renamePost(root: string, rel: string, newSlug: string): Promise<Change> {
  const slug = slugForTitle(newSlug);
  const { above, magic, below } = splitMagic(rel);
  const name = fileNameParts(below);
  if (!name) throw new SourceError('not-a-post', `${rel} has no post file name`);
  const dir = below.includes('/') ? below.slice(0, below.lastIndexOf('/')) : '';
  const file = `${name.date ? `${name.date}-` : ''}${slug}${name.ext}`;
  const target = join(above, magic, dir, file);
  if (target === rel) return { label: 'Rename', path: rel, created: [], removed: [] };
  const text = await readFile(await abs(root, rel), 'utf8');
  await moveNoOverwrite(await abs(root, rel), await abs(root, target));
  return { label: `Rename: ${name.slug} → ${slug}`, path: target, created: [target], removed: [{ path: rel, text }] };
}

/** A copy next to the original, titled "(copy)". */
export async function duplicatePost(root: string, rel: string): Promise<Change> {
  const { above, magic, below } = splitMagic(rel);
  const name = fileNameParts(below);
  if (!name) throw new SourceError('not-a-post', `${rel} has no post file name`);
  const dir = below.includes('/') ? below.slice(0, below.lastIndexOf('/')) : '';
  const text = await readFile(await abs(root, rel), 'utf8');
  for (let n = 1; n < 100; n++) {
    const slug = `${name.slug}-copy${n > 1 ? `-${n}` : ''}`;
    const target = join(above, magic, dir, `${name.date ? `${name.date}-` : ''}${slug}${name.ext}`);
    const title = frontMatterData(text).title;
    const copy = setField(text, ['title'], `${typeof title === 'string' ? title : name.slug} (copy)`).text;
    try {
      await writeNewFile(await abs(root, target), copy);
      return { label: `Duplicate: ${name.slug}`, path: target, created: [target], removed: [] };
    } catch (error) {
      if (error instanceof SourceError && error.code === 'exists') continue;
      throw error;
    }
  }
  throw new SourceError('exists', 'too many copies already');
}

/** Moves a file to the OS trash; provided by the desktop shell where one exists. */
export type OsTrash = (absPath: string) => Promise<void>;

/**
 * Moves the post to the OS trash when the host offers one, else to the app trash. Undo does not
 * depend on either: the change keeps the text and writes it back.
 */
export async function deletePost(root: string, rel: string, trashDir: string, osTrash?: OsTrash): Promise<Change & { trashedTo: string }> {
  const file = await abs(root, rel);
  const text = await readFile(file, 'utf8');
  let trashedTo: string;
  if (osTrash) {
    await osTrash(file);
    trashedTo = 'the system trash';
  } else trashedTo = await moveToTrash(trashDir, root, normaliseRelPath(rel));
  return { label: `Delete: ${rel}`, path: rel, created: [], removed: [{ path: rel, text }], trashedTo };
}

/** Reverses a change: created files go to the trash, removed files come back (never overwriting). */
export async function undoChange(root: string, change: Change, trashDir: string): Promise<void> {
  for (const rel of change.created) await moveToTrash(trashDir, root, rel).catch(() => undefined);
  for (const removed of change.removed) await writeNewFile(await abs(root, removed.path), removed.text);
}

async function moveOut(root: string, rel: string): Promise<void> {
  await unlink(await abs(root, rel));
}
