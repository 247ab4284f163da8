/**
 * One index cache folder for the whole test run, removed at the end: no test (or CLI run it
 * starts) writes into the developer's own cache folder, where temporary sites' caches would stay.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function setup(): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pw-test-cache-'));
  // Inherited by the test workers and every process they start.
  process.env.POSTWRIGHT_CACHE_DIR ??= dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
