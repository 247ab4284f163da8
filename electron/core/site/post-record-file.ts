/**
 * One post file → its index entry (record plus what the cache needs to validate and refresh it).
 */
import { closeSync, fstatSync, lstatSync, openSync } from 'node:fs';
import { readFully } from '../util/read-fully';
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import { computePost, type PostResult } from '../../../shared/jekyll/post-data';
import { fileNameParts, titleizeSlug } from '../../../shared/jekyll/file-names';
import type { PostRecord, SiteConfig } from '../../../shared/jekyll/site-types';
import { SourceError } from '../../../shared/source-error';
import { splitPost, type PostParts } from '../../../shared/front-matter/split';
import { decodeUtf8, MAX_POST_BYTES } from '../store/post-file';
import type { ScanEntry } from './scan-site';

/** Why a post that is not UTF-8 is skipped: found by reading it, not by the scan. */
export const INVALID_UTF8_REASON = 'not valid UTF-8 (Jekyll skips it)';

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

/**
 * The absolute path of a scanned `/`-separated site path: a plain join where `/` is the
 * separator (scan paths are already clean), which 10,000 stats a warm open makes notice.
 */
export function filePath(root: string, rel: string): string {
  return path.sep === '/' && !root.endsWith('/') ? `${root}/${rel}` : path.join(root, ...rel.split('/'));
}

/** Whether Jekyll publishes a post marked `markedPublished` dated `epochMs`, at `now`. */
export function isPublished(markedPublished: boolean, epochMs: number | null, future: boolean, now: number): boolean {
  return markedPublished && (future || epochMs === null || epochMs <= now);
}

export type IndexedPostFile = IndexedPost & { result?: PostResult; text?: string };

/**
 * Reads and computes one post; never throws for bad content. Synchronous, for the indexer's
 * batches (see readPostFileSync); a single post reads just as well this way.
 */
export function indexPostFileSync(root: string, entry: ScanEntry, config: SiteConfig, now: number, headOnly = false): IndexedPostFile {
  const abs = filePath(root, entry.path);
  if (entry.skipped) {
    const st = lstatSync(abs);
    return computeIndexed(entry, config, now, { size: st.size, mtimeMs: st.mtimeMs }, null);
  }
  let file: { text: string; size: number; mtimeMs: number; parts?: PostParts } | SourceError;
  try {
    file = readTextSync(abs, headOnly);
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    file = error;
  }
  const st = file instanceof SourceError ? lstatSync(abs) : file;
  const indexed = computeIndexed(entry, config, now, { size: st.size, mtimeMs: st.mtimeMs }, file, file instanceof SourceError ? undefined : file.parts);
  // Only the head was decoded: no caller may take it for the whole text.
  if (headOnly) delete indexed.text;
  return indexed;
}

/** One buffer reused for every read: 10,000 posts allocate nothing but their text. */
let scratch = Buffer.allocUnsafe(64 * 1024);

/**
 * A post's text, size and mtime (open, fstat, read, close), strict UTF-8, no hash: the index
 * needs no version, and hashing 40 MB costs more than reading it.
 */
export function readTextSync(abs: string, headOnly = false): { text: string; size: number; mtimeMs: number; parts?: PostParts } {
  const fd = openSync(abs, 'r');
  try {
    const st = fstatSync(fd);
    if (st.size > MAX_POST_BYTES) {
      throw new SourceError('too-large', `the file is ${(st.size / 1048576).toFixed(1)} MB; posts over ${MAX_POST_BYTES / 1048576} MB are not opened`);
    }
    if (scratch.length < st.size) scratch = Buffer.allocUnsafe(Math.max(st.size, scratch.length * 2));
    const read = readFully(fd, scratch, 0, st.size);
    const bytes = scratch.subarray(0, read);
    if (!isUtf8(bytes)) return { text: decodeUtf8(bytes), size: read, mtimeMs: st.mtimeMs };
    const { text, parts } = headOnly ? headText(bytes) : { text: bytes.toString('utf8'), parts: undefined };
    return { text, size: read, mtimeMs: st.mtimeMs, parts };
  } finally {
    closeSync(fd);
  }
}

