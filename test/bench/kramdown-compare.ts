/**
 * The preview's post bodies against Jekyll's: Jekyll 4.3 renders every post of the corpora
 * without layouts (its own Liquid and kramdown, theme and plugins removed from `_config.yml`), the
 * preview renders the same files through `renderPost`, and both are reduced to block structure and
 * text. Prints the share of posts that match and a table of the remaining differences.
 *
 * Jekyll's output is cached under the OS temp folder, keyed by the site's files, so reruns are fast.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { indexSite, recordsOf } from '../../electron/core/site/site-index';
import { createLiquid } from '../../shared/preview/liquid-engine';
import { renderPost } from '../../shared/preview/render-post';
import type { PreviewContext } from '../../shared/api/contract';
import { copySite, runJekyll } from '../support/jekyll-oracle';
import { blockSignature, classifyDifference } from './kramdown-signature';
import { neutralise, siteRoots } from './corpora-oracle';

const RENDER_PLUGIN = `
require "json"
PW_OUT = {}
PW_ERR = {}
module PostwrightNoLayout
  def place_in_layouts(content, payload, info)
    content
  end
  def run
    super
  rescue StandardError, SyntaxError => e
    PW_ERR[document.relative_path] = e.message.to_s[0, 200] if document.respond_to?(:relative_path)
    ""
  end
end
Jekyll::Renderer.prepend(PostwrightNoLayout)
module PostwrightNoPages
  def render_pages(*); end
end
Jekyll::Site.prepend(PostwrightNoPages)
Jekyll::Hooks.register :posts, :post_convert do |doc|
  PW_OUT[doc.relative_path] = doc.content
end
Jekyll::Hooks.register :site, :post_render do |site|
  File.write(ENV.fetch("POSTWRIGHT_DUMP"), JSON.generate({ "posts" => PW_OUT, "errors" => PW_ERR }))
  exit!(0)
end
`;

interface JekyllBodies {
  posts: Record<string, string>;
  errors: Record<string, string>;
}

async function fingerprint(root: string): Promise<string> {
  const hash = createHash('sha256').update(RENDER_PLUGIN);
  const walk = async (d: string) => {
    for (const e of (await readdir(d, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const abs = path.join(d, e.name);
      if (e.isDirectory()) await walk(abs);
      else if (e.isFile()) {
        const s = await stat(abs);
        hash.update(`${path.relative(root, abs)}:${s.size}:${s.mtimeMs}\n`);
      }
    }
  };
  for (const sub of ['_config.yml', '_posts', '_includes', '_layouts']) {
    const abs = path.join(root, sub);
    const s = await stat(abs).catch(() => null);
    if (s?.isDirectory()) await walk(abs);
    else if (s) hash.update(`${sub}:${s.size}:${s.mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 24);
}

/** Jekyll's body HTML for every post of the site at `root` (cached on disk). */
async function jekyllBodies(root: string): Promise<JekyllBodies | { failed: string }> {
  const cacheDir = path.join(os.tmpdir(), 'postwright-kramdown-compare');
  await mkdir(cacheDir, { recursive: true });
  const cacheFile = path.join(cacheDir, `${await fingerprint(root)}.json`);
  const cached = await readFile(cacheFile, 'utf8').catch(() => null);
  if (cached) return JSON.parse(cached) as JekyllBodies;
  const copy = await copySite(root);
  try {
    const configFile = path.join(copy, '_config.yml');
    await writeFile(configFile, neutralise(await readFile(configFile, 'utf8'), { quoteSymbols: true }));
    await rm(path.join(copy, '_data'), { recursive: true, force: true });
    await rm(path.join(copy, '_plugins'), { recursive: true, force: true });
    await mkdir(path.join(copy, '_plugins'), { recursive: true });
    await writeFile(path.join(copy, '_plugins', 'postwright_bodies.rb'), RENDER_PLUGIN);
    const dump = path.join(copy, '.postwright-bodies.json');
    const run = await runJekyll(['build', '--drafts', '--unpublished', '--future', '--quiet', '-s', copy, '-d', path.join(copy, '_site')], copy, { POSTWRIGHT_DUMP: dump });
    const text = await readFile(dump, 'utf8').catch(() => null);
    if (!text) return { failed: (run.stderr || run.stdout).split('\n').filter((l) => /Error|error|Exception/.test(l)).slice(-2).join(' / ') || `exit ${run.code}` };
    await writeFile(cacheFile, text);
    return JSON.parse(text) as JekyllBodies;
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}

export interface CompareResult {
  rendered: number;
  same: number;
  categories: Map<string, string[]>;
}

/** Compares every post Jekyll renders under `corpora`; `only` limits it to paths containing a string. */
export async function kramdownCompare(corpora: string, log: (line: string) => void, only?: string, showDiffs = 0): Promise<CompareResult | null> {
  if (spawnSync('jekyll', ['--version']).status !== 0) {
    log('  kramdown comparison: jekyll not installed, skipped');
    return null;
  }
  const result: CompareResult = { rendered: 0, same: 0, categories: new Map() };
  let failedLiquid = 0;
  let shown = 0;
  for (const name of (await readdir(corpora, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    for (const root of await siteRoots(path.join(corpora, name))) {
      const bodies = await jekyllBodies(root);
      if ('failed' in bodies) {
        log(`  ${path.relative(corpora, root)}: jekyll failed: ${bodies.failed.slice(0, 160)}`);
        continue;
      }
      failedLiquid += Object.keys(bodies.errors).filter((p) => !(p in bodies.posts)).length;
      const index = await indexSite(root, { cacheDir: false });
      const config = index.config.config;
      const context: PreviewContext = {
        site: config.raw,
        baseurl: config.baseurl,
        url: config.url,
        markdownExt: config.markdownExt,
        includes: {},
        posts: recordsOf(index).filter((r) => !r.skipped).map((r) => ({ path: r.path, url: r.url, slug: r.slug, date: r.date, title: r.title })),
      };
      const engine = createLiquid({ context });
      for (const [rel, html] of Object.entries(bodies.posts)) {
        if (bodies.errors[rel]) continue;
        const where = `${path.relative(corpora, root)}/${rel}`;
        if (only && !where.includes(only)) continue;
        const text = await readFile(path.join(root, rel), 'utf8').catch(() => null);
        if (text === null) continue;
        result.rendered++;
        let ours: string;
        try {
          ours = (await renderPost(engine, context, rel, text)).html;
        } catch (error) {
          ours = `<p>render failed: ${(error as Error).message}</p>`;
        }
        const a = blockSignature(html);
        const b = blockSignature(ours);
        if (a.join('\n') === b.join('\n')) {
          result.same++;
          continue;
        }
        const category = classifyDifference(a, b);
        const list = result.categories.get(category) ?? [];
        list.push(where);
        result.categories.set(category, list);
        if (shown < showDiffs) {
          shown++;
          let i = 0;
          while (i < a.length && a[i] === b[i]) i++;
          log(`--- ${where} [${category}]`);
          log(`  jekyll: ${a.slice(Math.max(0, i - 2), i + 4).map((s) => JSON.stringify(s.slice(0, 160))).join('\n          ')}`);
          log(`  ours:   ${b.slice(Math.max(0, i - 2), i + 4).map((s) => JSON.stringify(s.slice(0, 160))).join('\n          ')}`);
        }
      }
    }
  }
  const pct = (100 * result.same) / Math.max(1, result.rendered);
  log(`kramdown bodies: ${result.same}/${result.rendered} posts Jekyll renders have the same block structure and text (${pct.toFixed(2)}%); ${failedLiquid} posts Jekyll could not render (missing includes/plugins)`);
  const rows = [...result.categories].sort((x, y) => y[1].length - x[1].length);
  for (const [category, list] of rows) log(`  ${String(list.length).padStart(5)}  ${category}  (${list.slice(0, 2).join(', ')})`);
  return result;
}

/** `npm run bench -- --kramdown [--only=path-part] [--show=N]`. */
export async function kramdownCompareCli(args: string[], corpora: string): Promise<void> {
  const only = args.find((a) => a.startsWith('--only='))?.slice(7);
  const show = Number(args.find((a) => a.startsWith('--show='))?.slice(7) ?? 0);
  await kramdownCompare(corpora, (l) => process.stdout.write(`${l}\n`), only, show);
}
