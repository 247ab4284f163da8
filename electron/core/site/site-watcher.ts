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

export interface SiteWatcher {
  /** Resolves once the first scan is done: from then on every change is reported. */
  ready: Promise<void>;
  /** Post and draft files the watcher saw (site-relative), to compare with the index once ready. */
  postFiles(): string[];
  close(): Promise<void>;
}

const isPostPath = (rel: string) => rel.includes('_posts/') || rel.includes('_drafts/');

/**
 * `onChange` for posts, `_config.yml` and includes; `onFilesChanged` when any file is added or removed.
 * Changes made before `ready` to files the scan had not reached yet are not reported: the caller
 * compares `postFiles()` and the files' stats with what it read (site-session.ts).
 */
export function watchSite(root: string, onChange: (rel: string, kind: WatchKind) => void, onFilesChanged?: () => void): SiteWatcher {
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
    if (rel === '_config.yml' || isPostPath(rel) || rel.startsWith('_includes/')) onChange(rel, kind);
  };
  watcher.on('add', report('added')).on('change', report('changed')).on('unlink', report('removed'));
  watcher.on('error', () => undefined);
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  const postFiles = (): string[] => {
    const out: string[] = [];
    const watched = watcher.getWatched();
    for (const [dir, names] of Object.entries(watched)) {
      const relDir = path.relative(root, dir).split(path.sep).join('/');
      if (!isPostPath(`${relDir}/`)) continue;
      // Folders are listed too: they are told apart by the entries watched in them (an empty one is harmless).
      for (const name of names) if (!watched[path.join(dir, name)]?.length) out.push(relDir ? `${relDir}/${name}` : name);
    }
    return out;
  };
  return { ready, postFiles, close: () => watcher.close() };
}
