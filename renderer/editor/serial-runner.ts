/**
 * Runs an async job one at a time: a request made while one runs waits for it, and every
 * request made meanwhile shares that one next run (which reads the newest state when it starts).
 *
 * Saves use it so autosave and Ctrl+S never have two saves of one post in flight: the second
 * would carry the same base version as the first and be refused as a conflict with ourselves.
 */
export interface SerialRunner<A, T> {
  run(arg: A): Promise<T>;
  /** True while a job runs. */
  busy(): boolean;
}

export function serialRunner<A, T>(job: (arg: A) => Promise<T>): SerialRunner<A, T> {
  let running: Promise<unknown> | null = null;
  let queued: Promise<T> | null = null;
  let queuedArg: A;

  const start = (arg: A): Promise<T> => {
    const p = job(arg);
    const settled = p.then(
      () => undefined,
      () => undefined,
    );
    running = settled;
    void settled.then(() => {
      if (running === settled) running = null;
    });
    return p;
  };

  return {
    run(arg) {
      if (!running) return start(arg);
      queuedArg = arg;
      if (!queued) {
        queued = running.then(() => {
          queued = null;
          return start(queuedArg);
        });
      }
      return queued;
    },
    busy: () => running !== null,
  };
}
