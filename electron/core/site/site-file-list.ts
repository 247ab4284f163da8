/**
 * Every file of a site that a link or image could point at, for the reference checks: the
 * whole tree except build output, caches, dependencies and hidden folders.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

const SKIP = new Set(['_site', 'node_modules', '.git', '.jekyll-cache', '.sass-cache', '.bundle']);
const LIMIT = 200_000;

/** Site-relative, `/`-separated paths (symlinked files count; symlinked folders are not followed). */
export async function listSiteFiles(root: string): Promise<Set<string>> {
  const out = new Set<string>();
  const walk = async (dir: string, rel: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const folders: Promise<void>[] = [];
    for (const e of entries) {
      if (out.size >= LIMIT || SKIP.has(e.name) || (e.name.startsWith('.') && e.isDirectory())) continue;
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (childRel !== 'vendor/bundle') folders.push(walk(path.join(dir, e.name), childRel));
      } else out.add(childRel);
    }
    await Promise.all(folders);
  };
  await walk(root, '');
  return out;
}
