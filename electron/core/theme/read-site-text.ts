/**
 * A text file of the site for `{% include_relative %}`: confined like every site file, small,
 * and valid UTF-8 only.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolveInSite } from '../store/confine';
import { checkSiteFile } from '../service/path-policy';

const MAX_BYTES = 512 * 1024;

export async function readSiteText(root: string, rel: string): Promise<string | null> {
  let abs: string;
  try {
    abs = await resolveInSite(root, await checkSiteFile(root, rel));
  } catch {
    return null;
  }
  const s = await stat(abs).catch(() => null);
  if (!s?.isFile() || s.size > MAX_BYTES) return null;
  const bytes = await readFile(abs).catch(() => null);
  if (!bytes || bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
