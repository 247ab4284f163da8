/**
 * Runs part of an index read in a worker thread, when the bundled worker is there.
 *
 * Off unless POSTWRIGHT_INDEX_WORKER=1: measured on the 2-core bench machine shared with other
 * work, the worker's own start-up and JIT warm-up cost ~1.5 s of CPU for 10,000 posts and the
 * open got slower (cold CLI 4.0–6.4 s with it, 3.1–3.7 s without). Without the bundle (tests
 * run the sources) or when the worker fails, the caller reads everything itself: same answers.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { IndexedPost } from '../site/post-record-file';
import type { ScanEntry } from '../site/scan-site';

/** Fewer posts to read than this: no worker. */
export const WORKER_MIN_POSTS = 1500;

function workerFile(): string | null {
  if (process.env.POSTWRIGHT_INDEX_WORKER !== '1') return null;
  const file = path.join(__dirname, 'index-worker.cjs');
  return existsSync(file) ? file : null;
}

/** True when a worker can take part of `count` reads. */
export function workerAvailable(count: number): boolean {
  return count >= WORKER_MIN_POSTS && workerFile() !== null;
}

/** Index entries of `entries` read by a worker (null when the file is gone), or null when the worker failed. */
export function readInWorker(root: string, entries: ScanEntry[], now: number, stamp: string): Promise<(IndexedPost | null)[] | null> {
  const file = workerFile();
  if (!file) return Promise.resolve(null);
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(file, { workerData: { root, entries, now, stamp } });
    } catch {
      resolve(null);
      return;
    }
    worker.once('message', (message: { posts?: (IndexedPost | null)[]; error?: string }) => {
      resolve(message.posts ?? null);
      void worker.terminate();
    });
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
}
