/**
 * File moves and creations that never overwrite another file.
 *
 * `link` fails when the target exists, so link-then-unlink is a move that cannot clobber; a new
 * file is written to a temp name first and linked into place, so it is never seen half-written.
 */
import { copyFile, constants, link, mkdir, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { SourceError } from '../../../shared/source-error';
import { writeFileAtomic } from '../store/atomic-write';

function exists(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'EEXIST';
}

/** Moves `from` to `to`; refuses when `to` exists. */
export async function moveNoOverwrite(from: string, to: string): Promise<void> {
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
  await unlink(from);
}

/** Creates `file` with `text`; refuses when it exists. */
export async function writeNewFile(file: string, text: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.postwright-${randomBytes(6).toString('hex')}.tmp`);
  await writeFileAtomic(temp, text);
  try {
    await link(temp, file);
  } catch (error) {
    if (exists(error)) throw new SourceError('exists', `${path.basename(file)} already exists; nothing was written`);
    throw error;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
