/**
 * Stats the files of a cached index in a child `find` process, on the other core, while this
 * thread parses the cache: the answers a warm open would get from 10,000 `lstat` calls.
 *
 * Those calls were the largest part of a warm open that is ours (~60–100 ms of a ~0.3 s
 * `postwright index`): half system call, half building Node's `Stats` objects, none of it able to
 * overlap with anything on this thread. GNU find (Linux) prints size and mtime for a folder of
 * files in a few milliseconds of its own. Anywhere it is missing or differs (BSD, BusyBox,
 * Windows), or for any line that does not parse, the caller stats the file itself: this is only a
 * head start, never a second opinion.
 */
import type { ChildProcess } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { programPath } from '../util/program-path';

/** What `lstat` says of a file, as far as the index cache checks it. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

export interface StatAhead {
  /** Path (relative to the root, `/`-separated) → stamp; null when find could not run or gave nothing usable. */
  result(): Promise<Map<string, FileStamp> | null>;
  /** Stops the child when its answers are no longer wanted. */
  cancel(): void;
}

/** More folders than this go through `lstat`: their names must fit on one command line. */
const MAX_FOLDERS = 2000;
const MAX_ARG_CHARS = 100_000;

/**
 * Starts `find` over `folders` (relative to `root`; '' is the root), listing each one's own
 * entries, symbolic links as links. Null where it is not worth trying. `-H` follows a folder
 * that is itself a link, as the path `folder/file` does for `lstat`.
 *
 * With `outFile` (a new file in a folder only this user writes: the cache folder), find writes
 * there and is never held up: through a pipe it stopped every 64 KB until this thread, busy
 * parsing the cache, read the pipe, and a warm open waited 10–25 ms for its last lines. The file
 * is read in one go once find exits, and removed.
 */
export function startStatAhead(root: string, folders: readonly string[], platform = process.platform, outFile?: string): StatAhead | null {
  if (platform !== 'linux' || folders.length === 0 || folders.length > MAX_FOLDERS) return null;
  // "./" keeps a folder named like an option from being read as one, and is cut from each path.
  const starts = folders.map((f) => (f === '' ? '.' : `./${f}`));
  if (starts.reduce((n, s) => n + s.length + 1, 0) > MAX_ARG_CHARS) return null;
  // The system's find by its absolute path, never one the blog's folder holds (see program-path.ts).
  const find = process.env.POSTWRIGHT_STAT_AHEAD === '0' ? null : programPath('find');
  if (!find) return null;
  const format = '%s %T@ %p\\0';
  let child: ChildProcess;
  try {
    // Loaded here, not with the bundle: a cold run or another command never pays for it (~3 ms).
    const { spawn } = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
    const action = outFile ? ['-fprintf', outFile, format] : ['-printf', format];
    child = spawn(find, ['-H', ...starts, '-mindepth', '1', '-maxdepth', '1', ...action], {
      cwd: root,
      stdio: ['ignore', outFile ? 'ignore' : 'pipe', 'ignore'],
      env: { ...process.env, LC_ALL: 'C' },
      windowsHide: true,
    });
  } catch {
    return null;
  }
  const stamps = new Map<string, FileStamp>();
  const removeOut = () => {
    if (outFile) rmSync(outFile, { force: true });
  };
  let done: Promise<Map<string, FileStamp> | null>;
  if (outFile) {
    done = new Promise((resolve) => {
      child.on('error', () => resolve(null));
      // Whatever the exit code (a folder gone, one unreadable), each complete line is an answer.
      child.on('close', () => {
        try {
          parseWholeLines(readFileSync(outFile), stamps);
        } catch {
          // No file (find could not create it): every file is stat'ed by the caller.
        }
        removeOut();
        resolve(stamps.size ? stamps : null);
        sweepStale(path.dirname(outFile), path.basename(outFile));
      });
    });
  } else {
    // Lines are parsed as they come, in the turns this thread has free while find still works.
    let rest: Buffer | null = null;
    done = new Promise((resolve) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        rest = parseWholeLines(rest ? Buffer.concat([rest, chunk]) : chunk, stamps);
      });
      child.on('error', () => resolve(null));
      child.on('close', () => resolve(stamps.size ? stamps : null));
    });
  }
  return {
    result: () => done,
    cancel: () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.once('close', removeOut);
      child.kill();
    },
  };
}

