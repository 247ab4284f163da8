/**
 * The index of every post of a site: scanned like Jekyll, read in small synchronous batches with
 * one file open at a time, and cached outside the repository so a second open is fast.
 *
 * The cache (index-cache.ts) is validated per file by size and mtime; anything that does not
 * match is read again. The scan reuses the cache's classification of files it already knows.
 */
import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { PostRecord, SiteConfig } from '../../../shared/jekyll/site-types';
import { eachSliced, inBatches, yieldToLoop } from '../util/batches';
import { phaseTrace } from '../util/trace';
import { defaultCacheDir } from './cache-dir';
import { filePath, indexFromRead, type IndexedPost } from './post-record-file';
import { zoneOffsetMinutes } from '../../../shared/jekyll/ruby-time';
import { MAX_POST_BYTES } from '../store/post-file';
import { asCached, CachedPost, cacheFileFor, entryFromLine, openIndexCache, parseIndexCache, openIndexCacheFile, refreshCached, unchangedFolders, writeIndexCacheFile, type CacheOpening, type WrittenCache } from './index-cache';
import { readIndexEntry } from '../index/read-posts';
import { READ_WORKER_MIN_FILES, startIndexHelper, type IndexHelper } from '../index/read-ahead';
import { scanSite, SYMLINK_REASON, type FolderStamps, type KnownEntry, type ScanEntry } from './scan-site';
import { loadSiteConfig, type LoadedConfig } from './site-config';
import { startStatAhead, type FileStamp, type StatAhead } from './stat-ahead';

export interface IndexOptions {
  /** Where to keep the cache; `false` disables it. Default: POSTWRIGHT_CACHE_DIR or the user cache folder. */
  cacheDir?: string | false;
  now?: number;
  /**
   * Leave records from the cache or the worker as JSON text until used (the CLI prints that text).
   * Otherwise they are parsed here, in slices, so no later request parses 10,000 in one go.
   */
  lazyRecords?: boolean;
}

export interface SiteIndexResult {
  root: string;
  config: LoadedConfig;
  posts: Map<string, IndexedPost>;
  /** `listed`: whether the folders were listed (false when none had changed since the cached list). */
  stats: { files: number; read: number; fromCache: number; listed: boolean };
  /** The folders the list of files came from, and when they were listed: lets the next open skip the scan. */
  scan?: { folders: FolderStamps; scannedAt: number };
}

/** Writes the cache of an index; failures are ignored (null) because the cache is only a speed-up. */
export async function writeIndexCache(cacheDir: string | false, result: SiteIndexResult): Promise<WrittenCache | null> {
  return cacheDir === false ? null : writeIndexCacheFile(cacheDir, result.root, result.config.stamp, result.posts, result.scan, result.config.config.future);
}

/**
 * Reads the posts at `list` (indexes into `entries`) into `slots`: with the read worker taking
 * the file reads where there is one, else one file at a time here.
 */
async function readInto(
  slots: (IndexedPost | null)[],
  list: readonly number[],
  entries: readonly ScanEntry[],
  root: string,
  config: LoadedConfig,
  now: number,
  helper: IndexHelper | null,
  lazy: boolean,
): Promise<string> {
  const jobs = list.filter((i) => !entries[i].skipped);
  const reader = helper?.readAhead({ entries: jobs.map((i) => entries[i]), stamp: config.stamp, now, maxBytes: MAX_POST_BYTES }) ?? null;
  let k = 0;
  // Handing 10,000 files over is one piece of work; the first reads start on the next turn.
  if (reader) await yieldToLoop();
  try {
    await inBatches(list, (i) => {
      const entry = entries[i];
      const taken = reader && !entry.skipped ? reader.take(k++) : null;
      let post: IndexedPost | null = null;
      if (taken && 'line' in taken) {
        const got = entryFromLine(taken.line);
        if (got && got.rel === entry.path) post = got.post;
      } else if (taken) post = indexFromRead(entry, config.config, now, taken.file);
      post ??= readIndexEntry(root, entry, config.config, now);
      // Lazy records: kept as JSON text right away, as if read from the cache.
      slots[i] = lazy && post && !(post instanceof CachedPost) ? asCached(post, entry.skipped === SYMLINK_REASON) : post;
    });
  } finally {
    reader?.close();
  }
  return reader ? `${reader.read} read ahead and ${reader.indexed} indexed by the worker` : 'no worker';
}

