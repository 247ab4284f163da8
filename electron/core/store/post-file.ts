/**
 * Reading a post's bytes safely: size limit, strict UTF-8, and a version that names the content.
 *
 * The version is a hash of the bytes, so "someone changed the file since you opened it" is
 * detected even when size and mtime happen to match.
 */
import type { createHash as CreateHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { closeSync, fstatSync, openSync } from 'node:fs';
import { readFully } from '../util/read-fully';
import { SourceError } from '../../../shared/source-error';

/** Posts above this size are refused: nobody writes 10 MB of Markdown, and it would freeze the editor. */
export const MAX_POST_BYTES = 10 * 1024 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Loaded on the first version asked for: indexing needs none, so a command line start skips node:crypto (~4 ms). */
let sha1: typeof CreateHash | undefined;

export function versionOf(bytes: Uint8Array | string): string {
  sha1 ??= (createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')).createHash;
  return sha1('sha1').update(bytes).digest('hex').slice(0, 20);
}

/** Index of the first byte that is not part of a valid UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    let need = 0;
    let min = 0;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Decodes bytes as strict UTF-8, or throws SourceError naming the line and column of the first bad byte. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    const bad = Math.max(0, firstInvalidUtf8(bytes));
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) [line, lineStart] = [line + 1, i + 1];
    const col = new TextDecoder().decode(bytes.subarray(lineStart, bad)).length + 1;
    throw new SourceError('invalid-utf8', 'the file is not valid UTF-8 text', { line, col });
  }
}

export interface PostFile {
  text: string;
  version: string;
  size: number;
}

/**
 * Reads a post file, refusing huge and non-UTF-8 files with a clear error. Synchronously, as
 * readPostFileSync (size checked before reading): opening a post is one small read, and the four
 * thread-pool turns of an async read waited behind a site check's work for 20–60 ms.
 */
export async function readPostFile(abs: string): Promise<PostFile> {
  const { text, version, size } = readPostFileSync(abs);
  return { text, version, size };
}

export interface PostFileWithStat extends PostFile {
  mtimeMs: number;
}

/**
 * Reads a small post synchronously (open, fstat, read, close), for the indexer's batches.
 *
 * The one deliberate exception to async fs: for 10,000 files of 4 KB the thread-pool hops of
 * async reads cost more than the reads themselves. The indexer reads in batches of a few
 * hundred and yields to the event loop between batches, so the app stays responsive, and only
 * one file is open at a time.
 */
export function readPostFileSync(abs: string): PostFileWithStat {
  const fd = openSync(abs, 'r');
  try {
    const st = fstatSync(fd);
    if (st.size > MAX_POST_BYTES) {
      throw new SourceError('too-large', `the file is ${(st.size / 1048576).toFixed(1)} MB; posts over ${MAX_POST_BYTES / 1048576} MB are not opened`);
    }
    const bytes = Buffer.allocUnsafe(st.size);
    const read = readFully(fd, bytes, 0, st.size);
    const data = read === st.size ? bytes : bytes.subarray(0, read);
    return { text: decodeUtf8(data), version: versionOf(data), size: data.length, mtimeMs: st.mtimeMs };
  } finally {
    closeSync(fd);
  }
}

