/**
 * Finds every file under `_posts` and `_drafts` the way Jekyll 4's reader walks a site.
 *
 * `_posts`/`_drafts` are looked for in every folder Jekyll visits (so `foo/_posts/bar/x.md` is a
 * post in category `foo`), skipping what its EntryFilter skips. Files Jekyll would not read as
 * posts are still listed, with the reason, so the user learns why a post is missing.
 */
import { lstatSync, readdirSync } from 'node:fs';
import { sliceClock, yieldToLoop } from '../util/batches';
import path from 'node:path';
import type { SiteConfig } from '../../../shared/jekyll/site-types';
import { isDatedPostName, isDraftName, specialEntryReason } from '../../../shared/jekyll/file-names';
import { folderFilter, isExcluded, isIncluded, type FolderFilter } from './entry-filter';

export interface ScanEntry {
  /** Relative to the site root, `/`-separated. */
  path: string;
  draft: boolean;
  /** Why Jekyll will not read it as a post, when it won't. */
  skipped?: string;
}

const SPECIAL_DIR = /^[._#~]/;

/** Why a symbolic link below `_posts`/`_drafts` is not read. */
export const SYMLINK_REASON = 'a symbolic link (Postwright does not follow links)';

/**
 * A classification known from before (the index cache, for the same config), or undefined to
 * classify the file now: a warm open of 10,000 posts skips 10,000 pattern checks.
 */
export type KnownEntry = (full: string, symlink: boolean) => ScanEntry | undefined;

/** Times the scan's synchronous listings, so a site with thousands of folders still yields to the loop. */
let scanClock = sliceClock();

/**
 * A folder's entries, and its mtime when `dirs` collects them (taken before the listing, so a
 * change in between shows as a newer mtime next time). Listed synchronously, like the indexer's
 * reads: a listing is short, and two thread-pool round trips per folder cost more than the work.
 */
async function listDir(abs: string, rel?: string, dirs?: FolderStamps) {
  if (scanClock.due()) {
    await yieldToLoop();
    scanClock.reset();
  }
  try {
    if (dirs && rel !== undefined) dirs.push([rel, lstatSync(abs).mtimeMs]);
    return readdirSync(abs, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EACCES') return [];
    throw error;
  }
}

/** Folders a scan listed, as `[site-relative path, mtimeMs]`: while none changes, neither does the list of files. */
export type FolderStamps = [string, number][];

/** Every file below `abs` (not following symlinked folders), relative to it. */
async function walkFiles(abs: string, prefix = '', rel?: string, dirs?: FolderStamps): Promise<{ rel: string; symlink: boolean }[]> {
  const out: { rel: string; symlink: boolean }[] = [];
  const entries = await listDir(abs, rel, dirs);
  const folders: Promise<{ rel: string; symlink: boolean }[]>[] = [];
  // A plain loop: no promise per file, only per folder.
  for (const entry of entries) {
    const below = prefix ? `${prefix}/${entry.name}` : entry.name;
    // Ruby's Dir["**/*"] does not list dot entries.
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) folders.push(walkFiles(path.join(abs, entry.name), below, rel === undefined ? undefined : `${rel}/${entry.name}`, dirs));
    else if (entry.isFile()) out.push({ rel: below, symlink: false });
    else if (entry.isSymbolicLink()) out.push({ rel: below, symlink: true });
  }
  for (const files of await Promise.all(folders)) for (const file of files) out.push(file);
  return out;
}

/** Classifies one file below a `_posts`/`_drafts` folder: `rel` is the path below that folder. */
function classify(filter: FolderFilter, full: string, rel: string, draft: boolean, symlink: boolean): ScanEntry {
  const entry: ScanEntry = { path: full, draft };
  const included = filter.included(full);
  if (filter.excluded(full)) entry.skipped = 'excluded by exclude: in _config.yml';
  else if (symlink) entry.skipped = SYMLINK_REASON;
  else if (!included) {
    const special = specialEntryReason(rel);
    if (special) entry.skipped = special;
  }
  if (!entry.skipped && (draft ? !isDraftName(rel) : !isDatedPostName(rel))) {
    entry.skipped = draft ? 'a draft needs a file extension' : 'the file name does not start with a YYYY-MM-DD- date';
  }
  return entry;
}

/** Classifies the files of one `_posts`/`_drafts` folder, yielding to the loop when the scan's slice is due. */
async function postEntries(config: SiteConfig, dirRel: string, magic: '_posts' | '_drafts', files: { rel: string; symlink: boolean }[], known?: KnownEntry): Promise<ScanEntry[]> {
  const prefix = dirRel ? `${dirRel}/${magic}/` : `${magic}/`;
  const filter = folderFilter(config, prefix);
  const out: ScanEntry[] = [];
  for (let i = 0; i < files.length; i++) {
    const { rel, symlink } = files[i];
    const full = prefix + rel;
    out.push(known?.(full, symlink) ?? classify(filter, full, rel, magic === '_drafts', symlink));
    if ((i & 63) === 63 && scanClock.due()) {
      await yieldToLoop();
      scanClock.reset();
    }
  }
  return out;
}

/**
 * The scan entry of one site-relative path, or null when Jekyll would never look at it as a post
 * (not below a `_posts`/`_drafts` folder its reader visits). Used by the watcher and for new files.
 */
export function classifyPostPath(config: SiteConfig, full: string, symlink = false): ScanEntry | null {
  const segments = full.split('/');
  const magicIndex = segments.findIndex((s) => s === '_posts' || s === '_drafts');
  if (magicIndex < 0 || magicIndex === segments.length - 1) return null;
  const above = segments.slice(0, magicIndex);
  for (let i = 0; i < above.length; i++) {
    const dirRel = above.slice(0, i + 1).join('/');
    const name = above[i];
    if (isExcluded(config, dirRel, true)) return null;
    if (!isIncluded(config, dirRel, true) && (SPECIAL_DIR.test(name) || name.endsWith('~'))) return null;
    if (name === '_site' || name === 'node_modules' || name === '.git') return null;
  }
  const dirRel = above.join('/');
  if (config.collectionsDir && !(dirRel === config.collectionsDir || dirRel.startsWith(`${config.collectionsDir}/`))) return null;
  const below = segments.slice(magicIndex + 1);
  if (below.slice(0, -1).some((s) => s.startsWith('.'))) return null;
  const prefix = segments.slice(0, magicIndex + 1).join('/') + '/';
  return classify(folderFilter(config, prefix), full, below.join('/'), segments[magicIndex] === '_drafts', symlink);
}

/** Lists post and draft files of the site at `root`, sorted by path; `dirs` collects the folders listed. */
export async function scanSite(root: string, config: SiteConfig, known?: KnownEntry, dirs?: FolderStamps): Promise<ScanEntry[]> {
  scanClock = sliceClock();
  const found: ScanEntry[] = [];
  const visit = async (dirRel: string): Promise<void> => {
    const abs = dirRel ? path.join(root, ...dirRel.split('/')) : root;
    const inCollections = !config.collectionsDir || dirRel === config.collectionsDir || dirRel.startsWith(`${config.collectionsDir}/`);
    const entries = await listDir(abs, dirRel, dirs);
    const work: Promise<void>[] = [];
    if (inCollections) {
      for (const magic of ['_posts', '_drafts'] as const) {
        if (entries.some((e) => e.name === magic && e.isDirectory())) {
          work.push(
            walkFiles(path.join(abs, magic), '', dirRel ? `${dirRel}/${magic}` : magic, dirs).then(async (files) => {
              found.push(...(await postEntries(config, dirRel, magic, files, known)));
            }),
          );
        }
      }
    }
    for (const entry of entries) {
      if (!entry.isDirectory()) continue;
      const rel = dirRel ? `${dirRel}/${entry.name}` : entry.name;
      const included = isIncluded(config, rel, true);
      if (isExcluded(config, rel, true)) continue;
      if (!included && (SPECIAL_DIR.test(entry.name) || entry.name.endsWith('~'))) continue;
      if (entry.name === '_site' || entry.name === 'node_modules' || entry.name === '.git') continue;
      work.push(visit(rel));
    }
    await Promise.all(work);
  };
  await visit('');
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
