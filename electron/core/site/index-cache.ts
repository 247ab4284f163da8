/**
 * The index cache: one file per site folder, kept outside the repository, so a second open reads
 * one file and stats the posts instead of reading and parsing 10,000 of them.
 *
 * A short first line (JSON: format, site, config stamp, the folders), a second with one column per
 * field (path, size, mtime, flags, instant, the scan's skip reason, where the record is), then each
 * record's JSON on its own line. The first line alone names the folders that hold the files, so
 * their stats can be asked for (stat-ahead.ts) before the columns are parsed. Everything a warm
 * open checks sits in the columns; a record stays bytes until someone asks for it (`CachedPost`),
 * and the CLI's `--json` prints those bytes as they are. Keyed by the config's stamp: another
 * `_config.yml`, another cache. (`cacheLine`'s tab-separated line is how the index worker hands
 * an entry over, not the file's format.)
 */
import { textStamp } from '../util/text-stamp';
import { closeSync, fstatSync, openSync } from 'node:fs';
import { readFully } from '../util/read-fully';
import { mkdir, open, realpath, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { PostRecord, SiteConfig } from '../../../shared/jekyll/site-types';
import { eachSliced, yieldToLoop } from '../util/batches';
import { INVALID_UTF8_REASON, isPublished, refreshForNow, type IndexedPost } from './post-record-file';
import { SYMLINK_REASON, type FolderStamps } from './scan-site';

const CACHE_FORMAT = 7;

const DRAFT = 1;
const MARKED_PUBLISHED = 2;
const PUBLISHED = 4;
const SYMLINK = 8;
/** Neither skipped nor in error: "published" may change as time passes. */
const DATED = 16;

/** The cache's first line. */
interface CachePrelude {
  format: number;
  root: string;
  configStamp: string;
  /** When the folders were listed, and each folder's mtime then (see `unchangedFolders`). */
  scannedAt?: number;
  folders?: FolderStamps;
  /** `future:` of the config (the stamp's): all a warm open needs of it, to refresh "published". */
  future?: boolean;
  /** The folders that hold the cached files ('' for the site's own folder), in path order. */
  fileFolders: string[];
}

/** The cache's second line. */
interface CacheColumns {
  /**
   * One column per field, one row per post (one JSON.parse of arrays is far cheaper than 10,000
   * small ones): path, size, mtime, flags, instant (null), the scan's skip reason ('' for none),
   * and where the record's JSON starts in the bytes after the columns' line, and its length.
   */
  paths: string[];
  sizes: number[];
  mtimes: number[];
  flags: number[];
  epochs: (number | null)[];
  skipped: string[];
  starts: number[];
  lengths: number[];
}

/** What a cache holds: its entries, and the folders its list of files came from. */
export interface CacheContents {
  posts: Map<string, CachedPost>;
  folders: FolderStamps | null;
  scannedAt: number;
  future: boolean | null;
}

/**
 * A folder whose mtime is this close to the listing may have changed again within the same clock
 * tick (file systems with coarse times): it is not trusted, as git treats "racily clean" entries.
 */
const RACY_MS = 2000;

/**
 * True when every folder the cached file list came from is still as it was: files added, removed
 * or renamed change their folder's mtime, so the list is the same and the scan can be skipped.
 * (Edits inside files are found by each file's own stat.)
 */
export function unchangedFolders(contents: CacheContents, mtimeOf: (rel: string) => number | null): boolean {
  if (!contents.folders || contents.folders.length === 0) return false;
  for (const [rel, mtimeMs] of contents.folders) {
    if (mtimeMs >= contents.scannedAt - RACY_MS || mtimeOf(rel) !== mtimeMs) return false;
  }
  return true;
}

/**
 * An index entry read from the cache (or handed over by the index worker): its record stays JSON
 * (as bytes of the cache file, or as text) until it is used. A warm CLI run that prints the
 * records never parses or even decodes them (see `recordJsonBytes`).
 */
export class CachedPost implements IndexedPost {
  private parsed: PostRecord | null = null;
  private text: string | null;

  constructor(
    readonly size: number,
    readonly mtimeMs: number,
    /** DRAFT, MARKED_PUBLISHED, PUBLISHED, SYMLINK, DATED. */
    readonly flags: number,
    readonly epochMs: number | null,
    /** The scan's reason to skip the file, if any. */
    readonly skipped: string | undefined,
    /** The record's JSON: text, or the cache file's bytes from `start` to `end`. */
    json: string | Buffer,
    private readonly start = 0,
    private readonly end = 0,
  ) {
    this.text = typeof json === 'string' ? json : null;
    this.bytes = typeof json === 'string' ? null : json;
  }

  private readonly bytes: Buffer | null;

  get draft(): boolean {
    return (this.flags & DRAFT) !== 0;
  }

  get markedPublished(): boolean {
    return (this.flags & MARKED_PUBLISHED) !== 0;
  }

  /** `published` as the record says, readable without parsing it. */
  get published(): boolean {
    return (this.flags & PUBLISHED) !== 0;
  }

  /** Neither skipped nor in error: "published" may change as time passes. */
  get dated(): boolean {
    return (this.flags & DATED) !== 0;
  }

  /** Whether the scan saw a symbolic link: its classification is reused only for the same kind of file. */
  get symlink(): boolean {
    return (this.flags & SYMLINK) !== 0;
  }

  get json(): string {
    return (this.text ??= this.bytes!.toString('utf8', this.start, this.end));
  }

  /** True when the record is a view of the cache file's bytes. */
  get fromBytes(): boolean {
    return this.bytes !== null;
  }

  /** Where the record's JSON lies as UTF-8 bytes: in the cache file's bytes when it came from there. */
  jsonSpan(): JsonSpan {
    if (this.bytes) return { bytes: this.bytes, start: this.start, end: this.end };
    const bytes = Buffer.from(this.json);
    return { bytes, start: 0, end: bytes.length };
  }

  get record(): PostRecord {
    return (this.parsed ??= JSON.parse(this.json) as PostRecord);
  }
}

/** A record's JSON text, without stringifying it again when it came from the cache unchanged. */
export function recordJson(post: IndexedPost): string {
  if (post instanceof CachedPost) return post.json;
  // Kept on the entry for the cache and the CLI: a record is never changed once made (a change
  // makes a new entry). A property rather than a WeakMap, which costs every garbage collection.
  const withJson = post as IndexedPost & { json?: string };
  return (withJson.json ??= JSON.stringify(post.record));
}

/** A record's JSON as UTF-8 bytes: `bytes` from `start` to `end`. */
export interface JsonSpan {
  bytes: Buffer;
  start: number;
  end: number;
}

/** The same as UTF-8 bytes: where they lie in the cache file's bytes when that is where it came from. */
export function recordJsonSpan(post: IndexedPost): JsonSpan {
  if (post instanceof CachedPost) return post.jsonSpan();
  const bytes = Buffer.from(recordJson(post));
  return { bytes, start: 0, end: bytes.length };
}

/** A cached entry refreshed for a new "now", parsing its record only when "published" changed. */
export function refreshCached(post: CachedPost, future: boolean, config: () => SiteConfig, now: number): IndexedPost {
  if (!post.dated || isPublished(post.markedPublished, post.epochMs, future, now) === post.published) return post;
  return refreshForNow(post, config(), now);
}

export function cacheFileFor(cacheDir: string, realRoot: string): string {
  // A stamp, not node:crypto's sha1: the command line never loads crypto (~4 ms of every start).
  return path.join(cacheDir, `index-${textStamp(realRoot)}.json`);
}

/** Fields of a line (or of the bytes from `at` to `end`) between tabs: the six tab positions, or null. */
function tabsOf(find: (from: number) => number, at: number, end: number): number[] | null {
  const tabs: number[] = [];
  let from = at;
  for (let i = 0; i < 6; i++) {
    const t = find(from);
    if (t < 0 || t >= end) return null;
    tabs.push(t);
    from = t + 1;
  }
  return tabs[0] > at ? tabs : null;
}

/** An entry from its fields as text; null when they are not of this format. */
function entryOf(sizeText: string, mtimeText: string, flagsText: string, epochText: string, skipped: string, json: string | Buffer, start: number, end: number): CachedPost | null {
  const size = Number(sizeText);
  const mtimeMs = Number(mtimeText);
  const flags = Number(flagsText);
  const epochMs = epochText === '' ? null : Number(epochText);
  if (!Number.isFinite(size) || !Number.isFinite(mtimeMs) || !Number.isInteger(flags) || (epochMs !== null && !Number.isFinite(epochMs))) return null;
  return new CachedPost(size, mtimeMs, flags, epochMs, skipped === '' ? undefined : skipped, json, start, end);
}

/** One cache line (text, as the index worker hands it over) → its path and entry, or null. */
export function entryFromLine(line: string): { rel: string; post: CachedPost } | null {
  const t = tabsOf((from) => line.indexOf('\t', from), 0, line.length);
  if (!t) return null;
  const part = (i: number) => line.slice(t[i] + 1, t[i + 1]);
  const post = entryOf(part(0), part(1), part(2), part(3), part(4), line.slice(t[5] + 1), 0, 0);
  return post && { rel: line.slice(0, t[0]), post };
}

/** Bytes read first: the first line (see openIndexCache) nearly always fits. */
const HEAD_BYTES = 64 * 1024;

/** A cache file opened for reading: its first bytes now, the whole file on demand (then it is closed). */
export interface CacheFile {
  head: Buffer;
  readAll(): Buffer | null;
}

/**
 * Opens the cache file and reads its first bytes, or returns null when there is none. Read
 * synchronously: a few megabytes beat thread-pool round trips, and come first in an open. The
 * first line names the folders whose files a warm open stats, so that work can start before the
 * rest (4 MB for 10,000 posts, 4–9 ms to read) is in memory.
 */
export function openIndexCacheFile(file: string): CacheFile | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  let closed = false;
  const close = () => {
    if (!closed) closeSync(fd);
    closed = true;
  };
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.allocUnsafe(Math.min(size, HEAD_BYTES));
    const got = readFully(fd, head, 0, head.length);
    const first = head.subarray(0, got);
    return {
      head: first,
      readAll() {
        try {
          if (closed) return null;
          const all = Buffer.allocUnsafe(size);
          first.copy(all);
          const at = readFully(fd, all, got, size);
          return at === size ? all : all.subarray(0, at);
        } catch {
          return null;
        } finally {
          close();
        }
      },
    };
  } catch {
    close();
    return null;
  }
}

