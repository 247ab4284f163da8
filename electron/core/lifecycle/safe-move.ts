/**
 * File moves and creations that never overwrite another file.
 *
 * `link` fails when the target exists, so link-then-unlink is a move that cannot clobber; a new
 * file is written to a temp name first and linked into place, so it is never seen half-written.
 * Both take the files' locks (shared with the CLI), and a move can re-check the source's version
 * after the link and before the unlink, so a change made meanwhile is never thrown away.
 */
import { copyFile, constants, link, mkdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { SourceError } from '../../../shared/source-error';
import { syncDir, writeTemp } from '../store/atomic-write';
import { withFileLock, withFileLocks } from '../store/file-lock';
import { versionOf } from '../store/post-file';

function exists(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'EEXIST';
}

/** Moves `from` to `to` keeping every byte; refuses when `to` exists, or when `from` no longer has version `check.expected`. */
export async function moveNoOverwrite(from: string, to: string, check?: { expected: string; name: string }): Promise<void> {
  await withFileLocks([from, to], async () => {
    await mkdir(path.dirname(to), { recursive: true });
    try {
      await link(from, to);
    } catch (error) {
      if (exists(error)) throw new SourceError('exists', `${path.basename(to)} already exists; nothing was moved`);
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP') throw error;
      try {
        await copyFile(from, to, constants.COPYFILE_EXCL);
      } catch (copyError) {
        if (exists(copyError)) throw new SourceError('exists', `${path.basename(to)} already exists; nothing was moved`);
        throw copyError;
      }
    }
    if (check) {
      const now = await readFile(from).then(versionOf, () => '');
      const moved = await readFile(to).then(versionOf, () => '');
      if (now !== check.expected || moved !== check.expected) {
        await unlink(to).catch(() => undefined);
        throw new SourceError('conflict', `${check.name} changed on disk while it was being moved; nothing was moved`);
      }
    }
    await unlink(from);
  });
}

/** Creates `file` with `text`; refuses when it exists. */
export async function writeNewFile(file: string, text: string | Uint8Array): Promise<void> {
  await withFileLock(file, async () => {
    await mkdir(path.dirname(file), { recursive: true });
    const temp = await writeTemp(file, text);
    try {
      await link(temp, file);
      await syncDir(path.dirname(file));
    } catch (error) {
      if (exists(error)) throw new SourceError('exists', `${path.basename(file)} already exists; nothing was written`);
      throw error;
    } finally {
      await unlink(temp).catch(() => undefined);
    }
  });
}
