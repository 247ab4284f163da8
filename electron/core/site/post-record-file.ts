/**
 * One post file → its index entry (record plus what the cache needs to validate and refresh it).
 */
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { computePost, type PostResult } from '../../../shared/jekyll/post-data';
import { fileNameParts, titleizeSlug } from '../../../shared/jekyll/file-names';
import type { PostRecord, SiteConfig } from '../../../shared/jekyll/site-types';
import { SourceError } from '../../../shared/source-error';
import { readPostFileSync, type PostFileWithStat } from '../store/post-file';
import type { ScanEntry } from './scan-site';

export interface IndexedPost {
  record: PostRecord;
  size: number;
  mtimeMs: number;
  /** `published` as the front matter says, before the future-date rule (which depends on "now"). */
  markedPublished: boolean;
  /** Instant of the date, for re-checking "in the future" without re-reading. */
  epochMs: number | null;
}

function placeholder(entry: ScanEntry, extra: Partial<PostRecord>): PostRecord {
  const parts = fileNameParts(entry.path);
  const slug = parts?.slug ?? path.posix.basename(entry.path);
  return { path: entry.path, draft: entry.draft, title: titleizeSlug(slug), date: null, slug, categories: [], tags: [], published: false, layout: null, url: '', ...extra };
}

/** Whether Jekyll publishes a post marked `markedPublished` dated `epochMs`, at `now`. */
export function isPublished(markedPublished: boolean, epochMs: number | null, config: SiteConfig, now: number): boolean {
  return markedPublished && (config.future || epochMs === null || epochMs <= now);
}

export type IndexedPostFile = IndexedPost & { result?: PostResult; text?: string };

/**
 * Reads and computes one post; never throws for bad content. Synchronous, for the indexer's
 * batches (see readPostFileSync); a single post reads just as well this way.
 */
export function indexPostFileSync(root: string, entry: ScanEntry, config: SiteConfig, now: number): IndexedPostFile {
  const abs = path.join(root, ...entry.path.split('/'));
  if (entry.skipped) {
    const st = lstatSync(abs);
    return computeIndexed(entry, config, now, { size: st.size, mtimeMs: st.mtimeMs }, null);
  }
  let file: PostFileWithStat | SourceError;
  try {
    file = readPostFileSync(abs);
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    file = error;
  }
  const st = file instanceof SourceError ? lstatSync(abs) : file;
  return computeIndexed(entry, config, now, { size: st.size, mtimeMs: st.mtimeMs }, file);
}

function computeIndexed(
  entry: ScanEntry,
  config: SiteConfig,
  now: number,
  st: { size: number; mtimeMs: number },
  file: { text: string } | SourceError | null,
): IndexedPostFile {
  const base = { size: st.size, mtimeMs: st.mtimeMs, markedPublished: false, epochMs: null };
  if (entry.skipped || file === null) return { ...base, record: placeholder(entry, { skipped: entry.skipped }) };
  if (file instanceof SourceError) {
    const where = file.line ? `${file.line}:${file.col}: ` : '';
    const skipped = file.code === 'invalid-utf8' ? 'not valid UTF-8 (Jekyll skips it)' : undefined;
    return { ...base, record: placeholder(entry, { error: `${where}${file.message}`, ...(skipped ? { skipped } : {}) }) };
  }
  const result = computePost({ path: entry.path, text: file.text, draft: entry.draft, config, now, mtimeMs: st.mtimeMs });
  const markedPublished = !(result.data?.published === false);
  const epochMs = result.record.date ? Date.parse(result.record.date) : null;
  return { ...base, record: result.record, markedPublished, epochMs, result, text: file.text };
}

/** A cached entry refreshed for a new "now" (future posts become published as time passes). */
export function refreshForNow(post: IndexedPost, config: SiteConfig, now: number): IndexedPost {
  if (post.record.skipped || post.record.error) return post;
  const published = isPublished(post.markedPublished, post.epochMs, config, now);
  if (published === post.record.published) return post;
  return { ...post, record: { ...post.record, published } };
}
