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
import { eachSliced, inBatches } from '../util/batches';
import { phaseTrace } from '../util/trace';
import { defaultCacheDir } from './cache-dir';
import { filePath, indexFromRead, type IndexedPost } from './post-record-file';
import { MAX_POST_BYTES } from '../store/post-file';
import { cacheFileFor, entryFromLine, parseIndexCache, readIndexCacheBytes, refreshCached, writeIndexCacheFile } from './index-cache';
import { readIndexEntry } from '../index/read-posts';
import { startIndexHelper, type IndexHelper } from '../index/read-ahead';
import { scanSite, type KnownEntry, type ScanEntry } from './scan-site';
import { loadSiteConfig, type LoadedConfig } from './site-config';

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
  stats: { files: number; read: number; fromCache: number };
}

/** Writes the cache of an index; failures are ignored because the cache is only a speed-up. */
export async function writeIndexCache(cacheDir: string | false, result: SiteIndexResult): Promise<void> {
  if (cacheDir !== false) await writeIndexCacheFile(cacheDir, result.root, result.config.stamp, result.posts);
}

/**
 * Reads the posts at `list` (indexes into `entries`) into `slots`: with the read worker taking
 * the file reads where there is one, else one file at a time here.
 */
async function readInto(slots: (IndexedPost | null)[], list: readonly number[], entries: readonly ScanEntry[], root: string, config: LoadedConfig, now: number, helper: IndexHelper | null): Promise<string> {
  const jobs = list.filter((i) => !entries[i].skipped);
  const reader = helper?.readAhead({ entries: jobs.map((i) => entries[i]), stamp: config.stamp, now, maxBytes: MAX_POST_BYTES }) ?? null;
  let k = 0;
  try {
    await inBatches(list, (i) => {
      const entry = entries[i];
      const taken = reader && !entry.skipped ? reader.take(k++) : null;
      let post: IndexedPost | null = null;
      if (taken && 'line' in taken) {
        const got = entryFromLine(taken.line);
        if (got && got.rel === entry.path) post = got.post;
      } else if (taken) post = indexFromRead(entry, config.config, now, taken.file);
      slots[i] = post ?? readIndexEntry(root, entry, config.config, now);
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
  const realRoot = await realpath(absRoot).catch(() => absRoot);
  const cacheBytes = cacheDir === false ? null : await readIndexCacheBytes(cacheFileFor(cacheDir, realRoot));
  // The worker starts up (and stats the cached files) while the config loads and the folders are scanned.
  const helper = startIndexHelper(absRoot, cacheBytes);
  try {
    return await indexWith(absRoot, realRoot, cacheDir, cacheBytes, helper, now, options, trace);
  } finally {
    helper?.close();
  }
}

async function indexWith(
  absRoot: string,
  realRoot: string,
  cacheDir: string | false,
  cacheBytes: Buffer | null,
  helper: IndexHelper | null,
  now: number,
  options: IndexOptions,
  trace: (phase: string) => void,
): Promise<SiteIndexResult> {
  const config = await loadSiteConfig(absRoot);
  trace(`config${helper ? ' (worker started)' : ''}`);
  const cached = cacheBytes ? await parseIndexCache(cacheBytes, realRoot, config.stamp) : null;
  trace(`cache (${cached?.size ?? 0} entries)`);
  const known: KnownEntry | undefined = cached?.size
    ? (full, symlink) => {
        const scan = cached.get(full)?.scan;
        return scan && scan.symlink === symlink ? { path: full, draft: scan.draft, ...(scan.skipped === undefined ? {} : { skipped: scan.skipped }) } : undefined;
      }
    : undefined;
  const entries = await scanSite(absRoot, config.config, known);
  trace(`scan (${entries.length} files)`);
  const stats = cached?.size && helper ? await helper.cachedStats() : null;
  const slots: (IndexedPost | null)[] = new Array(entries.length).fill(null);
  const misses: number[] = [];
  await inBatches(entries, (entry, i) => {
    const hit = cached?.get(entry.path);
    if (hit && hit.scan.draft === entry.draft && hit.scan.skipped === entry.skipped) {
      let size: number;
      let mtimeMs: number;
      if (stats && hit.line >= 0 && hit.line * 2 + 1 < stats.length) {
        size = stats[hit.line * 2];
        mtimeMs = stats[hit.line * 2 + 1];
      } else {
        const st = lstatSync(filePath(absRoot, entry.path), { throwIfNoEntry: false });
        size = st ? st.size : -1;
        mtimeMs = st ? st.mtimeMs : -1;
      }
      if (size === hit.size && mtimeMs === hit.mtimeMs) {
        slots[i] = refreshCached(hit, config.config, now);
        return;
      }
    }
    misses.push(i);
  });
  trace(`stat (${stats ? 'by the worker, ' : ''}${misses.length} to read)`);
  const how = await readInto(slots, misses, entries, absRoot, config, now, helper);
  trace(`read (${how})`);
  const read = misses.length;
  const posts = new Map<string, IndexedPost>();
  slots.forEach((p, i) => p && posts.set(entries[i].path, p));
  const result: SiteIndexResult = {
    root: absRoot,
    config,
    posts,
    stats: { files: entries.length, read, fromCache: entries.length - read },
  };
  if (!options.lazyRecords) {
    await eachSliced(posts.values(), (p) => void p.record);
    trace('records parsed');
  }
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
