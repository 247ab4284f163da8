/**
 * The index of every post of a site: scanned like Jekyll, read in small synchronous batches with
 * one file open at a time, and cached outside the repository so a second open is fast.
 *
 * The cache is one file per site folder (a JSON header line, then one JSON line per post, read
 * and written in slices), keyed by the config's hash and validated per file by size and mtime;
 * anything that does not match is read again.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { lstatSync } from 'node:fs';
import path from 'node:path';
import type { PostRecord, SiteConfig } from '../../../shared/jekyll/site-types';
import { inBatches } from '../util/batches';
import { defaultCacheDir } from './cache-dir';
import { filePath, refreshForNow, type IndexedPost } from './post-record-file';
import { readIndexEntry } from '../index/read-posts';
import { readInWorker, workerAvailable } from '../index/index-in-worker';
import { scanSite } from './scan-site';
import { loadSiteConfig, type LoadedConfig } from './site-config';

const CACHE_FORMAT = 4;

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

/** The cache's first line; then one line per post, `[path, entry]`, so it reads and writes in slices. */
interface CacheHeader {
  format: number;
  root: string;
  configStamp: string;
}

function cacheFileFor(cacheDir: string, realRoot: string): string {
  return path.join(cacheDir, `index-${createHash('sha1').update(realRoot).digest('hex').slice(0, 16)}.json`);
}

async function readCache(file: string, realRoot: string, stamp: string): Promise<Map<string, IndexedPost>> {
  const posts = new Map<string, IndexedPost>();
  try {
    const lines = (await readFile(file, 'utf8')).split('\n');
    const header = JSON.parse(lines[0]) as CacheHeader;
    if (header.format !== CACHE_FORMAT || header.root !== realRoot || header.configStamp !== stamp) return posts;
    await inBatches(lines, (line, i) => {
      if (i === 0 || !line) return;
      const [p, post] = JSON.parse(line) as [string, IndexedPost];
      posts.set(p, post);
    });
  } catch {
    // Missing or unreadable cache: read everything.
    posts.clear();
  }
  return posts;
}

/** Writes the cache; failures are ignored because the cache is only a speed-up. */
export async function writeIndexCache(cacheDir: string | false, result: SiteIndexResult): Promise<void> {
  if (cacheDir === false) return;
  try {
    const realRoot = await realpath(result.root);
    await mkdir(cacheDir, { recursive: true });
    const header: CacheHeader = { format: CACHE_FORMAT, root: realRoot, configStamp: result.config.stamp };
    const lines = [JSON.stringify(header)];
    await inBatches([...result.posts], ([p, post]) => {
      lines.push(JSON.stringify([p, { record: post.record, size: post.size, mtimeMs: post.mtimeMs, markedPublished: post.markedPublished, epochMs: post.epochMs }]));
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

/** Builds the index of the site at `root`. */
export async function indexSite(root: string, options: IndexOptions = {}): Promise<SiteIndexResult> {
  const absRoot = path.resolve(root);
  const config = await loadSiteConfig(absRoot);
  const now = options.now ?? Date.now();
  const cacheDir = options.cacheDir === undefined ? defaultCacheDir() : options.cacheDir;
  const realRoot = await realpath(absRoot);
  const cached = cacheDir === false ? new Map<string, IndexedPost>() : await readCache(cacheFileFor(cacheDir, realRoot), realRoot, config.stamp);
  const entries = await scanSite(absRoot, config.config);
  const slots: (IndexedPost | null)[] = new Array(entries.length).fill(null);
  const misses: number[] = [];
  await inBatches(entries, (entry, i) => {
    const hit = cached.get(entry.path);
    if (hit && hit.record.draft === entry.draft && (hit.record.skipped ?? null) === (entry.skipped ?? null)) {
      const st = lstatSync(filePath(absRoot, entry.path), { throwIfNoEntry: false });
      if (st && st.size === hit.size && st.mtimeMs === hit.mtimeMs) {
        slots[i] = refreshForNow(hit, config.config, now);
        return;
      }
    }
    misses.push(i);
  });
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
  const read = misses.length;
  const posts = slots.filter((p): p is IndexedPost => p !== null);
  const result: SiteIndexResult = {
    root: absRoot,
    config,
    posts: new Map(posts.map((p) => [p.record.path, p])),
    stats: { files: entries.length, read, fromCache: entries.length - read },
  };
  if (read > 0 || cached.size !== entries.length) await writeIndexCache(cacheDir, result);
  return result;
}

/** Records in path order. */
export function recordsOf(result: SiteIndexResult): PostRecord[] {
  return [...result.posts.values()].map((p) => p.record);
}

export type { SiteConfig };
