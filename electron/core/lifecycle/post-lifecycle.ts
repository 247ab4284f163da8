/**
 * New, publish, unpublish, rename, duplicate and delete, with the file work Jekyll expects:
 * dated names in `_posts`, undated ones in `_drafts`, `date:` set on publish. No operation
 * overwrites a file, and each returns what undo needs to reverse it.
 *
 * Files are handled as bytes: a move or copy keeps every byte, and where the text must change
 * (publish sets `date:`, duplicate its title) it is decoded strictly; a file that is not valid
 * UTF-8 is refused there and left as it was. Every step holds the files' locks and checks their
 * versions, so an edit saved meanwhile is never lost.
 */
import { readFile } from 'node:fs/promises';
import { setField, setFieldSource } from '../../../shared/front-matter/edit-front-matter';
import { fileNameParts, slugify } from '../../../shared/jekyll/file-names';
import { postsFolder } from '../../../shared/jekyll/config';
import { zonedParts } from '../../../shared/jekyll/ruby-time';
import type { SiteConfig } from '../../../shared/jekyll/site-types';
import type { PlainValue } from '../../../shared/front-matter/yaml-render';
import { SourceError } from '../../../shared/source-error';
import { normaliseRelPath, realTargetInSite, resolveInSite } from '../store/confine';
import { ABSENT, createChecked, moveChecked, readCurrent, removeChecked } from '../store/checked-write';
import { withFileLock, withFileLocks } from '../store/file-lock';
import { decodeUtf8, versionOf } from '../store/post-file';
import { moveToTrash } from './app-trash';
import { frontMatterData } from '../../../shared/front-matter/read-front-matter';

/**
 * What an operation changed, and what undo needs: each created file with the version it was
 * created with, each removed file with its exact bytes. Undo refuses when any of them changed since.
 */
export interface Change {
  label: string;
  path: string;
  created: { path: string; version: string }[];
  removed: { path: string; bytes: Uint8Array; version: string }[];
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
  /** A scaffold's text (the blog's own template): kept as it is except `title:` and `date:`. */
  template?: string;
}

/** A new post from a scaffold: its title set, `date:` set for a post (and for a draft whose scaffold has one). */
export function templatePostText(template: string, title: string, date: string, draft: boolean): string {
  let text = setField(template, ['title'], title).text;
  if (!draft || frontMatterData(template).date !== undefined) text = setFieldSource(text, ['date'], date).text;
  return text.endsWith('\n') ? text : `${text}\n`;
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
  // Inside `collections_dir:` when the site has one: Jekyll reads no `_posts` outside it.
  const rel = options.draft ? `${postsFolder(config, true)}/${slug}.md` : `${postsFolder(config)}/${day}-${slug}.md`;
  const text = options.template !== undefined ? templatePostText(options.template, title, time, options.draft === true) : newPostText(title, options.draft ? null : time, options.fields);
  const version = await createChecked(root, await abs(root, rel), text);
  return { label: `New post: ${title}`, path: rel, created: [{ path: rel, version }], removed: [] };
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
  const to = await abs(root, target);
  return withFileLocks([from, to], async () => {
    const { bytes, version } = await readBytes(root, from);
    const text = decodeFor(bytes, rel, 'publishing sets its date');
    const dated = setFieldSource(text, ['date'], time).text;
    const created = await createChecked(root, to, dated);
    await removeOrUndoCreate(root, from, version, rel, to);
    return { label: `Publish: ${slug}`, path: target, created: [{ path: target, version: created }], removed: [{ path: rel, bytes, version }] };
  });
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
  const to = await abs(root, target);
  const label = `Unpublish: ${name.slug}`;
  return withFileLocks([from, to], async () => {
    const { bytes, version } = await readBytes(root, from);
    // Keep the date the file name carried: a draft has no date in its name. A lossy decode is
    // enough to see whether `date:` is there; only when it must be written is strict UTF-8 needed.
    const needsDate = name.date !== null && frontMatterData(Buffer.from(bytes).toString('utf8')).date === undefined;
    if (!needsDate) {
      await moveChecked(root, from, to, version, rel);
      return { label, path: target, created: [{ path: target, version }], removed: [{ path: rel, bytes, version }] };
    }
    const text = decodeFor(bytes, rel, 'unpublishing must write the date its file name carried');
    const created = await createChecked(root, to, setFieldSource(text, ['date'], name.date!).text);
    await removeOrUndoCreate(root, from, version, rel, to);
    return { label, path: target, created: [{ path: target, version: created }], removed: [{ path: rel, bytes, version }] };
  });
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
  const from = await abs(root, rel);
  const to = await abs(root, target);
  return withFileLocks([from, to], async () => {
    const { bytes, version } = await readBytes(root, from);
    await moveChecked(root, from, to, version, rel);
    return { label: `Rename: ${name.slug} → ${slug}`, path: target, created: [{ path: target, version }], removed: [{ path: rel, bytes, version }] };
  });
}

