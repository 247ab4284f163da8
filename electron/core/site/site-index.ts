/**
 * The index of every post of a site: scanned like Jekyll, read in small synchronous batches with
 * one file open at a time, and cached outside the repository so a second open is fast.
 *
 * The cache (index-cache.ts) is validated per file by size and mtime; anything that does not
 * match is read again. The scan reuses the cache's classification of files it already knows.
 */
import { realpath } from 'node:fs/promises';
import { lstatSync } from 'node:fs';
import path from 'node:path';
import type { PostRecord, SiteConfig } from '../../../shared/jekyll/site-types';
import { inBatches } from '../util/batches';
import { phaseTrace } from '../util/trace';
import { defaultCacheDir } from './cache-dir';
import { filePath, type IndexedPost } from './post-record-file';
import { cacheFileFor, readIndexCache, refreshCached, writeIndexCacheFile } from './index-cache';
import { readIndexEntry } from '../index/read-posts';
import { readInWorker, workerAvailable } from '../index/index-in-worker';
import { scanSite, type KnownEntry } from './scan-site';
import { loadSiteConfig, type LoadedConfig } from './site-config';

export interface IndexOptions {
  /** Where to keep the cache; `false` disables it. Default: POSTWRIGHT_CACHE_DIR or the user cache folder. */
  cacheDir?: string | false;
  now?: number;
}

export interface SiteIndexResult {
  root: string;
  config: LoadedConfig;
  posts: Map<string, IndexedPost>;
  stats: { files: number; read: number; fromCache: number };
}

/** Writes the cache of an index; failures are ignored because the cache is only a speed-up. */
export async function writeIndexCache(cacheDir: string | false, result: SiteIndexResult): Promise<void> {
  if (cacheDir !== false) await writeIndexCacheFile(cacheDir, result.root, result.config.stamp, result.posts);
}

/** Builds the index of the site at `root`. */
export async function indexSite(root: string, options: IndexOptions = {}): Promise<SiteIndexResult> {
  const trace = phaseTrace('index');
  const absRoot = path.resolve(root);
  const config = await loadSiteConfig(absRoot);
  trace('config');
  const now = options.now ?? Date.now();
  const cacheDir = options.cacheDir === undefined ? defaultCacheDir() : options.cacheDir;
  const realRoot = await realpath(absRoot);
  const cached = cacheDir === false ? null : await readIndexCache(cacheFileFor(cacheDir, realRoot), realRoot, config.stamp);
  trace(`cache (${cached?.size ?? 0} entries)`);
  const known: KnownEntry | undefined = cached?.size
    ? (full, symlink) => {
        const scan = cached.get(full)?.scan;
        return scan && scan.symlink === symlink ? { path: full, draft: scan.draft, ...(scan.skipped === undefined ? {} : { skipped: scan.skipped }) } : undefined;
      }
    : undefined;
  const entries = await scanSite(absRoot, config.config, known);
  trace(`scan (${entries.length} files)`);
  const slots: (IndexedPost | null)[] = new Array(entries.length).fill(null);
  const misses: number[] = [];
  await inBatches(entries, (entry, i) => {
    const hit = cached?.get(entry.path);
    if (hit && hit.scan.draft === entry.draft && hit.scan.skipped === entry.skipped) {
      const st = lstatSync(filePath(absRoot, entry.path), { throwIfNoEntry: false });
      if (st && st.size === hit.size && st.mtimeMs === hit.mtimeMs) {
        slots[i] = refreshCached(hit, config.config, now);
        return;
      }
    }
    misses.push(i);
  });
  trace(`stat (${misses.length} to read)`);
  const readHere = (list: readonly number[]) => inBatches(list, (i) => (slots[i] = readIndexEntry(absRoot, entries[i], config.config, now)));
  if (workerAvailable(misses.length)) {
    // The worker starts a little later: it takes somewhat less than half.
    const split = Math.floor(misses.length * 0.55);
    const theirs = misses.slice(split);
    const worker = readInWorker(absRoot, theirs.map((i) => entries[i]), now, config.stamp);
    await readHere(misses.slice(0, split));
    const done = await worker;
    if (done) theirs.forEach((i, k) => (slots[i] = done[k]));
    else await readHere(theirs);
  } else await readHere(misses);
  trace('read');
  const read = misses.length;
  const posts = new Map<string, IndexedPost>();
  slots.forEach((p, i) => p && posts.set(entries[i].path, p));
  const result: SiteIndexResult = {
    root: absRoot,
    config,
    posts,
    stats: { files: entries.length, read, fromCache: entries.length - read },
  };
  if (read > 0 || (cached?.size ?? 0) !== posts.size) {
    await writeIndexCache(cacheDir, result);
    trace('cache written');
  }
  return result;
}

/** Records in path order. */
export function recordsOf(result: SiteIndexResult): PostRecord[] {
  return [...result.posts.values()].map((p) => p.record);
}

export type { SiteConfig };
