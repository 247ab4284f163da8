/**
 * Layout names a post can choose: the site's `_layouts/` plus its gem theme's, as Jekyll merges them.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { findTheme } from './find-theme';

/** Files under `dir` (relative, `/`-separated), skipping dot entries; at most `limit`. */
export async function listFiles(dir: string, limit = 500, prefix = '', out: string[] = []): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (out.length >= limit || entry.name.startsWith('.')) continue;
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) await listFiles(path.join(dir, entry.name), limit, rel, out);
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

/** A layout's name from its file: the relative path without extension (`post`, `blog/post`). */
export function layoutNameOf(rel: string): string {
  return rel.replace(/\.[^./]+$/, '');
}

/**
 * The layout names of a site and its theme, sorted, without duplicates. `config` is the parsed
 * `_config.yml` (`SiteConfig.raw`); a theme that is not installed adds nothing.
 */
export async function themeLayoutNames(root: string, config: Record<string, unknown>): Promise<string[]> {
  const names = new Set((await listFiles(path.join(root, '_layouts'))).map(layoutNameOf));
  const theme = await findTheme(root, config);
  if (theme.root) for (const rel of await listFiles(path.join(theme.root, '_layouts'))) names.add(layoutNameOf(rel));
  return [...names].sort();
}
