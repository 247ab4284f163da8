/**
 * Serves the built renderer (dist/renderer) and nothing outside it.
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

/** Reads `urlPath` under `dir`, refusing anything that escapes it. */
export async function readStatic(dir: string, urlPath: string): Promise<{ body: Buffer; type: string } | null> {
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
    return { body: await readFile(full), type };
  } catch {
    return null;
  }
}