/** The columns, checked: all the same length and of the right kinds. */
function columnsOk(h: CacheColumns, bodyBytes: number): boolean {
  const n = Array.isArray(h.paths) ? h.paths.length : -1;
  const cols = [h.sizes, h.mtimes, h.flags, h.epochs, h.skipped, h.starts, h.lengths];
  if (n < 0 || !cols.every((c) => Array.isArray(c) && c.length === n)) return false;
  for (let i = 0; i < n; i++) {
    if (typeof h.paths[i] !== 'string' || typeof h.sizes[i] !== 'number' || typeof h.mtimes[i] !== 'number' || !Number.isInteger(h.flags[i])) return false;
    if (h.epochs[i] !== null && typeof h.epochs[i] !== 'number') return false;
    if (typeof h.skipped[i] !== 'string' || !(h.starts[i] >= 0) || !(h.lengths[i] >= 0) || h.starts[i] + h.lengths[i] > bodyBytes) return false;
  }
  return true;
}

/** A cache's first line, when it is of this format and for this site; where the columns start. */
export interface CacheOpening {
  prelude: CachePrelude;
  columnsAt: number;
}

/** Reads the first line only (a few hundred bytes): null when the cache is not this site's or not of this format. */
export function openIndexCache(bytes: Buffer, realRoot: string): CacheOpening | null {
  try {
    const firstBreak = bytes.indexOf(10);
    if (firstBreak < 0) return null;
    const prelude = JSON.parse(bytes.toString('utf8', 0, firstBreak)) as CachePrelude;
    if (prelude === null || typeof prelude !== 'object' || prelude.format !== CACHE_FORMAT || prelude.root !== realRoot) return null;
    if (!Array.isArray(prelude.fileFolders) || !prelude.fileFolders.every((f) => typeof f === 'string')) return null;
    return { prelude, columnsAt: firstBreak + 1 };
  } catch {
    return null;
  }
}

