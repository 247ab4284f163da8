/**
 * Keeps every read and write inside the open site's folder.
 *
 * A relative path from the renderer, the CLI or a front-matter value is checked by text (no
 * absolute paths, no `..`, no NUL) and then by the real path of its deepest existing folder, so a
 * symlink inside the site cannot lead outside it.
 *
 * The real paths are taken synchronously (the same native realpath the async call runs). A check
 * is a few of them, microseconds each; async, each waited for a thread-pool turn and a turn of the
 * loop, and a post read behind a full site check spent 30–60 ms in this module alone.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { SourceError } from '../../../shared/source-error';

/** Thrown for a path that would leave the site root. */
export class OutsideSiteError extends SourceError {
  constructor(rel: string) {
    super('outside-site', `'${rel}' is outside the site folder`);
  }
}

/** `a/b.md` → normalised `/`-separated relative path, or throws OutsideSiteError. */
export function normaliseRelPath(rel: string): string {
  if (typeof rel !== 'string' || rel === '' || rel.includes('\0')) throw new OutsideSiteError(String(rel));
  const slashed = rel.replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[a-zA-Z]:/.test(slashed)) throw new OutsideSiteError(rel);
  const parts: string[] = [];
  for (const part of slashed.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') throw new OutsideSiteError(rel);
    parts.push(part);
  }
  if (!parts.length) throw new OutsideSiteError(rel);
  return parts.join('/');
}

/** The real path of an existing `abs` (symlinks followed); throws as realpath does. */
function realPathOf(abs: string): string {
  return realpathSync.native(abs);
}

/** The real path of `abs`: symlinks followed as far as the path exists, the missing rest appended. */
export async function deepestRealPath(abs: string): Promise<string> {
  return deepestRealPathSync(abs);
}

function deepestRealPathSync(abs: string): string {
  let current = abs;
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(realPathOf(current), ...rest.reverse());
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
      const parent = path.dirname(current);
      if (parent === current) return abs;
      rest.push(path.basename(current));
      current = parent;
    }
  }
}

function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The absolute path of `rel` inside `root`, following symlinks only while they stay inside. */
export async function resolveInSite(root: string, rel: string): Promise<string> {
  return confineInSite(root, rel).abs;
}

/** resolveInSite, also giving the real paths it checked (the site's and the deepest existing part's). */
export function confineInSite(root: string, rel: string): { abs: string; real: string; realRoot: string } {
  const clean = normaliseRelPath(rel);
  const abs = path.join(root, ...clean.split('/'));
  const realRoot = realPathOf(root);
  const real = deepestRealPathSync(abs);
  if (!isInside(realRoot, real)) throw new OutsideSiteError(rel);
  return { abs, real, realRoot };
}

/**
 * The real file a write to `abs` lands on (symlinks followed), or OutsideSiteError when that is
 * outside the site. Checked again at write time, so a link swapped after the first check is caught.
 */
export async function realTargetInSite(root: string, abs: string): Promise<string> {
  const realRoot = realPathOf(root);
  const real = deepestRealPathSync(abs);
  if (!isInside(realRoot, real)) throw new OutsideSiteError(path.relative(root, abs) || abs);
  return real;
}
