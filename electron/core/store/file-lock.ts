/**
 * One writer per file: a lock per file, shared by every Postwright process (app, web host, CLI).
 *
 * Inside a process an async mutex keyed by the file's real path queues the writers; across
 * processes a lock file created with `wx` in a per-user folder under the system temp folder
 * (never inside the site, where git would see it) holds the owner's pid and start time. A lock
 * whose pid is dead, or that is older than a minute, is stale and broken. Waiting is bounded:
 * after the timeout the caller gets a clear error instead of hanging. Locks taken again by the
 * same async call chain (a lifecycle operation writing through a checked write) are re-entrant.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomBytes } from 'node:crypto';
import { unlinkSync, writeFileSync } from 'node:fs';
import { mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SourceError } from '../../../shared/source-error';
import { deepestRealPath } from './confine';

/** A lock file older than this is stale even when its pid looks alive (the pid may be reused). */
const STALE_MS = 60_000;
/** How long a writer waits for another before giving up with a clear error (POSTWRIGHT_LOCK_WAIT_MS overrides). */
const DEFAULT_WAIT_MS = 15_000;

function defaultWaitMs(): number {
  const fromEnv = Number(process.env.POSTWRIGHT_LOCK_WAIT_MS);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_WAIT_MS;
}

interface LockOwner {
  pid: number;
  time: number;
  token: string;
  path: string;
}

const held = new AsyncLocalStorage<ReadonlySet<string>>();
const queues = new Map<string, Promise<void>>();

/** The folder holding the lock files: POSTWRIGHT_LOCK_DIR, else a per-user folder in the temp folder. */
export function lockDir(): string {
  const fromEnv = process.env.POSTWRIGHT_LOCK_DIR;
  if (fromEnv) return fromEnv;
  const user = typeof process.getuid === 'function' ? String(process.getuid()) : os.userInfo().username;
  return path.join(os.tmpdir(), `postwright-locks-${user}`);
}

/** The key a file is locked by: its real path (through symlinks), so a link and its target share a lock. */
export async function lockKey(absPath: string): Promise<string> {
  return deepestRealPath(path.resolve(absPath));
}

function lockFileFor(key: string): string {
  return path.join(lockDir(), `${createHash('sha1').update(key).digest('hex')}.lock`);
}

/** Whether a live Postwright writer (this process or another) holds the lock of `absPath` now. */
export async function isLocked(absPath: string): Promise<boolean> {
  const key = await lockKey(absPath);
  if (queues.has(key)) return true;
  const file = lockFileFor(key);
  const owner = await readOwner(file);
  return owner !== 'gone' && !(await isStale(file, owner));
}

/** Runs `fn` while holding the lock of `absPath`; see the file comment. */
export async function withFileLock<T>(absPath: string, fn: () => Promise<T>, options: { waitMs?: number } = {}): Promise<T> {
  return withFileLocks([absPath], fn, options);
}

/** Runs `fn` while holding the locks of all `absPaths`, taken in a fixed order so two callers never deadlock. */
export async function withFileLocks<T>(absPaths: readonly string[], fn: () => Promise<T>, options: { waitMs?: number } = {}): Promise<T> {
  const keys = [...new Set(await Promise.all(absPaths.map(lockKey)))].sort();
  const already = held.getStore() ?? new Set<string>();
  const todo = keys.filter((k) => !already.has(k));
  if (!todo.length) return fn();
  const release: (() => Promise<void>)[] = [];
  try {
    for (const key of todo) release.push(await acquire(key, options.waitMs ?? defaultWaitMs()));
    return await held.run(new Set([...already, ...todo]), fn);
  } finally {
    for (const r of release.reverse()) await r();
  }
}

/** Takes one key: first the in-process queue, then the lock file. Returns the release. */
async function acquire(key: string, waitMs: number): Promise<() => Promise<void>> {
  const previous = queues.get(key) ?? Promise.resolve();
  let done!: () => void;
  const mine = new Promise<void>((resolve) => (done = resolve));
  const tail = previous.then(() => mine);
  queues.set(key, tail);
  const releaseQueue = () => {
    done();
    if (queues.get(key) === tail) queues.delete(key);
  };
  const deadline = Date.now() + waitMs;
  try {
    await waitFor(previous, deadline, key);
    const releaseFile = await acquireFile(key, deadline);
    return async () => {
      try {
        await releaseFile();
      } finally {
        releaseQueue();
      }
    };
  } catch (error) {
    releaseQueue();
    throw error;
  }
}

