/**
 * Serves the built renderer (dist/renderer) and nothing outside it.
 *
 * Files are kept in memory by path (checked against their size and mtime on each request, so a
 * rebuild is served at once) with an ETag, so a page load that revalidates gets a 304 and
 * Chromium reuses its cached, already compiled scripts.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

/** Content type by extension, or null for types we do not serve. */
export function contentTypeFor(file: string): string | null {
  return TYPES[path.extname(file).toLowerCase()] ?? null;
}

export interface StaticFile {
  body: Buffer;
  type: string;
  etag: string;
}

const kept = new Map<string, StaticFile & { size: number; mtimeMs: number }>();
/** Files larger than this are read each time rather than kept. */
const KEEP_MAX = 8 * 1024 * 1024;

/** Reads `urlPath` under `dir`, refusing anything that escapes it. */
export async function readStatic(dir: string, urlPath: string): Promise<StaticFile | null> {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  if (rel === '/' || rel === '') rel = '/index.html';
  if (rel.includes('\0')) return null;
  const full = path.resolve(dir, '.' + path.posix.normalize(rel));
  if (full !== dir && !full.startsWith(dir + path.sep)) return null;
  const type = contentTypeFor(full);
  if (!type) return null;
  try {
    const info = await stat(full);
    if (!info.isFile()) return null;
    const known = kept.get(full);
    if (known && known.size === info.size && known.mtimeMs === info.mtimeMs) return known;
    const file = { body: await readFile(full), type, etag: `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`, size: info.size, mtimeMs: info.mtimeMs };
    if (file.body.length <= KEEP_MAX) kept.set(full, file);
    return file;
  } catch {
    return null;
  }
}
