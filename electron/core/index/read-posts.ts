/**
 * Reads and computes a list of post files into index entries: the work the indexer shares
 * between the main thread and a worker thread.
 */
import type { SiteConfig } from '../../../shared/jekyll/site-types';
import { indexPostFileSync, type IndexedPost } from '../site/post-record-file';
import type { ScanEntry } from '../site/scan-site';

/** One entry read into the index; null when the file is gone since the scan. */
export function readIndexEntry(root: string, entry: ScanEntry, config: SiteConfig, now: number): IndexedPost | null {
  try {
    const { record, size, mtimeMs, markedPublished, epochMs } = indexPostFileSync(root, entry, config, now, true);
    return { record, size, mtimeMs, markedPublished, epochMs };
  } catch (error) {
    // Deleted between the scan and the read: it is simply not there any more.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