const HEAD_BYTES = 2048;

/**
 * The head split into front matter and the rest when it gives the same record as the whole text
 * (the closing fence and the white space after it end inside the head; the record needs nothing
 * from the body), else null. Its front matter is the whole text's, which computePost then need
 * not split again.
 */
export function splitHead(head: string): PostParts | null {
  const parts = splitPost(head);
  if (parts.frontMatter === null) return head.startsWith('---', parts.bom.length) ? null : parts;
  return /[^ \t\r\n\f\v]/.test(parts.body) ? parts : null;
}

/**
 * The start of a valid UTF-8 post, enough to split off its front matter exactly as the whole
 * text would (see splitHead), else the whole text. Saves decoding 40 MB for 10,000 posts.
 */
function headText(bytes: Buffer): { text: string; parts?: PostParts } {
  if (bytes.length <= HEAD_BYTES) return { text: bytes.toString('utf8') };
  const head = bytes.toString('utf8', 0, HEAD_BYTES);
  const parts = splitHead(head);
  return parts ? { text: head, parts } : { text: bytes.toString('utf8') };
}

/**
 * The index entry of a post from text read elsewhere (the read worker): the whole text, or a head
 * that is enough; null when the head is not enough and the file must be read whole.
 */
export function indexFromRead(
  entry: ScanEntry,
  config: SiteConfig,
  now: number,
  read: { text: string; complete: boolean; size: number; mtimeMs: number; parts?: PostParts | null },
): IndexedPost | null {
  const parts = read.parts ?? (read.complete ? undefined : splitHead(read.text));
  if (parts === null) return null;
  const indexed = computeIndexed(entry, config, now, read, read, parts);
  return { record: indexed.record, size: indexed.size, mtimeMs: indexed.mtimeMs, markedPublished: indexed.markedPublished, epochMs: indexed.epochMs };
}

/** An entry without a computed post. Plain literals of one shape: 10,000 of them are made on an open. */
function entryOf(record: PostRecord, st: { size: number; mtimeMs: number }): IndexedPostFile {
  return { record, size: st.size, mtimeMs: st.mtimeMs, markedPublished: false, epochMs: null };
}

function computeIndexed(
  entry: ScanEntry,
  config: SiteConfig,
  now: number,
  st: { size: number; mtimeMs: number },
  file: { text: string } | SourceError | null,
  parts?: PostParts,
): IndexedPostFile {
  if (entry.skipped || file === null) return entryOf(placeholder(entry, { skipped: entry.skipped }), st);
  if (file instanceof SourceError) {
    const where = file.line ? `${file.line}:${file.col}: ` : '';
    const skipped = file.code === 'invalid-utf8' ? INVALID_UTF8_REASON : undefined;
    return entryOf(placeholder(entry, { error: `${where}${file.message}`, ...(skipped ? { skipped } : {}) }), st);
  }
  const result = computePost({ path: entry.path, text: file.text, draft: entry.draft, config, now, mtimeMs: st.mtimeMs, parts });
  const markedPublished = !(result.data?.published === false);
  // The record's date is shown to the second: the cached instant must be the same one.
  const epochMs = result.epochMs === null ? null : Math.floor(result.epochMs / 1000) * 1000;
  return { record: result.record, size: st.size, mtimeMs: st.mtimeMs, markedPublished, epochMs, result, text: file.text };
}

/** A cached entry refreshed for a new "now" (future posts become published as time passes). */
export function refreshForNow(post: IndexedPost, config: SiteConfig, now: number): IndexedPost {
  if (post.record.skipped || post.record.error) return post;
  const published = isPublished(post.markedPublished, post.epochMs, config.future, now);
  if (published === post.record.published) return post;
  return { record: { ...post.record, published }, size: post.size, mtimeMs: post.mtimeMs, markedPublished: post.markedPublished, epochMs: post.epochMs };
}
