/**
 * Reads the template folders (`_layouts`, `_includes`) of the site and its theme, and stamps the
 * files a preview depends on so caches can tell when one of them changed.
 */
import { readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { PreviewLayout } from '../../../shared/api/contract';
import { splitPost } from '../../../shared/front-matter/split';
import { readYaml } from '../../../shared/yaml/read-yaml';
import { layoutNameOf, listFiles } from './theme-layouts';

const MAX_TEMPLATE_BYTES = 512 * 1024;

/** Front matter and template of a layout file's text. */
export function parseLayout(text: string, origin: PreviewLayout['origin']): PreviewLayout {
  const parts = splitPost(text);
  let data: Record<string, unknown> = {};
  if (parts.frontMatter) {
    const read = readYaml(parts.frontMatter.yaml);
    if (read.ok && read.value && typeof read.value === 'object' && !Array.isArray(read.value)) data = JSON.parse(JSON.stringify(read.value)) as Record<string, unknown>;
  }
  return { data, body: parts.body, origin };
}

/** `_layouts/` of a folder by layout name. */
export async function readLayouts(dir: string, origin: PreviewLayout['origin'], out: Record<string, PreviewLayout> = {}): Promise<Record<string, PreviewLayout>> {
  for (const rel of await listFiles(dir)) {
    const bytes = await readFile(path.join(dir, rel)).catch(() => null);
    if (bytes && bytes.length <= MAX_TEMPLATE_BYTES) out[layoutNameOf(rel)] = parseLayout(bytes.toString('utf8'), origin);
  }
  return out;
}

/** `_includes/` of a folder by relative file name. */
export async function readTemplates(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const rel of await listFiles(dir, 300)) {
    const bytes = await readFile(path.join(dir, rel)).catch(() => null);
    if (bytes && bytes.length <= MAX_TEMPLATE_BYTES) out[rel] = bytes.toString('utf8');
  }
  return out;
}

/** Sizes and times of every file under `dirs` (missing folders count as empty), hashed. */
export async function stampOf(dirs: string[], files: string[] = []): Promise<string> {
  const hash = createHash('sha1');
  for (const dir of dirs) {
    for (const rel of await listFiles(dir, 2000)) {
      const s = await stat(path.join(dir, rel)).catch(() => null);
      if (s) hash.update(`${dir}/${rel}\u0000${s.size}\u0000${s.mtimeMs}\n`);
    }
  }
  for (const file of files) {
    const s = await stat(file).catch(() => null);
    hash.update(`${file}\u0000${s ? `${s.size}\u0000${s.mtimeMs}` : '-'}\n`);
  }
  return hash.digest('hex');
}
