/**
 * Static files a gem theme ships under its `assets/` (icons, images, fonts), served to the
 * preview through the site-file route when the site has no file of that name (Jekyll copies
 * them into the built site the same way). Nothing outside the theme's `assets/` is reachable.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { findTheme } from './find-theme';

const TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

const MAX_BYTES = 20 * 1024 * 1024;

export async function readThemeAsset(root: string, config: Record<string, unknown>, rel: string): Promise<{ bytes: Buffer; contentType: string } | null> {
  const type = TYPES[path.extname(rel).toLowerCase()];
  const parts = rel.split('/');
  if (!type || parts[0] !== 'assets' || parts.some((p) => !p || p === '..' || p.startsWith('.') || p.includes('\\'))) return null;
  const theme = await findTheme(root, config);
  if (!theme.root) return null;
  try {
    const base = await realpath(path.join(theme.root, 'assets'));
    const abs = await realpath(path.join(theme.root, ...parts));
    if (!abs.startsWith(base + path.sep)) return null;
    const s = await stat(abs);
    if (!s.isFile() || s.size > MAX_BYTES) return null;
    return { bytes: await readFile(abs), contentType: type };
  } catch {
    return null;
  }
}
