/**
 * Watches a site folder for changes made outside the app (another editor, git, a sync tool).
 *
 * Only post files and `_config.yml` matter; build output, dependencies, git internals and our
 * own temp files are ignored so a `jekyll build` or `npm install` next door stays cheap.
 */
import { watch, type FSWatcher } from 'chokidar';
import path from 'node:path';

export type WatchKind = 'added' | 'changed' | 'removed';

const IGNORED_DIRS = new Set(['.git', 'node_modules', '_site', '.jekyll-cache', '.sass-cache', 'vendor', '.bundle']);

/** `onChange` for posts, `_config.yml` and includes; `onFilesChanged` when any file is added or removed. */
export function watchSite(root: string, onChange: (rel: string, kind: WatchKind) => void, onFilesChanged?: () => void): { ready: Promise<void>; close(): Promise<void> } {
  const watcher: FSWatcher = watch(root, {
    ignoreInitial: true,
    followSymlinks: false,
    // Another editor may write in place (truncate, then write): wait until the size settles so
    // we never read half a file.
    awaitWriteFinish: { stabilityThreshold: 120, pollInterval: 40 },
    ignored: (p: string) => {
      const rel = path.relative(root, p);
      if (!rel) return false;
      const parts = rel.split(path.sep);
      if (parts.some((part) => IGNORED_DIRS.has(part))) return true;
      const base = parts[parts.length - 1];
      return /\.postwright-[0-9a-f]+\.tmp$/.test(base);
    },
  });
  const report = (kind: WatchKind) => (p: string) => {
    if (kind !== 'changed') onFilesChanged?.();
    const rel = path.relative(root, p).split(path.sep).join('/');
    if (rel === '_config.yml' || rel.includes('_posts/') || rel.includes('_drafts/') || rel.startsWith('_includes/')) onChange(rel, kind);
  };
  watcher.on('add', report('added')).on('change', report('changed')).on('unlink', report('removed'));
  watcher.on('error', () => undefined);
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return { ready, close: () => watcher.close() };
}
