/**
 * The index cache: one file per site folder, kept outside the repository, so a second open reads
 * one file and stats the posts instead of reading and parsing 10,000 of them.
 *
 * A header line (JSON), then one line per post: `path TAB size TAB mtimeMs TAB flags TAB epochMs
 * TAB skipped TAB record-json`. Everything a warm open checks (size, mtime, how the scan
 * classified the file, published now) sits before the record, so checking a post costs a few
 * `indexOf`s; the record stays JSON text until someone asks for it (`CachedPost`), and the CLI's
 * `--json` prints that text as it is. Keyed by the config's stamp: another `_config.yml`, another
 * cache.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, realpath, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PostRecord, SiteConfig } from '../../../shared/jekyll/site-types';
import { inBatches } from '../util/batches';
import { INVALID_UTF8_REASON, isPublished, refreshForNow, type IndexedPost } from './post-record-file';
import { SYMLINK_REASON } from './scan-site';

const CACHE_FORMAT = 5;

const DRAFT = 1;
const MARKED_PUBLISHED = 2;
const PUBLISHED = 4;
const SYMLINK = 8;
/** Neither skipped nor in error: "published" may change as time passes. */
const DATED = 16;

interface CacheHeader {
  format: number;
  root: string;
  configStamp: string;
}

/**
 * An index entry read from the cache: its record is parsed on first use. A warm CLI run that
 * prints the records never parses them (see `recordJson`).
 */
export class CachedPost implements IndexedPost {
  private parsed: PostRecord | null = null;

  constructor(
    readonly size: number,
    readonly mtimeMs: number,
    readonly markedPublished: boolean,
    readonly epochMs: number | null,
    /** `published` as the record says, readable without parsing it. */
    readonly published: boolean,
    /** Neither skipped nor in error. */
    readonly dated: boolean,
    /** The record as JSON text. */
    readonly json: string,
    /** How the scan classified the file: reused while it is still the same kind of file. */
    readonly scan: CachedScan,
    /** Its line in the cache file (0 = the first after the header): where the worker's stat of it is. */
    readonly line = -1,
  ) {}

  get record(): PostRecord {
    return (this.parsed ??= JSON.parse(this.json) as PostRecord);
  }
}

/** How the scan classified a cached path: reused while the file is still the same kind. */
export interface CachedScan {
  draft: boolean;
  skipped?: string;
  symlink: boolean;
}


/** A record's JSON text, without stringifying it again when it came from the cache unchanged. */
export function recordJson(post: IndexedPost): string {
  if (post instanceof CachedPost) return post.json;
  // Kept on the entry for the cache and the CLI: a record is never changed once made (a change
  // makes a new entry). A property rather than a WeakMap, which costs every garbage collection.
  const withJson = post as IndexedPost & { json?: string };
  return (withJson.json ??= JSON.stringify(post.record));
}

/** A cached entry refreshed for a new "now", parsing its record only when "published" changed. */
export function refreshCached(post: CachedPost, config: SiteConfig, now: number): IndexedPost {
  if (!post.dated || isPublished(post.markedPublished, post.epochMs, config, now) === post.published) return post;
  return refreshForNow(post, config, now);
}

export function cacheFileFor(cacheDir: string, realRoot: string): string {
  return path.join(cacheDir, `index-${createHash('sha1').update(realRoot).digest('hex').slice(0, 16)}.json`);
}

