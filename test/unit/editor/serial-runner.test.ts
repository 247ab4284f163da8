/**
 * One save of a post at a time: requests made while one runs wait for it and share one next run.
 */
import { describe, expect, it } from 'vitest';
import { serialRunner } from '../../../renderer/editor/serial-runner';

/** A job whose runs finish when the test says so. */
function controlledJob() {
  const runs: { arg: string; finish(value?: string): void; fail(error: Error): void }[] = [];
  let active = 0;
  let maxActive = 0;
  const job = (arg: string) =>
    new Promise<string>((resolve, reject) => {
      active++;
      maxActive = Math.max(maxActive, active);
      runs.push({
        arg,
        finish: (v = arg) => (active--, resolve(v)),
        fail: (e) => (active--, reject(e)),
      });
    });
  return { job, runs, maxActive: () => maxActive };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('serialRunner', () => {
  it('runs at once when idle', async () => {
    const c = controlledJob();
    const r = serialRunner(c.job);
    const p = r.run('a');
    expect(c.runs).toHaveLength(1);
    expect(r.busy()).toBe(true);
    c.runs[0].finish();
    await expect(p).resolves.toBe('a');
    await tick();
    expect(r.busy()).toBe(false);
  });

  it('never has two runs at once; requests made meanwhile share one next run with the newest argument', async () => {
    const c = controlledJob();
    const r = serialRunner(c.job);
    const first = r.run('autosave');
    const second = r.run('ctrl-s');
    const third = r.run('ctrl-s again');
    await tick();
    expect(c.runs).toHaveLength(1);
    c.runs[0].finish();
    await expect(first).resolves.toBe('autosave');
    await tick();
    expect(c.runs).toHaveLength(2);
    expect(c.runs[1].arg).toBe('ctrl-s again');
    c.runs[1].finish();
    await expect(second).resolves.toBe('ctrl-s again');
    await expect(third).resolves.toBe('ctrl-s again');
    expect(c.maxActive()).toBe(1);
  });

  it('a failed run does not stop the next one', async () => {
    const c = controlledJob();
    const r = serialRunner(c.job);
    const first = r.run('a');
    const second = r.run('b');
    c.runs[0].fail(new Error('offline'));
    await expect(first).rejects.toThrow('offline');
    await tick();
    c.runs[1].finish();
    await expect(second).resolves.toBe('b');
    await tick();
    expect(r.busy()).toBe(false);
    const third = r.run('c');
    expect(c.runs).toHaveLength(3);
    c.runs[2].finish();
    await expect(third).resolves.toBe('c');
  });
});
