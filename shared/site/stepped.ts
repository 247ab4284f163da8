/**
 * Long pure passes written as generators that yield between small pieces of work: the core
 * drives them in time slices (electron/core/util/batches.ts `runSliced`) so the event loop stays
 * free, and everything else runs them to the end at once with `runToEnd`. One code path, so the
 * sliced answer is the one-pass answer.
 */
export type Stepped<T> = Generator<void, T, undefined>;

/** Items between two yields: small enough for a few ms, large enough that yielding costs nothing. */
export const STEP = 64;

/** Runs a stepped computation to its end synchronously. */
export function runToEnd<T>(steps: Stepped<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Run length sorted at once before merging. */
const RUN = 256;

/**
 * A stable sort as steps (runs sorted with Array#sort, then merged, yielding between pieces):
 * the same order as `[...items].sort(compare)` for any consistent comparison.
 */
export function* sortSteps<T>(items: readonly T[], compare: (a: T, b: T) => number): Stepped<T[]> {
  let a = items.slice();
  for (let i = 0; i < a.length; i += RUN) {
    const run = a.slice(i, i + RUN).sort(compare);
    for (let j = 0; j < run.length; j++) a[i + j] = run[j];
    yield;
  }
  let b: T[] = new Array<T>(a.length);
  for (let width = RUN; width < a.length; width *= 2) {
    for (let lo = 0; lo < a.length; lo += 2 * width) {
      const mid = Math.min(lo + width, a.length);
      const hi = Math.min(lo + 2 * width, a.length);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        // Ties keep the left run's item first: stable, as Array#sort is.
        b[k++] = compare(a[j], a[i]) < 0 ? a[j++] : a[i++];
        if ((k & (STEP * 4 - 1)) === 0) yield;
      }
      while (i < mid) b[k++] = a[i++];
      while (j < hi) b[k++] = a[j++];
    }
    [a, b] = [b, a];
    yield;
  }
  return a;
}
