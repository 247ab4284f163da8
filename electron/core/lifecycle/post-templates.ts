/**
 * The blog's own scaffolds for new posts: Markdown files in the folder named by
 * `postwright: { templates: _templates }` in `_config.yml`.
 *
 * A blog that keeps scaffolds knows best what a new post should start with (its layout, its
 * usual keys, a body outline), so a template's text is kept byte for byte and only `title:` (and
 * `date:` for a post) are set through the lossless editor.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { frontMatterData } from '../../../shared/front-matter/read-front-matter';
import { SourceError } from '../../../shared/source-error';
import { normaliseRelPath, resolveInSite } from '../store/confine';
import { decodeUtf8 } from '../store/post-file';

const TEMPLATE = /\.(md|markdown|mkdn|mkd|mdown|html)$/i;
const MAX_TEMPLATES = 200;

export interface PostTemplate {
  /** File name inside the templates folder. */
  name: string;
  /** Its `title:` (a placeholder, often) or the file name without extension. */
  label: string;
}

/** The templates folder `postwright.templates` names, or null. */
export function templatesFolder(raw: Record<string, unknown>): string | null {
  const block = raw.postwright;
  if (!block || typeof block !== 'object' || Array.isArray(block)) return null;
  const folder = (block as Record<string, unknown>).templates;
  if (typeof folder !== 'string' || !folder.trim()) return null;
  try {
    return normaliseRelPath(folder.trim().replace(/^\/+|\/+$/g, ''));
  } catch {
    return null;
  }
}

/** The templates in the configured folder, sorted by name; an empty list when none. */
export async function listTemplates(root: string, raw: Record<string, unknown>): Promise<{ folder: string | null; templates: PostTemplate[] }> {
  const folder = templatesFolder(raw);
  if (!folder) return { folder: null, templates: [] };
  let names: string[];
  try {
    const dir = await resolveInSite(root, folder);
    names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile() && TEMPLATE.test(e.name) && !e.name.startsWith('.')).map((e) => e.name);
  } catch {
    return { folder, templates: [] };
  }
  names.sort((a, b) => a.localeCompare(b));
  const templates: PostTemplate[] = [];
  for (const name of names.slice(0, MAX_TEMPLATES)) {
    const text = await readTemplate(root, folder, name).catch(() => null);
    if (text === null) continue;
    const title = frontMatterData(text).title;
    templates.push({ name, label: typeof title === 'string' && title.trim() ? `${name} (${title.trim()})` : name });
  }
  return { folder, templates };
}

/** The text of one template (strict UTF-8), confined to the templates folder. */
export async function readTemplate(root: string, folder: string, name: string): Promise<string> {
  if (name.includes('/') || name.includes('\\') || name.startsWith('.') || !TEMPLATE.test(name)) {
    throw new SourceError('invalid-input', `${name} is not a template file name`);
  }
  const file = await resolveInSite(root, `${folder}/${name}`);
  if (path.dirname(file) !== (await resolveInSite(root, folder))) throw new SourceError('outside-site', `${name} is not in ${folder}`);
  try {
    return decodeUtf8(await readFile(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new SourceError('invalid-input', `no template ${name} in ${folder}`);
    throw error;
  }
}