/**
 * The cached entries of the site, or none when the cache is stale or damaged. One JSON.parse of
 * the columns; the records stay bytes where they are until used.
 */
export async function parseIndexCache(bytes: Buffer, opening: CacheOpening | null, stamp: string): Promise<CacheContents> {
  const none = (): CacheContents => ({ posts: new Map(), folders: null, scannedAt: 0, future: null });
  try {
    if (!opening || opening.prelude.configStamp !== stamp) return none();
    const { prelude, columnsAt } = opening;
    const secondBreak = bytes.indexOf(10, columnsAt);
    if (secondBreak < 0) return none();
    const columns = JSON.parse(bytes.toString('utf8', columnsAt, secondBreak)) as CacheColumns;
    const body = secondBreak + 1;
    if (!columnsOk(columns, bytes.length - body)) return none();
    const posts = new Map<string, CachedPost>();
    const { paths, sizes, mtimes, flags, epochs, skipped, starts, lengths } = columns;
    // The columns' parse is one piece of work: the entries are made from the next turn on.
    await yieldToLoop();
    let ok = true;
    await eachSliced(paths.keys(), (i) => {
      const start = body + starts[i];
      const end = start + lengths[i];
      // Each record is a JSON object on its own line: anything else is a damaged file.
      if (bytes[start] !== 0x7b || bytes[end - 1] !== 0x7d || bytes[end] !== 0x0a) ok = false;
      else posts.set(paths[i], new CachedPost(sizes[i], mtimes[i], flags[i], epochs[i], skipped[i] === '' ? undefined : skipped[i], bytes, start, end));
    });
    if (!ok) return none();
    const folders = Array.isArray(prelude.folders) && prelude.folders.every((f) => Array.isArray(f) && typeof f[0] === 'string' && typeof f[1] === 'number') ? prelude.folders : null;
    return { posts, folders, scannedAt: typeof prelude.scannedAt === 'number' ? prelude.scannedAt : 0, future: typeof prelude.future === 'boolean' ? prelude.future : null };
  } catch {
    return none();
  }
}