/** Builds the index of the site at `root`. */
export async function indexSite(root: string, options: IndexOptions = {}): Promise<SiteIndexResult> {
  const trace = phaseTrace('index');
  const absRoot = path.resolve(root);
  const now = options.now ?? Date.now();
  const cacheDir = options.cacheDir === undefined ? defaultCacheDir() : options.cacheDir;
  // A missing folder is reported by loadSiteConfig below, in its words.
  const realRoot = realRootOf(absRoot);
  const cacheFile = cacheDir === false ? null : openIndexCacheFile(cacheFileFor(cacheDir, realRoot));
  // The first line, from the file's first bytes; a first line longer than those is read with the rest.
  let opening = cacheFile && openIndexCache(cacheFile.head, realRoot);
  // No cache: every file will be read, so the worker starts up now, while the config loads and the folders are scanned.
  const early = cacheFile === null ? startIndexHelper(absRoot) : null;
  // A cache: its files are stat'ed by a child process while the rest is read, the config loads and the cache is parsed.
  // It writes into the cache folder (this user's own), not a pipe that would hold it up.
  const statAhead = (o: CacheOpening | null) => (o && cacheDir !== false ? startStatAhead(absRoot, o.prelude.fileFolders, process.platform, statFileIn(cacheDir)) : null);
  let ahead = statAhead(opening);
  const cacheBytes = cacheFile && cacheFile.readAll();
  if (cacheBytes && !opening) ahead = statAhead((opening = openIndexCache(cacheBytes, realRoot)));
  try {
    return await indexWith(absRoot, realRoot, cacheDir, cacheBytes && { bytes: cacheBytes, opening }, early, ahead, now, options, trace);
  } finally {
    early?.close();
    ahead?.cancel();
  }
}

async function indexWith(
  absRoot: string,
  realRoot: string,
  cacheDir: string | false,
  cache: { bytes: Buffer; opening: CacheOpening | null } | null,
  early: IndexHelper | null,
  ahead: StatAhead | null,
  now: number,
  options: IndexOptions,
  trace: (phase: string) => void,
): Promise<SiteIndexResult> {
  const config = await loadSiteConfig(absRoot);
  trace(`config${early ? ' (worker started)' : ''}`);
  // The config's YAML, the cache's columns and the scan's first slice are each a piece that
  // cannot be cut smaller: not in one turn of the loop.
  await yieldToLoop();
  const cached = cache ? await parseIndexCache(cache.bytes, cache.opening, config.stamp) : null;
  const cachedPosts = cached?.posts;
  trace(`cache (${cachedPosts?.size ?? 0} entries)`);
  let entries: ScanEntry[];
  let scan: { folders: FolderStamps; scannedAt: number };
  const skipScan = cached !== null && cached.posts.size > 0 && unchangedFolders(cached, (rel) => folderMtime(absRoot, rel));
  // From the cache when it has it: a warm open never parses the config's YAML.
  const siteConfig = () => config.config;
  const future = cached?.future ?? config.config.future;
  if (skipScan) {
    // No folder changed: when no file did either, the cache's own map is the index.
    const stamps = await ahead?.result();
    trace(`stats from find: ${stamps ? stamps.size : 'none'}`);
    const same = await unchangedPosts(cached.posts, stamps ?? null, absRoot, future, siteConfig, now);
    if (same) {
      trace(`scan skipped, every file unchanged (${same.size} files)`);
      const result: SiteIndexResult = {
        root: absRoot,
        config,
        posts: same,
        stats: { files: same.size, read: 0, fromCache: same.size, listed: false },
        scan: { folders: cached.folders!, scannedAt: cached.scannedAt },
      };
      if (!options.lazyRecords) await eachSliced(same.values(), (p) => void p.record);
      return result;
    }
    // Some file changed, but not the list of files: it is the cached one.
    const list: ScanEntry[] = [];
    await yieldToLoop();
    await eachSliced(cached.posts, ([p, post]) => list.push(scanEntryOf(p, post)));
    entries = list;
    sortByPath(entries);
    scan = { folders: cached.folders!, scannedAt: cached.scannedAt };
    trace(`scan skipped: no folder changed (${entries.length} files)`);
  } else {
    const known: KnownEntry | undefined = cachedPosts?.size
      ? (full, symlink) => {
          const post = cachedPosts.get(full);
          return post && post.symlink === symlink ? scanEntryOf(full, post) : undefined;
        }
      : undefined;
    // The scan needs the config: its YAML is parsed in a turn of its own, not inside the scan's first slice.
    void config.config;
    await yieldToLoop();
    const folders: FolderStamps = [];
    const scannedAt = Date.now();
    entries = await scanSite(absRoot, config.config, known, folders);
    scan = { folders, scannedAt };
    trace(`scan (${entries.length} files)`);
  }
  const slots: (IndexedPost | null)[] = new Array(entries.length).fill(null);
  const misses: number[] = [];
  const stamps = cachedPosts?.size ? await ahead?.result() : null;
  if (ahead && !skipScan) trace(`stats from find: ${stamps ? stamps.size : 'none'}`);
  await inBatches(entries, (entry, i) => {
    const hit = cachedPosts?.get(entry.path);
    if (hit && hit.draft === entry.draft && hit.skipped === entry.skipped) {
      const st: FileStamp | undefined = stamps?.get(entry.path) ?? lstatSync(filePath(absRoot, entry.path), { throwIfNoEntry: false });
      if (st && st.size === hit.size && st.mtimeMs === hit.mtimeMs) {
        slots[i] = refreshCached(hit, future, siteConfig, now);
        return;
      }
    }
    misses.push(i);
  });
  trace(`stat (${misses.length} to read)`);
  if (misses.length) {
    // The zone's first offset loads its data (~12 ms): in a turn of its own, not inside a slice.
    await yieldToLoop();
    zoneOffsetMinutes(now, config.config.timezone);
    await yieldToLoop();
  }
  // A warm open with many files to read (a stale cache) starts the worker now.
  const helper = early ?? (misses.length >= READ_WORKER_MIN_FILES ? startIndexHelper(absRoot) : null);
  let how: string;
  try {
    how = await readInto(slots, misses, entries, absRoot, config, now, helper, options.lazyRecords === true);
  } finally {
    if (helper !== early) helper?.close();
  }
  trace(`read (${how})`);
  const read = misses.length;
  const posts = new Map<string, IndexedPost>();
  slots.forEach((p, i) => p && posts.set(entries[i].path, p));
  const result: SiteIndexResult = {
    root: absRoot,
    config,
    posts,
    stats: { files: entries.length, read, fromCache: entries.length - read, listed: !skipScan },
    scan,
  };
  if (!options.lazyRecords) {
    await eachSliced(posts.values(), (p) => void p.record);
    trace('records parsed');
  }
  // A full scan also rewrites the cache: its folder stamps let the next open skip the scan.
  if (read > 0 || (cachedPosts?.size ?? 0) !== posts.size || !skipScan) {
    const written = await writeIndexCache(cacheDir, result);
    // Lazy records are JSON anyway: as views of the bytes just written they print as a warm run's do.
    const views = written && options.lazyRecords ? written.views() : null;
    if (views && views.size === posts.size) result.posts = views;
    trace('cache written');
  }
  return result;
}

