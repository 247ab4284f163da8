/**
 * The layouts and includes of a site and its gem theme for the "Blog look" preview, cached per
 * site and re-read when any of their files changes.
 */
import path from 'node:path';
import type { PreviewLayout, PreviewTheme } from '../../../shared/api/contract';
import { findTheme, installHint } from './find-theme';
import { readLayouts, readTemplates, stampOf } from './theme-files';

const cache = new Map<string, PreviewTheme>();

/** Folders whose files the preview's look depends on. */
export function themeDirs(root: string, themeRoot: string | null): string[] {
  const dirs = [path.join(root, '_layouts'), path.join(root, '_includes')];
  if (themeRoot) dirs.push(path.join(themeRoot, '_layouts'), path.join(themeRoot, '_includes'));
  return dirs;
}

/** Site layouts over theme layouts, theme includes, and what to say when the theme is missing. */
export async function loadPreviewTheme(root: string, config: Record<string, unknown>): Promise<PreviewTheme> {
  const lookup = await findTheme(root, config);
  const stamp = await stampOf(themeDirs(root, lookup.root), [path.join(root, '_config.yml')]);
  const key = `${root}\u0000${lookup.name ?? ''}`;
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) return hit;
  const layouts: Record<string, PreviewLayout> = {};
  if (lookup.root) await readLayouts(path.join(lookup.root, '_layouts'), 'theme', layouts);
  await readLayouts(path.join(root, '_layouts'), 'site', layouts);
  const theme: PreviewTheme = {
    theme: { name: lookup.name, found: lookup.root !== null, how: lookup.how, hint: lookup.root ? '' : installHint(lookup) },
    layouts,
    includes: lookup.root ? await readTemplates(path.join(lookup.root, '_includes')) : {},
    stamp,
  };
  cache.set(key, theme);
  return theme;
}
