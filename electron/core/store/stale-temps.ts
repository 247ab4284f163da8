/**
 * Removes temp files a killed writer left in the site (`.post.md.postwright-HEX.tmp`).
 *
 * A temp file is stale when it is older than a minute or when no live writer holds the lock of
 * the file it was written for; one being written right now by another Postwright process is
 * left alone. Dot folders (`.git`), `_site`, `node_modules` and `vendor` are not searched, and
 * symlinked folders are not followed.
 */
import { readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { TEMP_FILE_PATTERN } from './atomic-write';
import { isLocked } from './file-lock';

const STALE_MS = 60_000;
const SKIP = new Set(['_site', 'node_modules', 'vendor']);
const TEMP_SUFFIX = /\.postwright-[0-9a-f]{12}\.tmp$/;

/** The file a temp file was written for: `.a.md.postwright-0123456789ab.tmp` → `a.md` (nested temps unwrapped). */
export function tempTarget(name: string): string {
  let current = name;
  while (TEMP_FILE_PATTERN.test(current)) current = current.slice(1).replace(TEMP_SUFFIX, '');
  return current;
}

/** Removes the stale temp files under `root`; returns their site paths. */
export async function removeStaleTemps(root: string): Promise<string[]> {
  const removed: string[] = [];
  const walk = async (dir: string, rel: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const abs = path.join(dir, entry.name);
      const entryRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIP.has(entry.name)) await walk(abs, entryRel);
      } else if (entry.isFile() && TEMP_FILE_PATTERN.test(entry.name)) {
        const age = await stat(abs).then((s) => Date.now() - s.mtimeMs, () => -1);
        if (age < 0) continue;
        if (age <= STALE_MS && (await isLocked(path.join(dir, tempTarget(entry.name))))) continue;
        await unlink(abs).then(() => removed.push(entryRel), () => undefined);
      }
    }
  };
  await walk(root, '');
  return removed;
}
