/**
 * The indexer's side of its worker (read-worker.ts): files are read on the other core while this
 * thread parses, and the worker indexes files from the back of the list with its spare time.
 * Everything crosses through shared memory (read-protocol.ts).
 *
 * Not for stats: a warm open's 10,000 lstat calls took as long split over two threads as on one
 * (system calls here do not run side by side), and starting the worker made the open ~30 ms
 * slower. So a warm open stats on its own thread and starts the worker only when there are many
 * files to read; a cold open (no cache) starts it at once, to be ready when the reading begins.
 *
 * `take(k)` is called once per file, in order. A file the worker has not claimed is claimed here
 * (so nothing waits for the worker to start); one it is reading or indexing is waited for.
 * Without the bundled worker (tests run the sources), with POSTWRIGHT_READ_WORKER=0, or if the
 * worker stops answering, every file is read and indexed here: same answers, one core.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { nowMs } from '../util/batches';
import { splitHead } from '../site/post-record-file';
import type { PostParts } from '../../../shared/front-matter/split';
import { ARENA_BYTES, CTRL, DONE, META, OWNER, READ, RING_SLOTS, SLOT_BYTES, sharedViews, type ReadWorkerInput, type WorkerEntry, type WorkerMode, type WorkerStart } from './read-protocol';

/** Fewer files than this are indexed faster than a worker starts (~60 ms here). */
export const READ_WORKER_MIN_FILES = 400;

/** Bytes decoded first from a handed-over head: most front matter ends in the first kilobyte. */
const FIRST_DECODE = 1024;

/** Longest wait for one file before the worker is taken for stuck and this thread goes on alone. */
const STUCK_MS = 3000;

export interface TakenFile {
  /** The file's text when `complete`, else the text of its first bytes. */
  text: string;
  complete: boolean;
  /** When the first bytes were found to be enough: their split (see splitHead); null when they are not. */
  parts?: PostParts | null;
  size: number;
  mtimeMs: number;
}

/** What `take` hands over: a file to index here, the worker's index-cache line, or null (read it yourself). */
export type Taken = { file: TakenFile } | { line: string } | null;

export interface ReadAhead {
  take(k: number): Taken;
  /** Files the worker read or indexed for this thread so far. */
  readonly read: number;
  readonly indexed: number;
  close(): void;
}

/** POSTWRIGHT_READ_WORKER: `0` turns the worker off; `read` or `index` limit it to that (tests). */
function workerMode(): WorkerMode | null {
  const value = process.env.POSTWRIGHT_READ_WORKER;
  if (value === '0') return null;
  return value === 'read' || value === 'index' ? value : 'both';
}

function workerFile(): string | null {
  const file = path.join(__dirname, 'read-worker.cjs');
  return existsSync(file) ? file : null;
}

export interface ReadAheadInput {
  entries: WorkerEntry[];
  stamp: string;
  now: number;
  maxBytes: number;
}

/** The worker of one index run. */
export interface IndexHelper {
  /** Hands the worker the files to read and index, or returns null when it cannot take them. */
  readAhead(options: ReadAheadInput): ReadAhead | null;
  close(): void;
}