/** One cache line → its path and entry, or null when the line is not of this format. */
export function entryFromLine(line: string, lineNumber = -1): { rel: string; post: CachedPost } | null {
  const t1 = line.indexOf('\t');
  const t2 = line.indexOf('\t', t1 + 1);
  const t3 = line.indexOf('\t', t2 + 1);
  const t4 = line.indexOf('\t', t3 + 1);
  const t5 = line.indexOf('\t', t4 + 1);
  const t6 = line.indexOf('\t', t5 + 1);
  if (t1 <= 0 || t6 < 0) return null;
  const size = Number(line.slice(t1 + 1, t2));
  const mtimeMs = Number(line.slice(t2 + 1, t3));
  const flags = Number(line.slice(t3 + 1, t4));
  const epochMs = t5 === t4 + 1 ? null : Number(line.slice(t4 + 1, t5));
  if (!Number.isFinite(size) || !Number.isFinite(mtimeMs) || !Number.isInteger(flags) || (epochMs !== null && !Number.isFinite(epochMs))) return null;
  const skipped = t6 === t5 + 1 ? undefined : line.slice(t5 + 1, t6);
  const scan: CachedScan = { draft: (flags & DRAFT) !== 0, skipped, symlink: (flags & SYMLINK) !== 0 };
  const post = new CachedPost(size, mtimeMs, (flags & MARKED_PUBLISHED) !== 0, epochMs, (flags & PUBLISHED) !== 0, (flags & DATED) !== 0, line.slice(t6 + 1), scan, lineNumber);
  return { rel: line.slice(0, t1), post };
}

/** The cache file's bytes, or null when there is none (or it cannot be read). */
export async function readIndexCacheBytes(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch {
    return null;
  }
}

/** The cached entries of the site, or none when the cache is stale or damaged. */
export async function parseIndexCache(bytes: Buffer, realRoot: string, stamp: string): Promise<Map<string, CachedPost>> {
  try {
    // One decode of the whole file (a streaming utf8 read costs more).
    const text = bytes.toString('utf8');
    const firstBreak = text.indexOf('\n');
    const header = JSON.parse(text.slice(0, firstBreak)) as CacheHeader;
    if (header.format !== CACHE_FORMAT || header.root !== realRoot || header.configStamp !== stamp) return new Map();
    const lines = text.slice(firstBreak + 1).split('\n');
    const posts = new Map<string, CachedPost>();
    let ok = true;
    await inBatches(lines, (line, i) => {
      if (!ok || !line) return;
      const entry = entryFromLine(line, i);
      if (entry) posts.set(entry.rel, entry.post);
      else ok = false;
    });
    return ok ? posts : new Map();
  } catch {
    return new Map();
  }
}

/** A cache line, or null for a path the format cannot hold (a tab or line break in a name). */
export function cacheLine(rel: string, post: IndexedPost, symlink: boolean): string | null {
  if (/[\t\n\r]/.test(rel)) return null;
  const record = post.record;
  const flags = (record.draft ? DRAFT : 0) | (post.markedPublished ? MARKED_PUBLISHED : 0) | (record.published ? PUBLISHED : 0) | (symlink ? SYMLINK : 0) | (record.skipped || record.error ? 0 : DATED);
  // The scan's own reason only: one found by reading the file must be looked for again when it changes.
  const scanSkipped = record.skipped === INVALID_UTF8_REASON ? '' : record.skipped ?? '';
  return `${rel}\t${post.size}\t${post.mtimeMs}\t${flags}\t${post.epochMs ?? ''}\t${scanSkipped}\t${recordJson(post)}`;
}

/** Writes the cache; failures are ignored because the cache is only a speed-up. */
export async function writeIndexCacheFile(cacheDir: string, root: string, stamp: string, posts: ReadonlyMap<string, IndexedPost>): Promise<void> {
  try {
    const realRoot = await realpath(root);
    await mkdir(cacheDir, { recursive: true });
    const header: CacheHeader = { format: CACHE_FORMAT, root: realRoot, configStamp: stamp };
    const lines = [JSON.stringify(header)];
    await inBatches([...posts], ([rel, post]) => {
      const line = cacheLine(rel, post, post.record.skipped === SYMLINK_REASON);
      if (line !== null) lines.push(line);
    });
    // Temp file and rename, without fsync: a cache lost in a crash is simply rebuilt.
    const file = cacheFileFor(cacheDir, realRoot);
    const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
    try {
      await writeFile(temp, `${lines.join('\n')}\n`);
      await rename(temp, file);
    } finally {
      await rm(temp, { force: true });
    }
  } catch {
    // A read-only cache folder must not stop the site from opening.
  }
}