async function waitFor(previous: Promise<void>, deadline: number, key: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(busy(key, null)), Math.max(0, deadline - Date.now()));
  });
  try {
    await Promise.race([previous, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function busy(key: string, owner: LockOwner | null): SourceError {
  const who = owner ? (owner.pid === process.pid ? 'this Postwright' : `another Postwright process (pid ${owner.pid})`) : 'this Postwright';
  return new SourceError('locked', `${path.basename(key)} is being written by ${who}; nothing was written, try again`);
}

const madeDirs = new Set<string>();

async function acquireFile(key: string, deadline: number): Promise<() => Promise<void>> {
  const file = lockFileFor(key);
  const dir = path.dirname(file);
  if (!madeDirs.has(dir)) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    madeDirs.add(dir);
  }
  const token = randomBytes(8).toString('hex');
  const time = Date.now();
  const body = JSON.stringify({ pid: process.pid, time, token, path: key } satisfies LockOwner);
  for (let attempt = 0; ; attempt++) {
    try {
      // Created and written synchronously (a few dozen bytes in the temp folder, no fsync): async,
      // its three steps each waited for a thread-pool turn, which behind a full site check made a
      // save take 50–100 ms.
      writeFileSync(file, body, { flag: 'wx', mode: 0o600 });
      return () => releaseFile(file, token, time);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        // The lock folder was removed (a temp cleaner): make it again.
        await mkdir(dir, { recursive: true, mode: 0o700 });
        continue;
      }
      if (code !== 'EEXIST') throw error;
    }
    const owner = await readOwner(file);
    if (owner === 'gone') continue;
    if (await isStale(file, owner)) {
      await breakStale(file, owner);
      continue;
    }
    if (Date.now() >= deadline) throw busy(key, owner);
    await sleep(Math.min(5 + attempt * 2, 25));
  }
}

/** Removes our lock file. Held for less than half the stale age, nobody can have broken it, so no re-read is needed. */
async function releaseFile(file: string, token: string, time: number): Promise<void> {
  if (Date.now() - time < STALE_MS / 2) {
    try {
      unlinkSync(file);
    } catch {
      // Already gone: nothing to release.
    }
    return;
  }
  const owner = await readOwner(file);
  if (owner !== 'gone' && owner?.token === token) await unlink(file).catch(() => undefined);
}

/** The owner recorded in a lock file; null when unreadable (being written), 'gone' when it vanished. */
async function readOwner(file: string): Promise<LockOwner | null | 'gone'> {
  try {
    const text = await readFile(file, 'utf8');
    const parsed = JSON.parse(text) as LockOwner;
    return typeof parsed.pid === 'number' && typeof parsed.time === 'number' ? parsed : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    return null;
  }
}

/** Dead pid or too old; a lock file left empty (its writer killed between create and write) is stale after 5 s. */
async function isStale(file: string, owner: LockOwner | null): Promise<boolean> {
  if (owner) return Date.now() - owner.time > STALE_MS || !pidAlive(owner.pid);
  const age = await stat(file).then((s) => Date.now() - s.mtimeMs, () => 0);
  return age > 5_000;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes a stale lock file without removing a fresh one another process just made: the breaker
 * is itself taken with `wx`, and the lock is unlinked only if it still holds the stale owner.
 */
async function breakStale(file: string, stale: LockOwner | null): Promise<void> {
  const breaker = `${file}.break`;
  try {
    const handle = await open(breaker, 'wx', 0o600);
    await handle.close();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A breaker left by a process killed mid-break would block forever: old ones are removed.
    const age = await stat(breaker).then((s) => Date.now() - s.mtimeMs, () => 0);
    if (age > 5_000) await unlink(breaker).catch(() => undefined);
    else await sleep(5);
    return;
  }
  try {
    const now = await readOwner(file);
    if (now !== 'gone' && now?.token === stale?.token) await unlink(file).catch(() => undefined);
  } finally {
    await unlink(breaker).catch(() => undefined);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
