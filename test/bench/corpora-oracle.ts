/**
 * Jekyll as the oracle on the real corpora: each blog is copied with its theme and plugins
 * removed from `_config.yml` and without `_data/` (not installed here, or refused by this Jekyll,
 * and neither changes how posts are read),
 * Jekyll dumps what it read, and `indexSite` must agree field by field.
 */
import { readdir, readFile, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { indexSite, recordsOf } from '../../electron/core/site/site-index';
import { copySite, jekyllPosts } from '../support/jekyll-oracle';

const FIELDS = ['title', 'date', 'slug', 'categories', 'tags', 'layout', 'url', 'draft', 'published'] as const;

/** Folders of a corpus holding both `_config.yml` and `_posts` (the sites Jekyll can build). */
export async function siteRoots(dir: string): Promise<string[]> {
  const roots: string[] = [];
  const walk = async (d: string, depth: number) => {
    const entries = await readdir(d, { withFileTypes: true });
    if (entries.some((e) => e.name === '_config.yml') && entries.some((e) => e.name === '_posts')) roots.push(d);
    if (depth < 2) for (const e of entries) if (e.isDirectory() && !e.name.startsWith('_') && !e.name.startsWith('.')) await walk(path.join(d, e.name), depth + 1);
  };
  await walk(dir, 0);
  return roots;
}

/**
 * Drops lines that need gems we do not have (theme, plugins, remote_theme); with `quoteSymbols`,
 * also quotes `:symbol` values, which Psych refuses and GitHub Pages' SafeYAML reads as strings.
 */
export function neutralise(config: string, { quoteSymbols = false } = {}): string {
  const out: string[] = [];
  let skipping = false;
  for (const line of config.split('\n')) {
    if (/^(theme|remote_theme|plugins|gems|whitelist|plugins_dir)\s*:/.test(line)) {
      skipping = true;
      continue;
    }
    if (skipping && (/^\s+/.test(line) || /^\s*-/.test(line) || line.trim() === '')) continue;
    skipping = false;
    out.push(quoteSymbols ? line.replace(/^(\s*[\w-]+:\s+)(:\w+)\s*$/, '$1"$2"') : line);
  }
  return out.join('\n');
}

export async function corporaOracle(corpora: string, log: (line: string) => void): Promise<void> {
  if (spawnSync('jekyll', ['--version']).status !== 0) return log('  Jekyll comparison: jekyll not installed, skipped');
  let compared = 0;
  let same = 0;
  const diffs: string[] = [];
  for (const name of (await readdir(corpora, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    for (const root of await siteRoots(path.join(corpora, name))) {
      const copy = await copySite(root);
      try {
        const configFile = path.join(copy, '_config.yml');
        await writeFile(configFile, neutralise(await readFile(configFile, 'utf8')));
        // Data files do not change how posts are read, and some hold values this Jekyll refuses.
        await rm(path.join(copy, '_data'), { recursive: true, force: true });
        let jekyll;
        try {
          jekyll = await jekyllPosts(copy);
        } catch (error) {
          diffs.push(`${path.relative(corpora, root)}: jekyll failed: ${(error as Error).message.split('\n')[0].slice(0, 120)}`);
          continue;
        }
        const ours = new Map(recordsOf(await indexSite(copy, { cacheDir: false })).map((r) => [r.path, r]));
        for (const j of jekyll) {
          const o = ours.get(j.path);
          if (!o || o.error) continue;
          compared++;
          const bad = FIELDS.filter((f) => JSON.stringify(o[f]) !== JSON.stringify(j[f]));
          if (bad.length === 0) same++;
          else if (diffs.length < 12) diffs.push(`${path.relative(corpora, root)}/${j.path}: ${bad.map((f) => `${f} ours ${JSON.stringify(o[f])} jekyll ${JSON.stringify(j[f])}`).join('; ')}`);
        }
      } finally {
        await rm(copy, { recursive: true, force: true });
      }
    }
  }
  log(`  posts where every index field equals what Jekyll read: ${same}/${compared}`);
  for (const d of diffs) log(`    ${d.slice(0, 300)}`);
}