/** A cache line, or null for a path the format cannot hold (a tab or line break in a name). */
export function cacheLine(rel: string, post: IndexedPost, symlink: boolean): string | null {
  if (/[\t\n\r]/.test(rel)) return null;
  const cached = post instanceof CachedPost ? post : asCached(post, symlink);
  return `${rel}\t${cached.size}\t${cached.mtimeMs}\t${cached.flags}\t${cached.epochMs ?? ''}\t${cached.skipped ?? ''}\t${cached.json}`;
}

/**
 * The entry as the cache would give it back: its record as JSON text. The CLI keeps entries so,
 * which leaves far less for the garbage collector to keep moving than 10,000 record objects.
 */
export function asCached(post: IndexedPost, symlink: boolean): CachedPost {
  const record = post.record;
  const flags = (record.draft ? DRAFT : 0) | (post.markedPublished ? MARKED_PUBLISHED : 0) | (record.published ? PUBLISHED : 0) | (symlink ? SYMLINK : 0) | (record.skipped || record.error ? 0 : DATED);
  // The scan's own reason only: one found by reading the file must be looked for again when it changes.
  const scanSkipped = record.skipped === INVALID_UTF8_REASON ? undefined : record.skipped;
  return new CachedPost(post.size, post.mtimeMs, flags, post.epochMs, scanSkipped, recordJson(post));
}

