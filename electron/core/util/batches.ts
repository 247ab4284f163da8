/**
 * Work over many posts in short synchronous slices, yielding to the event loop between them.
 *
 * Reading 10,000 small files synchronously is several times faster than one async read each
 * (see readPostFileSync); slicing by time rather than by count keeps every slice under
 * SLICE_MS however loaded the machine is, so other requests are answered meanwhile.
 *
 * A cheap request (reading or saving one post) is a chain of many small async steps, and each
 * step waits for the next turn of the loop: behind 12 ms slices, twenty steps took 400 ms. So
 * while such a request runs (`inForeground`), slices step aside until it is done (up to
 * FOREGROUND_WAIT_MS at a time, so background work is never starved).
 */
export const BATCH_SIZE = 200;

/**
 * Longest a slice runs before yielding: 8 ms leaves room for what no slice can cut (a young
 * garbage collection of 10,000 fresh records, ~15 ms; the config's first full YAML parse) within
 * the 50 ms a turn of the loop may take.
 */
export const SLICE_MS = 8;

/** Longest a slice waits for foreground requests before it runs anyway. */
export const FOREGROUND_WAIT_MS = 60;

/**
 * Milliseconds on a monotonic clock. `process.hrtime` rather than the global `performance`, whose
 * first use loads `perf_hooks` (~2 ms of every command line run).
 */
export function nowMs(): number {
  const [s, ns] = process.hrtime();
  return s * 1e3 + ns / 1e6;
}

let foreground = 0;
let waiting: Array<() => void> = [];
/** When a slice or a foreground request last ran. */
let lastBusy = 0;

function releaseWaiting(): void {
  const list = waiting;
  waiting = [];
  for (const resolve of list) setImmediate(resolve);
}

/** Runs a cheap request with background slices held back until it is done. */
export async function inForeground<T>(fn: () => Promise<T>): Promise<T> {
  foreground++;
  try {
    return await fn();
  } finally {
    lastBusy = nowMs();
    if (--foreground === 0) releaseWaiting();
  }
}

/**
 * Resolves once no slice and no foreground request has run for `quietMs` (or after `maxWaitMs`):
 * for optional background work, such as a watcher's first scan, that should not compete with a
 * page loading.
 */
export function whenIdle(quietMs = 400, maxWaitMs = 8000): Promise<void> {
  const started = nowMs();
  return new Promise<void>((resolve) => {
    const poll = () => {
      const now = nowMs();
      if ((foreground === 0 && now - lastBusy >= quietMs) || now - started >= maxWaitMs) resolve();
      else setTimeout(poll, Math.max(20, quietMs - (now - lastBusy)));
    };
    setTimeout(poll, quietMs);
  });
}

/** Resolves on the next turn of the event loop, after pending I/O (later while a foreground request runs). */
export function yieldToLoop(): Promise<void> {
  lastBusy = nowMs();
  if (foreground === 0) return new Promise<void>((resolve) => setImmediate(resolve));
  return new Promise<void>((resolve) => {
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(once, FOREGROUND_WAIT_MS);
    waiting.push(once);
  });
}

/** A clock for slicing long loops: `due()` is true once the current slice has run long enough. */
export function sliceClock(ms = SLICE_MS): { due(): boolean; reset(): void } {
  let start = nowMs();
  return {
    due: () => nowMs() - start >= ms,
    reset: () => {
      start = nowMs();
    },
  };
}

export async function inBatches<T>(items: readonly T[], fn: (item: T, index: number) => void, size = BATCH_SIZE): Promise<void> {
  const clock = sliceClock();
  for (let i = 0; i < items.length; i++) {
    fn(items[i], i);
    // Checked every few items (the clock is cheap, not free), and after each of the first 64, which
    // run before the code is optimised and can take milliseconds each.
    if ((i < 64 || (i & 7) === 7 || (i + 1) % size === 0) && i + 1 < items.length && clock.due()) {
      await yieldToLoop();
      clock.reset();
    }
  }
}

/** Like inBatches, over any iterable (a Map's entries, say), checking the clock every 64 items. */
export async function eachSliced<T>(items: Iterable<T>, fn: (item: T) => void, clock = sliceClock()): Promise<void> {
  let n = 0;
  for (const item of items) {
    fn(item);
    if ((++n & 63) === 0 && clock.due()) {
      await yieldToLoop();
      clock.reset();
    }
  }
}

/**
 * Drives a stepped computation (a generator that yields between small pieces of work, see
 * shared/site/stepped.ts) in time slices, so one long pure pass never holds the loop.
 */
export async function runSliced<T>(steps: Generator<unknown, T, undefined>, clock = sliceClock()): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (clock.due()) {
      await yieldToLoop();
      clock.reset();
    }
  }
}