/** Parses the complete lines of `bytes` into `stamps`; returns what follows the last one (a line cut short), if anything. */
function parseWholeLines(bytes: Buffer, stamps: Map<string, FileStamp>): Buffer | null {
  const last = bytes.lastIndexOf(0);
  if (last >= 0) parseFindOutput(bytes.toString('utf8', 0, last + 1), stamps);
  return last + 1 < bytes.length ? bytes.subarray(last + 1) : null;
}

/** A stat file older than this was left by a run that was stopped (Ctrl+C, a crash): removed by the next. */
const STALE_MS = 60 * 60 * 1000;

/** Removes other runs' stat files left behind in `dir`, once they are an hour old. Never throws. */
export function sweepStale(dir: string, own: string, now = Date.now()): void {
  try {
    for (const name of readdirSync(dir)) {
      if (name === own || !name.startsWith('stat-ahead-') || !name.endsWith('.tmp')) continue;
      const file = path.join(dir, name);
      const st = lstatSync(file, { throwIfNoEntry: false });
      if (st?.isFile() && now - st.mtimeMs > STALE_MS) rmSync(file, { force: true });
    }
  } catch {
    // Only tidying: an unreadable folder is left as it is.
  }
}

/**
 * `find -printf '%s %T@ %p\0'` output (whole lines) → path → stamp, added to `stamps`. A line
 * that does not parse is left out, so that file is stat'ed by the caller.
 */
export function parseFindOutput(text: string, stamps = new Map<string, FileStamp>()): Map<string, FileStamp> {
  let at = 0;
  for (let end = text.indexOf('\0'); end >= 0; at = end + 1, end = text.indexOf('\0', at)) {
    const space1 = text.indexOf(' ', at);
    const space2 = space1 < 0 ? -1 : text.indexOf(' ', space1 + 1);
    if (space2 < 0 || space2 >= end) continue;
    const size = digitsValue(text, at, space1);
    const mtimeMs = findTimeMs(text, space1 + 1, space2);
    if (size === null || mtimeMs === null) continue;
    // Every start is `./…`: the path is what follows, cut out once.
    if (end > space2 + 3 && text.startsWith('./', space2 + 1)) stamps.set(text.slice(space2 + 3, end), { size, mtimeMs });
  }
  return stamps;
}

/** A run of decimal digits as a number; null when empty, not all digits, or past exact integers. */
function digitsValue(text: string, from: number, to: number): number | null {
  if (to <= from || to - from > 15) return null;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    n = n * 10 + d;
  }
  return n;
}

/**
 * `%T@` (seconds, a point, the fraction: GNU prints nanoseconds and a tenth digit) → milliseconds
 * computed as Node computes `mtimeMs` from the same two integers, so the doubles are equal.
 * Times before 1970 are left to `lstat`.
 */
function findTimeMs(text: string, from: number, to: number): number | null {
  const point = text.indexOf('.', from);
  const secEnd = point >= 0 && point < to ? point : to;
  const sec = digitsValue(text, from, secEnd);
  if (sec === null) return null;
  let nsec = 0;
  for (let i = secEnd + 1, place = 0; i < to; i++, place++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    if (place < 9) nsec = nsec * 10 + d;
    else if (d !== 0) return null;
  }
  // Fewer than nine digits: scale up to nanoseconds.
  for (let place = Math.max(0, to - secEnd - 1); place < 9; place++) nsec *= 10;
  return sec * 1000 + nsec / 1e6;
}