/** A copy next to the original, titled "(copy)". */
export async function duplicatePost(root: string, rel: string): Promise<Change> {
  const { above, magic, below } = splitMagic(rel);
  const name = fileNameParts(below);
  if (!name) throw new SourceError('not-a-post', `${rel} has no post file name`);
  const dir = below.includes('/') ? below.slice(0, below.lastIndexOf('/')) : '';
  const { bytes } = await readBytes(root, await abs(root, rel));
  const text = decodeFor(bytes, rel, 'the copy gets a new title');
  for (let n = 1; n < 100; n++) {
    const slug = `${name.slug}-copy${n > 1 ? `-${n}` : ''}`;
    const target = join(above, magic, dir, `${name.date ? `${name.date}-` : ''}${slug}${name.ext}`);
    const title = frontMatterData(text).title;
    const copy = setField(text, ['title'], `${typeof title === 'string' ? title : name.slug} (copy)`).text;
    try {
      const version = await createChecked(root, await abs(root, target), copy);
      return { label: `Duplicate: ${name.slug}`, path: target, created: [{ path: target, version }], removed: [] };
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
 * depend on either: the change keeps the exact bytes and writes them back.
 */
export async function deletePost(root: string, rel: string, trashDir: string, osTrash?: OsTrash): Promise<Change & { trashedTo: string }> {
  const file = await abs(root, rel);
  return withFileLock(file, async () => {
    const { bytes, version } = await readBytes(root, file);
    let trashedTo: string;
    if (osTrash) {
      await osTrash(file);
      trashedTo = 'the system trash';
    } else trashedTo = await moveToTrash(trashDir, root, normaliseRelPath(rel), version);
    return { label: `Delete: ${rel}`, path: rel, created: [], removed: [{ path: rel, bytes, version }], trashedTo };
  });
}

/**
 * Reverses a change, or refuses (SourceError 'conflict', nothing undone) when a file it would
 * touch changed since: a created file edited or gone, a removed path taken again. Created files
 * go to the trash, removed files come back byte for byte; all under the files' locks.
 */
export async function undoChange(root: string, change: Change, trashDir: string): Promise<void> {
  const created = await Promise.all(change.created.map(async (c) => ({ ...c, abs: await abs(root, c.path) })));
  const removed = await Promise.all(change.removed.map(async (r) => ({ ...r, abs: await abs(root, r.path) })));
  await withFileLocks([...created, ...removed].map((f) => f.abs), async () => {
    for (const c of created) {
      const now = (await readCurrent(c.abs)).version;
      if (now !== c.version) throw undoRefused(change.label, now === ABSENT ? `${c.path} is gone` : `${c.path} changed since`);
    }
    for (const r of removed) {
      if ((await readCurrent(r.abs)).version !== ABSENT) throw undoRefused(change.label, `${r.path} exists again`);
    }
    for (const c of created) await moveToTrash(trashDir, root, c.path, c.version);
    for (const r of removed) await createChecked(root, r.abs, r.bytes);
  });
}

function undoRefused(label: string, why: string): SourceError {
  return new SourceError('conflict', `cannot undo "${label}": ${why}; nothing was undone`);
}

/** The bytes and version of a post file (through a link only when it stays in the site). */
async function readBytes(root: string, file: string): Promise<{ bytes: Buffer; version: string }> {
  await realTargetInSite(root, file);
  const bytes = await readFile(file);
  return { bytes, version: versionOf(bytes) };
}

/** Strict UTF-8 text of a file whose text an operation must change; else a clear refusal. */
function decodeFor(bytes: Uint8Array, rel: string, why: string): string {
  try {
    return decodeUtf8(bytes);
  } catch (error) {
    const where = error instanceof SourceError && error.line ? ` (line ${error.line}, column ${error.col})` : '';
    throw new SourceError('invalid-utf8', `${rel} is not valid UTF-8 text${where}, and ${why}; nothing was changed. Save it as UTF-8 first`);
  }
}

/** Removes the source of a copy-and-change; if it changed meanwhile, the new file is taken back. */
async function removeOrUndoCreate(root: string, from: string, version: string, rel: string, created: string): Promise<void> {
  try {
    await removeChecked(root, from, version, rel);
  } catch (error) {
    await removeChecked(root, created, (await readCurrent(created)).version).catch(() => undefined);
    throw error;
  }
}
