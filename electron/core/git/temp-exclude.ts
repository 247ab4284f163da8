/**
 * Keeps Postwright's temp files out of git: their pattern goes into the repository's
 * `info/exclude` (local to this clone, never committed), so `git add --all` in a sync never
 * stages a temp file a killed save left behind, and `git status` does not list them.
 */
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { TEMP_FILE_GLOB } from '../store/atomic-write';
import { runGit } from './run-git';

const LINE = `${TEMP_FILE_GLOB}`;

/** Adds the temp-file pattern to `info/exclude`; false when the folder is no repository or it cannot be written. */
export async function excludeTempFiles(root: string): Promise<boolean> {
  const out = await runGit(root, ['rev-parse', '--path-format=absolute', '--git-path', 'info/exclude']).catch(() => null);
  if (!out || out.code !== 0) return false;
  const file = out.stdout.trim();
  if (!path.isAbsolute(file)) return false;
  try {
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    if (text.split(/\r?\n/).includes(LINE)) return true;
    await mkdir(path.dirname(file), { recursive: true });
    const prefix = text === '' || text.endsWith('\n') ? '' : '\n';
    await appendFile(file, `${prefix}# Postwright's temp files (a save killed midway can leave one)\n${LINE}\n`);
    return true;
  } catch {
    return false;
  }
}
