/**
 * Atomic file replacement: a crash or a full disk leaves either the old file or the new one.
 *
 * The new bytes go to a temp file in the same folder (same file system, so `rename` is atomic),
 * are flushed with fsync, take the old file's mode, and replace it by rename; the folder is then
 * synced so the rename itself survives a power cut. `beforeRename` runs when the new bytes are
 * safely on disk, just before the rename: a checked write re-reads the version there, so the
 * window for an outside change is as small as it can be; if it throws, the temp file is removed.
 * Temp names match `.NAME.postwright-HEX.tmp` (sync never stages them, opening a site removes stale ones).
 */
import { open, rename, stat, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/** `.post.md.postwright-0123456789ab.tmp` and the like: a temp file of ours (a glob for git is below). */
export const TEMP_FILE_PATTERN = /^\..*\.postwright-[0-9a-f]{12}\.tmp$/;
/** The same names for git's pathspecs and info/exclude. */
export const TEMP_FILE_GLOB = '.*.postwright-*.tmp';

/** A temp name next to `file`. */
export function tempNameFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.postwright-${randomBytes(6).toString('hex')}.tmp`);
}

/** Writes `data` to a new temp file next to `file`, flushed to disk with `mode`; returns its path. */
export async function writeTemp(file: string, data: string | Uint8Array, mode = 0o644): Promise<string> {
  const temp = tempNameFor(file);
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(data);
    await handle.chmod(mode);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return temp;
}

export async function writeFileAtomic(file: string, data: string | Uint8Array, options: { beforeRename?: () => Promise<void> } = {}): Promise<void> {
  const dir = path.dirname(file);
  let mode = 0o644;
  try {
    mode = (await stat(file)).mode & 0o7777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const temp = await writeTemp(file, data, mode);
  try {
    await options.beforeRename?.();
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDir(dir);
}

/** Flushes a folder's entries (a rename or link in it) to disk. */
export async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some platforms (Windows) cannot open or sync a folder; the rename is still atomic there.
  }
}
