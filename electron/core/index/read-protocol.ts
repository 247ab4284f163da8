/**
 * The shared-memory layout between the indexer and its worker (read-worker.ts), in one place so
 * both sides agree.
 *
 * Given the files to read, the main thread indexes the list from the front; the worker reads files
 * ahead of it into a ring of slots, and with the time left indexes files itself from the back,
 * handing over each as an index-cache line. Every file has one owner, settled by compare-and-swap.
 */

/** Bytes of each file the worker hands over: the whole file up to this, else its first bytes. */
export const SLOT_BYTES = 4096;

/** Slots in the ring: how far the worker may read ahead of the main thread. */
export const RING_SLOTS = 1024;

/** Bytes for the index-cache lines of the files the worker indexes (pages are touched only as used). */
export const ARENA_BYTES = 32 * 1024 * 1024;

/** Indexes into the control array (Int32). */
export const CTRL = {
  /** The next file to read ahead (both threads claim reads with atomic operations). */
  next: 0,
  /** Files the main thread has taken, in order: the ring slots below it are free. */
  consumed: 1,
  /** Set to 1 to stop the worker. */
  stop: 2,
  /** 1 while the worker waits for a free slot: only then is it worth waking (a wake is a system call). */
  workerWaiting: 3,
  /** 1 while the main thread waits for a file the worker indexes. */
  mainWaiting: 4,
  length: 5,
} as const;

/** Who indexes a file (Int32 per file). */
export const OWNER = { none: 0, main: 1, worker: 2 } as const;

/** Per-file read state (Int32 per file). */
export const READ = {
  pending: 0,
  /** Size, mtime and the head's length are in `meta`, the bytes in the file's ring slot. */
  ready: 1,
  /** The main thread must read this file itself. */
  fallback: 2,
} as const;

/** Per-file state of a file the worker owns (Int32 per file). */
export const DONE = {
  pending: 0,
  /** Its index-cache line is in the arena (offset and length in `meta`). */
  line: 1,
  /** The worker gave it back: the main thread indexes it. */
  givenBack: 2,
} as const;

/** Float64 fields per file in `meta`. */
export const META = { size: 0, mtimeMs: 1, headBytes: 2, lineOffset: 3, lineBytes: 4, length: 5 } as const;

export type WorkerMode = 'both' | 'read' | 'index';

export interface WorkerEntry {
  path: string;
  draft: boolean;
}

/** What the worker starts with (workerData). */
export interface WorkerStart {
  root: string;
}

/** The message that gives the worker the files to read and index. */
export interface ReadWorkerInput {
  /** The files to index (none skipped by the scan), in the order the main thread takes them. */
  entries: WorkerEntry[];
  /** The config stamp the main thread read: the worker indexes only with the same config. */
  stamp: string;
  now: number;
  maxBytes: number;
  /** `both` normally; `read` or `index` make the worker do only that (POSTWRIGHT_READ_WORKER, for tests). */
  mode: WorkerMode;
  ctrl: SharedArrayBuffer;
  owner: SharedArrayBuffer;
  read: SharedArrayBuffer;
  done: SharedArrayBuffer;
  meta: SharedArrayBuffer;
  ring: SharedArrayBuffer;
  arena: SharedArrayBuffer;
}

/** Typed views over the shared buffers of `input`, the same on both sides. */
export function sharedViews(input: ReadWorkerInput) {
  return {
    ctrl: new Int32Array(input.ctrl),
    owner: new Int32Array(input.owner),
    readState: new Int32Array(input.read),
    done: new Int32Array(input.done),
    meta: new Float64Array(input.meta),
    ring: Buffer.from(input.ring),
    arena: Buffer.from(input.arena),
  };
}
