/**
 * Watches a site folder for changes made outside the app (another editor, git, a sync tool).
 *
 * Only post files and `_config.yml` matter; build output, dependencies, git internals and our
 * own temp files are ignored so a `jekyll build` or `npm install` next door stays cheap.
 *
 * One watch per folder, not per file: a folder's watch reports changes to the files in it, so the
 * first scan is a `readdir` of each folder (no stat per file). A watcher that watched and stat'ed
 * each of 10,000 post files held the event loop for 100–400 ms at a time while it started.
 */
import { watch, type FSWatcher } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';

export type WatchKind = 'added' | 'changed' | 'removed';

const IGNORED_DIRS = new Set(['.git', 'node_modules', '_site', '.jekyll-cache', '.sass-cache', 'vendor', '.bundle']);
const TEMP_FILE = /\.postwright-[0-9a-f]+\.tmp$/;
/** Another editor may write in place (truncate, then write): a file is read once it has been quiet this long. */
const SETTLE_MS = 120;

export interface SiteWatcher {
  /** Resolves once the first scan is done: from then on every change is reported. */
  ready: Promise<void>;
  /** Post and draft files the watcher saw (site-relative), to compare with the index once ready. */
  postFiles(): string[];
  close(): Promise<void>;
}

const isPostPath = (rel: string) => rel.includes('_posts/') || rel.includes('_drafts/');

interface Folder {
  watcher: FSWatcher | null;
  files: Set<string>;
  dirs: Set<string>;
}

/**
 * `onChange` for posts, `_config.yml` and includes; `onFilesChanged` when any file is added or removed.
 * Changes made before `ready` to files the scan had not reached yet are not reported: the caller
 * compares `postFiles()` and the files' stats with what it read (site-session.ts).
 */
export function watchSite(root: string, onChange: (rel: string, kind: WatchKind) => void, onFilesChanged?: () => void): SiteWatcher {
  /** Watched folders by site-relative path ('' is the root), '/'-separated. */
  const folders = new Map<string, Folder>();
  const pending = new Map<string, NodeJS.Timeout>();
  let closed = false;

  const join = (dir: string, name: string) => (dir ? `${dir}/${name}` : name);
  const absOf = (rel: string) => (rel ? path.join(root, ...rel.split('/')) : root);

  const report = (rel: string, kind: WatchKind) => {
    if (closed) return;
    if (kind !== 'changed') onFilesChanged?.();
    if (rel === '_config.yml' || isPostPath(rel) || rel.startsWith('_includes/')) onChange(rel, kind);
  };

  /** Watches a folder and everything under it; `announce` reports its files as added (a folder that appeared later). */
  async function addFolder(rel: string, announce: boolean): Promise<void> {
    if (closed || folders.has(rel)) return;
    const folder: Folder = { watcher: null, files: new Set(), dirs: new Set() };
    folders.set(rel, folder);
    try {
      folder.watcher = watch(absOf(rel), { persistent: true }, (_type, name) => {
        if (name) changed(rel, String(name));
        else void rescan(rel);
      });
      folder.watcher.on('error', () => dropFolder(rel, false));
    } catch {
      // Cannot watch (gone, or out of watches): its files are still compared once by the session.
    }
    let entries;
    try {
      entries = await readdir(absOf(rel), { withFileTypes: true });
    } catch {
      return;
    }
    const subfolders: string[] = [];
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (IGNORED_DIRS.has(entry.name)) continue;
        folder.dirs.add(entry.name);
        subfolders.push(join(rel, entry.name));
      } else if ((entry.isFile() || entry.isSymbolicLink()) && !TEMP_FILE.test(entry.name)) {
        // A link is reported as a file and never followed (no loops, nothing outside the site).
        folder.files.add(entry.name);
        if (announce) report(join(rel, entry.name), 'added');
      }
    }
    for (const sub of subfolders) await addFolder(sub, announce);
  }

  /** Stops watching a folder (and what is under it); `announce` reports its files as removed. */
  function dropFolder(rel: string, announce: boolean): void {
    const folder = folders.get(rel);
    if (!folder) return;
    folders.delete(rel);
    folder.watcher?.close();
    for (const name of folder.files) if (announce) report(join(rel, name), 'removed');
    for (const name of folder.dirs) dropFolder(join(rel, name), announce);
  }

  /** Something happened to `name` in folder `dir`: looked at once it has been quiet for SETTLE_MS. */
  function changed(dir: string, name: string): void {
    if (closed || IGNORED_DIRS.has(name) || TEMP_FILE.test(name)) return;
    const rel = join(dir, name);
    clearTimeout(pending.get(rel));
    pending.set(
      rel,
      setTimeout(() => {
        pending.delete(rel);
        void settle(dir, name).catch(() => undefined);
      }, SETTLE_MS),
    );
  }

  async function settle(dir: string, name: string): Promise<void> {
    const folder = folders.get(dir);
    if (!folder || closed) return;
    const rel = join(dir, name);
    const info = await lstat(absOf(rel)).catch(() => null);
    if (closed || folders.get(dir) !== folder) return;
    if (info?.isDirectory()) {
      if (folder.files.delete(name)) report(rel, 'removed');
      if (!folder.dirs.has(name)) {
        folder.dirs.add(name);
        await addFolder(rel, true);
      }
    } else if (info?.isFile() || info?.isSymbolicLink()) {
      if (folder.dirs.delete(name)) dropFolder(rel, true);
      if (folder.files.has(name)) report(rel, 'changed');
      else {
        folder.files.add(name);
        report(rel, 'added');
      }
    } else {
      if (folder.files.delete(name)) report(rel, 'removed');
      if (folder.dirs.delete(name)) dropFolder(rel, true);
    }
  }

  /** The folder's watch gave no name: compare its entries with what we know. */
  async function rescan(dir: string): Promise<void> {
    const folder = folders.get(dir);
    if (!folder) return;
    const entries = await readdir(absOf(dir)).catch(() => [] as string[]);
    const names = new Set([...entries, ...folder.files, ...folder.dirs]);
    for (const name of names) changed(dir, name);
  }

  const ready = addFolder('', false);

  const postFiles = (): string[] => {
    const out: string[] = [];
    for (const [dir, folder] of folders) {
      if (!isPostPath(`${dir}/`)) continue;
      for (const name of folder.files) out.push(join(dir, name));
    }
    return out;
  };

  return {
    ready,
    postFiles,
    async close() {
      closed = true;
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
      for (const folder of folders.values()) folder.watcher?.close();
      folders.clear();
    },
  };
}
