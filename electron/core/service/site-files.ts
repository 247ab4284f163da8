/**
 * Files of the open site that the preview may load (images, fonts, CSS), confined to the site.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { resolveInSite } from '../store/confine';
import { checkSiteFile } from './path-policy';

const TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.bmp': 'image/bmp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.css': 'text/css; charset=utf-8',
};

const MAX_BYTES = 50 * 1024 * 1024;

/**
 * The bytes and type of a site file, or null when it is missing, not allowed, or outside the site.
 * `rel` is already URL-decoded by the host (web route or app protocol).
 */
export async function readSiteFile(root: string, rel: string): Promise<{ bytes: Buffer; contentType: string } | null> {
  const type = TYPES[path.extname(rel).toLowerCase()];
  if (!type) return null;
  try {
    // The same check as every other site-file reach: no dot folder by name or through a link.
    const abs = await resolveInSite(root, await checkSiteFile(root, rel));
    const s = await stat(abs);
    if (!s.isFile() || s.size > MAX_BYTES) return null;
    return { bytes: await readFile(abs), contentType: type };
  } catch {
    return null;
  }
}
