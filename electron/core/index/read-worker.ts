/**
 * Worker thread entry (bundled as dist/electron/read-worker.cjs): the indexer's second core.
 *
 * It loads the config while the main thread scans, then reads post files ahead of the main thread, which then only parses: on this kind of machine
 * a system call costs enough that 10,000 open/fstat/read/close rounds take ~0.25 s, and
 * interleaving them with the parsing made the parsing itself ~30% slower. Only the bytes the
 * index needs cross over (the whole file when small, else its head); anything unusual (gone,
 * too large, not UTF-8) is left to the main thread, which reports it exactly as before.
 *
 * When the ring of read-ahead slots is full it indexes files itself, from the back of the list,
 * and hands each over as an index-cache line, until it meets the main thread. It loads
 * `_config.yml` itself and indexes only if that gives the stamp the main thread has.
 */
import { closeSync, fstatSync, openSync } from 'node:fs';
import { readFully } from '../util/read-fully';
import { isUtf8 } from 'node:buffer';
import { parentPort, workerData } from 'node:worker_threads';
import type { SiteConfig } from '../../../shared/jekyll/site-types';
import { cacheLine } from '../site/index-cache';
import { filePath } from '../site/post-record-file';
import { loadSiteConfig } from '../site/site-config';
import { readIndexEntry } from './read-posts';
import { CTRL, DONE, META, OWNER, READ, SLOT_BYTES, sharedViews, type ReadWorkerInput, type WorkerStart } from './read-protocol';

function run(root: string, input: ReadWorkerInput, configOf: () => SiteConfig | null): void {
  const { ctrl, owner, readState, done, meta, ring, arena } = sharedViews(input);
  const slots = ring.length / SLOT_BYTES;
  const n = input.entries.length;
  const paths = input.entries.map((e) => filePath(root, e.path));
  let scratch = Buffer.allocUnsafe(64 * 1024);
  let arenaUsed = 0;
  let back = input.mode !== 'read' ? n - 1 : -1;
  // Parsed when first needed, to index: the reading ahead starts without waiting for the config's YAML.
  let config: SiteConfig | null | undefined;

  /** Reads file i into its ring slot (or marks it for the main thread). */
  const readAhead = (i: number) => {
    let result: number = READ.fallback;
    try {
      const fd = openSync(paths[i], 'r');
      try {
        const st = fstatSync(fd);
        if (st.isFile() && st.size <= input.maxBytes) {
          if (scratch.length < st.size) scratch = Buffer.allocUnsafe(Math.max(st.size, scratch.length * 2));
          const read = readFully(fd, scratch, 0, st.size);
          if (isUtf8(scratch.subarray(0, read))) {
            const len = Math.min(read, SLOT_BYTES);
            scratch.copy(ring, (i % slots) * SLOT_BYTES, 0, len);
            meta[i * META.length + META.size] = read;
            meta[i * META.length + META.mtimeMs] = st.mtimeMs;
            meta[i * META.length + META.headBytes] = len;
            result = READ.ready;
          }
        }
      } finally {
        closeSync(fd);
      }
    } catch {
      // Left to the main thread, which reports it as it always has.
    }
    Atomics.store(readState, i, result);
    Atomics.notify(readState, i);
  };

  /** Indexes file b (owned by this worker) into an index-cache line in the arena. */
  const indexOne = (b: number) => {
    let state: number = DONE.givenBack;
    try {
      const entry = input.entries[b];
      const post = readIndexEntry(root, entry, config!, input.now);
      const line = post && cacheLine(entry.path, post, false);
      if (line) {
        const bytes = Buffer.byteLength(line);
        if (arenaUsed + bytes <= arena.length) {
          arena.write(line, arenaUsed);
          meta[b * META.length + META.lineOffset] = arenaUsed;
          meta[b * META.length + META.lineBytes] = bytes;
          arenaUsed += bytes;
          state = DONE.line;
        } else back = -1;
      }
    } catch {
      // Given back: the main thread indexes it and reports what went wrong.
    }
    Atomics.store(done, b, state);
    if (Atomics.load(ctrl, CTRL.mainWaiting) !== 0) Atomics.notify(done, b);
  };

  for (;;) {
    if (Atomics.load(ctrl, CTRL.stop) !== 0) return;
    const consumed = Atomics.load(ctrl, CTRL.consumed);
    const next = Atomics.load(ctrl, CTRL.next);
    const feeding = input.mode !== 'index' && next < n && Atomics.load(owner, next) !== OWNER.worker;
    if (feeding && next - consumed < slots) {
      if (Atomics.compareExchange(ctrl, CTRL.next, next, next + 1) === next) readAhead(next);
      continue;
    }
    if (back >= 0 && config === undefined) {
      config = configOf();
      if (config === null) back = -1;
    }
    if (back >= 0) {
      if (Atomics.compareExchange(owner, back, OWNER.none, OWNER.worker) === OWNER.none) indexOne(back--);
      // The main thread got here first: it owns everything below.
      else back = -1;
      continue;
    }
    if (!feeding) return;
    // The ring is full: wait until the main thread takes a file.
    Atomics.store(ctrl, CTRL.workerWaiting, 1);
    Atomics.wait(ctrl, CTRL.consumed, consumed, 50);
    Atomics.store(ctrl, CTRL.workerWaiting, 0);
  }
}

const start = workerData as WorkerStart;
// The config loads (asynchronously) while the stat pass runs.
const config = loadSiteConfig(start.root).catch(() => null);
parentPort!.once('message', (input: ReadWorkerInput | 'stop') => {
  if (input === 'stop') return void parentPort!.close();
  config
    .then((loaded) => run(start.root, input, () => (loaded && loaded.stamp === input.stamp ? loaded.config : null)))
    .catch(() => undefined)
    .finally(() => parentPort!.close());
});