/** A cache just written: its entries can be had as views of the bytes written (see `CachedPost`). */
export interface WrittenCache {
  /** Each entry over the bytes written: the CLI prints them as a warm run does, and 10,000 JSON strings become one buffer. */
  views(): Map<string, CachedPost>;
}

/** The folder part of a `/`-separated relative path ('' for a file of the site's own folder). */
function folderOf(rel: string): string {
  const slash = rel.lastIndexOf('/');
  return slash < 0 ? '' : rel.slice(0, slash);
}

/** Writes the cache; failures are ignored (null) because the cache is only a speed-up. */
export async function writeIndexCacheFile(
  cacheDir: string,
  root: string,
  stamp: string,
  posts: ReadonlyMap<string, IndexedPost>,
  scan?: { folders: FolderStamps; scannedAt: number },
  future?: boolean,
): Promise<WrittenCache | null> {
  try {
    const realRoot = await realpath(root);
    await mkdir(cacheDir, { recursive: true });
    const prelude: CachePrelude = {
      format: CACHE_FORMAT,
      root: realRoot,
      configStamp: stamp,
      ...(scan ? { scannedAt: scan.scannedAt, folders: scan.folders } : {}),
      ...(future === undefined ? {} : { future }),
      fileFolders: [],
    };
    const columns: CacheColumns = {
      paths: [],
      sizes: [],
      mtimes: [],
      flags: [],
      epochs: [],
      skipped: [],
      starts: [],
      lengths: [],
    };
    const fileFolders = new Set<string>();
    const entries: CachedPost[] = [];
    let offset = 0;
    await eachSliced(posts, ([rel, post]) => {
      if (/[\n\r]/.test(rel)) return;
      const cached = post instanceof CachedPost ? post : asCached(post, post.record.skipped === SYMLINK_REASON);
      const length = Buffer.byteLength(cached.json);
      columns.paths.push(rel);
      fileFolders.add(folderOf(rel));
      columns.sizes.push(cached.size);
      columns.mtimes.push(cached.mtimeMs);
      columns.flags.push(cached.flags);
      columns.epochs.push(cached.epochMs);
      columns.skipped.push(cached.skipped ?? '');
      columns.starts.push(offset);
      columns.lengths.push(length);
      entries.push(cached);
      offset += length + 1;
    });
    // The two header lines, then each record's JSON on its own line (a person can still read the file).
    // The records are encoded once, into the body, in slices so 4 MB never holds the loop in one go.
    const body = Buffer.allocUnsafe(offset);
    await eachSliced(entries.keys(), (i) => {
      const at = columns.starts[i];
      body.write(entries[i].json, at);
      body[at + columns.lengths[i]] = 0x0a;
    });
    prelude.fileFolders = [...fileFolders].sort();
    const headLines = Buffer.from(`${JSON.stringify(prelude)}\n${JSON.stringify(columns)}\n`);
    // Temp file and rename, without fsync: a cache lost in a crash is simply rebuilt.
    const file = cacheFileFor(cacheDir, realRoot);
    const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
    try {
      const handle = await open(temp, 'w');
      try {
        const { bytesWritten } = await handle.writev([headLines, body]);
        if (bytesWritten !== headLines.length + body.length) throw new Error('short write');
      } finally {
        await handle.close();
      }
      await rename(temp, file);
    } finally {
      await rm(temp, { force: true });
    }
    return {
      views() {
        const views = new Map<string, CachedPost>();
        columns.paths.forEach((rel, i) => {
          const e = entries[i];
          const start = columns.starts[i];
          views.set(rel, new CachedPost(e.size, e.mtimeMs, e.flags, e.epochMs, e.skipped, body, start, start + columns.lengths[i]));
        });
        return views;
      },
    };
  } catch {
    // A read-only cache folder must not stop the site from opening.
    return null;
  }
}