/**
 * The cached map itself, with "published" refreshed for `now`, when every file still has the
 * size and mtime it had and the map is in path order; null as soon as one does not (the caller
 * then compares file by file). A warm open of an unchanged site builds no second list or map.
 */
async function unchangedPosts(
  posts: Map<string, CachedPost>,
  stamps: Map<string, FileStamp> | null,
  root: string,
  future: boolean,
  siteConfig: () => SiteConfig,
  now: number,
): Promise<Map<string, IndexedPost> | null> {
  let previous = '';
  let same = true;
  const refreshed: [string, IndexedPost][] = [];
  await eachSliced(posts, ([p, hit]) => {
    if (!same) return;
    const st: FileStamp | undefined = stamps?.get(p) ?? lstatSync(filePath(root, p), { throwIfNoEntry: false });
    if (!st || st.size !== hit.size || st.mtimeMs !== hit.mtimeMs || p < previous) {
      same = false;
      return;
    }
    previous = p;
    const fresh = refreshCached(hit, future, siteConfig, now);
    if (fresh !== hit) refreshed.push([p, fresh]);
  });
  if (!same) return null;
  // Only now: the caller's file-by-file path needs the cached entries as they were.
  const out = posts as Map<string, IndexedPost>;
  for (const [p, post] of refreshed) out.set(p, post);
  return out;
}

/** A new file name in the cache folder for find's answers (see stat-ahead.ts). */
function statFileIn(cacheDir: string): string {
  return path.join(cacheDir, `stat-ahead-${process.pid}-${Date.now()}.tmp`);
}

/** The folder's real path, or the path itself when it cannot be resolved (loadSiteConfig reports why). */
function realRootOf(absRoot: string): string {
  try {
    return realpathSync.native(absRoot);
  } catch {
    return absRoot;
  }
}

/** The scan entry the cache remembers for a path. */
function scanEntryOf(p: string, post: CachedPost): ScanEntry {
  return post.skipped === undefined ? { path: p, draft: post.draft } : { path: p, draft: post.draft, skipped: post.skipped };
}

/** A folder's mtime now, or null when it is gone. */
function folderMtime(root: string, rel: string): number | null {
  const st = lstatSync(rel ? filePath(root, rel) : root, { throwIfNoEntry: false });
  return st && st.isDirectory() ? st.mtimeMs : null;
}

/** Sorts scan entries by path unless they already are (a cache written after the watcher added files may not be). */
function sortByPath(entries: ScanEntry[]): void {
  for (let i = 1; i < entries.length; i++) {
    if (entries[i - 1].path > entries[i].path) {
      entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      return;
    }
  }
}

/** Records in path order. */
export function recordsOf(result: SiteIndexResult): PostRecord[] {
  return [...result.posts.values()].map((p) => p.record);
}

export type { SiteConfig };
