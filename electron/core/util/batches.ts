/**
 * Work over many posts in short synchronous slices, yielding to the event loop between them.
 *
 * Reading 10,000 small files synchronously is several times faster than one async read each
 * (see readPostFileSync); slicing by time rather than by count keeps every slice under
 * SLICE_MS however loaded the machine is, so other requests are answered meanwhile.
 */
export const BATCH_SIZE = 200;

/** Longest a slice runs before yielding. */
export const SLICE_MS = 12;

/** Resolves on the next turn of the event loop, after pending I/O. */
export function yieldToLoop(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}

/** A clock for slicing long loops: `due()` is true once the current slice has run long enough. */
export function sliceClock(ms = SLICE_MS): { due(): boolean; reset(): void } {
  let start = performance.now();
  return {
    due: () => performance.now() - start >= ms,
    reset: () => {
      start = performance.now();
    },
  };
}

export async function inBatches<T>(items: readonly T[], fn: (item: T, index: number) => void, size = BATCH_SIZE): Promise<void> {
  const clock = sliceClock();
  for (let i = 0; i < items.length; i++) {
    fn(items[i], i);
    // Checked every few items: the clock is cheap, not free.
    if (((i & 7) === 7 || (i + 1) % size === 0) && i + 1 < items.length && clock.due()) {
      await yieldToLoop();
      clock.reset();
    }
  }
}