/** Starts the worker for an index of `root` (it waits for `readAhead`), or returns null when there is none to use. */
export function startIndexHelper(root: string): IndexHelper | null {
  const mode = workerMode();
  const file = mode ? workerFile() : null;
  if (!file || !mode) return null;
  const start: WorkerStart = { root };
  let worker: Worker;
  try {
    // A roomy young generation: the worker keeps little (its lines go to shared memory), so fewer, cheap scavenges.
    // Loaded here: a warm open (no worker) does not pay for `worker_threads` (~2 ms).
    const { Worker: WorkerThread } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
    worker = new WorkerThread(file, { workerData: start, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
  } catch {
    return null;
  }
  worker.unref();
  let broken = false;
  worker.on('error', () => (broken = true));
  worker.on('exit', () => (broken = true));
  let handedOver = false;
  return {
    readAhead(options) {
      if (broken || handedOver || options.entries.length < READ_WORKER_MIN_FILES) return null;
      handedOver = true;
      return readAheadWith(worker, mode, options, () => broken);
    },
    close() {
      if (!handedOver) {
        handedOver = true;
        worker.postMessage('stop');
      }
    },
  };
}

/** Gives the worker the files and returns the taker. */
function readAheadWith(worker: Worker, mode: WorkerMode, options: ReadAheadInput, gone: () => boolean): ReadAhead {
  const n = options.entries.length;
  const input: ReadWorkerInput = {
    ...options,
    mode,
    entries: options.entries.map((e) => ({ path: e.path, draft: e.draft })),
    ctrl: new SharedArrayBuffer(CTRL.length * 4),
    owner: new SharedArrayBuffer(n * 4),
    read: new SharedArrayBuffer(n * 4),
    done: new SharedArrayBuffer(n * 4),
    meta: new SharedArrayBuffer(n * META.length * 8),
    ring: new SharedArrayBuffer(RING_SLOTS * SLOT_BYTES),
    arena: new SharedArrayBuffer(ARENA_BYTES),
  };
  worker.postMessage(input);
  const { ctrl, owner, readState, done, meta, ring, arena } = sharedViews(input);
  let broken = false;
  let read = 0;
  let indexed = 0;
  const stop = () => {
    Atomics.store(ctrl, CTRL.stop, 1);
    Atomics.notify(ctrl, CTRL.consumed);
  };

  const consumed = (k: number) => {
    Atomics.store(ctrl, CTRL.consumed, k + 1);
    // The worker, far ahead, is woken every 64 files (else its wait times out).
    if ((k & 63) === 63 && Atomics.load(ctrl, CTRL.workerWaiting) !== 0) Atomics.notify(ctrl, CTRL.consumed);
  };

  /** Waits until `array[k]` leaves `pending`; false when the worker seems stuck or gone. */
  const waitFor = (array: Int32Array, k: number, pending: number): boolean => {
    const started = nowMs();
    Atomics.store(ctrl, CTRL.mainWaiting, 1);
    try {
      while (Atomics.load(array, k) === pending) {
        if (broken || gone() || nowMs() - started > STUCK_MS) {
          broken = true;
          stop();
          return false;
        }
        Atomics.wait(array, k, pending, 20);
      }
      return true;
    } finally {
      Atomics.store(ctrl, CTRL.mainWaiting, 0);
    }
  };

  const fileAt = (k: number): TakenFile => {
    const at = k * META.length;
    const len = meta[at + META.headBytes];
    const size = meta[at + META.size];
    const start = (k % RING_SLOTS) * SLOT_BYTES;
    let decoded = Math.min(len, FIRST_DECODE);
    let text = ring.toString('utf8', start, start + decoded);
    let parts = decoded === size ? undefined : splitHead(text);
    if (parts === null && decoded < len) {
      text = ring.toString('utf8', start, start + (decoded = len));
      parts = decoded === size ? undefined : splitHead(text);
    }
    return { text, complete: decoded === size, parts, size, mtimeMs: meta[at + META.mtimeMs] };
  };

  const takeOwn = (k: number): Taken => {
    let s = Atomics.load(readState, k);
    if (s === READ.pending) {
      // Not claimed by the worker yet (or the worker is gone): read it here.
      if (broken || gone() || Atomics.compareExchange(ctrl, CTRL.next, k, k + 1) === k) return null;
      if (!waitFor(readState, k, READ.pending)) return null;
      s = Atomics.load(readState, k);
    }
    if (s !== READ.ready) return null;
    read++;
    return { file: fileAt(k) };
  };

  const takeWorkers = (k: number): Taken => {
    if (!waitFor(done, k, DONE.pending) || Atomics.load(done, k) !== DONE.line) return null;
    const at = k * META.length;
    const offset = meta[at + META.lineOffset];
    indexed++;
    return { line: arena.toString('utf8', offset, offset + meta[at + META.lineBytes]) };
  };

  return {
    get read() {
      return read;
    },
    get indexed() {
      return indexed;
    },
    take(k) {
      // In `index` mode (tests) every file is left to the worker.
      const mine = mode !== 'index' && Atomics.compareExchange(owner, k, OWNER.none, OWNER.main) === OWNER.none;
      const taken = mine ? takeOwn(k) : takeWorkers(k);
      consumed(k);
      return taken;
    },
    close: stop,
  };
}
