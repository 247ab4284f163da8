/**
 * The one checked write every writer uses (save, batch, lifecycle, undo, conflict resolution, CLI).
 *
 * Under the file's lock (shared with every other Postwright process) it confines the real target
 * to the site, compares the file's version with the one the caller read, and re-reads it once
 * more when the new bytes are on disk, just before the rename. A mismatch is reported as a
 * conflict and nothing is overwritten. A symlinked post is written through to its target (the
 * link stays a link) only while that target is inside the site.
 */
import { readFileSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { SourceError } from '../../../shared/source-error';
import { writeFileAtomic } from './atomic-write';
import { realTargetInSite } from './confine';
import { withFileLock, withFileLocks } from './file-lock';
import { versionOf } from './post-file';
import { moveNoOverwrite, writeNewFile } from '../lifecycle/safe-move';

/** The version of a file that does not exist. */
export const ABSENT = '';

export interface DiskState {
  bytes: Buffer | null;
  version: string;
}

export type CheckedWrite = { status: 'written' | 'unchanged'; version: string } | { status: 'conflict'; disk: Buffer | null; diskVersion: string };

/**
 * A file's bytes and version now; `ABSENT` when it does not exist. Read synchronously: a post is a
 * few KB (at most MAX_POST_BYTES), and the four thread-pool turns of an async read are what a save
 * waited on while a site check kept the other threads busy.
 */
export async function readCurrent(abs: string): Promise<DiskState> {
  try {
    const bytes = readFileSync(abs);
    return { bytes, version: versionOf(bytes) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { bytes: null, version: ABSENT };
    throw error;
  }
}

/** Thrown inside a write when the file changed; carries what is on disk now. */
export class ChangedOnDisk extends SourceError {
  constructor(
    readonly fileName: string,
    readonly disk: DiskState,
  ) {
    super('conflict', `${fileName} changed on disk while it was being written; nothing was written`);
  }
}

/**
 * Replaces `abs` (inside `root`) with `data` if its version is still `expected` (`ABSENT`: the
 * file must not exist, and it is created without ever overwriting).
 */
export async function replaceChecked(root: string, abs: string, data: string | Uint8Array, expected: string): Promise<CheckedWrite> {
  return withFileLock(abs, async () => {
    const target = await realTargetInSite(root, abs);
    const before = await readCurrent(target);
    if (before.version !== expected) return { status: 'conflict', disk: before.bytes, diskVersion: before.version };
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const version = versionOf(bytes);
    if (before.bytes && version === before.version && Buffer.compare(before.bytes, bytes) === 0) return { status: 'unchanged', version };
    try {
      if (expected === ABSENT) await writeNewFile(target, bytes);
      else {
        await writeFileAtomic(target, bytes, {
          beforeRename: async () => {
            const now = await readCurrent(target);
            if (now.version !== expected) throw new ChangedOnDisk(abs, now);
          },
        });
      }
    } catch (error) {
      if (error instanceof ChangedOnDisk) return { status: 'conflict', disk: error.disk.bytes, diskVersion: error.disk.version };
      if (error instanceof SourceError && error.code === 'exists') {
        const now = await readCurrent(target);
        return { status: 'conflict', disk: now.bytes, diskVersion: now.version };
      }
      throw error;
    }
    return { status: 'written', version };
  });
}

/** Like replaceChecked, but a conflict throws (for operations that must stop there). */
export async function replaceOrThrow(root: string, abs: string, data: string | Uint8Array, expected: string, name = abs): Promise<string> {
  const result = await replaceChecked(root, abs, data, expected);
  if (result.status === 'conflict') throw new ChangedOnDisk(name, { bytes: result.disk, version: result.diskVersion });
  return result.version;
}

/** Creates `abs` (inside `root`); refuses with SourceError 'exists' when anything is there. */
export async function createChecked(root: string, abs: string, data: string | Uint8Array): Promise<string> {
  return withFileLock(abs, async () => {
    const target = await realTargetInSite(root, abs);
    await writeNewFile(target, data);
    return versionOf(data);
  });
}

/** Moves `from` to `to` (both inside `root`) keeping every byte, if `from` still has version `expected`. */
export async function moveChecked(root: string, from: string, to: string, expected: string, name = from): Promise<void> {
  await withFileLocks([from, to], async () => {
    await realTargetInSite(root, from);
    await realTargetInSite(root, to);
    await moveNoOverwrite(from, to, expected === ABSENT ? undefined : { expected, name });
  });
}

/** Removes `abs` (inside `root`) if it still has version `expected`. */
export async function removeChecked(root: string, abs: string, expected: string, name = abs): Promise<void> {
  await withFileLock(abs, async () => {
    await realTargetInSite(root, abs);
    const now = await readCurrent(abs);
    if (now.version !== expected) throw new ChangedOnDisk(name, now);
    await unlink(abs);
  });
}
