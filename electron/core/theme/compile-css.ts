/**
 * The CSS behind a stylesheet URL of the layout, as Jekyll would write it: `assets/main.css` from
 * `assets/main.scss` (site first, then the theme) compiled with the `sass` package and the load
 * paths Jekyll uses (the site's `_sass`, then the theme's), or a plain `.css` file. Cached per site
 * and re-compiled when a Sass file or the source changes.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Liquid } from 'liquidjs';
import { splitPost } from '../../../shared/front-matter/split';
import { findTheme } from './find-theme';
import { stampOf } from './theme-files';
import { loadSass } from './load-sass';

export interface CompiledCss {
  css: string;
  problems: string[];
}

const MAX_SOURCE_BYTES = 2 * 1024 * 1024;
const cache = new Map<string, { stamp: string; result: CompiledCss }>();

async function readIfFile(file: string): Promise<string | null> {
  const s = await stat(file).catch(() => null);
  if (!s?.isFile() || s.size > MAX_SOURCE_BYTES) return null;
  return readFile(file, 'utf8').catch(() => null);
}

function sassOptions(config: Record<string, unknown>): { sassDir: string; style: 'expanded' | 'compressed'; loadPaths: string[] } {
  const sass = config.sass && typeof config.sass === 'object' && !Array.isArray(config.sass) ? (config.sass as Record<string, unknown>) : {};
  const sassDir = typeof sass.sass_dir === 'string' && sass.sass_dir.trim() ? sass.sass_dir.trim() : '_sass';
  const style = String(sass.style ?? '').replace(/^:/, '') === 'compressed' ? 'compressed' : 'expanded';
  const loadPaths = Array.isArray(sass.load_paths) ? sass.load_paths.filter((p): p is string => typeof p === 'string') : [];
  return { sassDir, style, loadPaths };
}

/** Where the source of `rel` is: a Sass file with front matter or a CSS file, in the site, then the theme. */
async function findSource(root: string, themeRoot: string | null, rel: string): Promise<{ file: string; text: string } | null> {
  const base = rel.replace(/\.css$/i, '');
  for (const dir of [root, themeRoot]) {
    if (!dir) continue;
    for (const candidate of rel.toLowerCase().endsWith('.css') ? [`${base}.scss`, `${base}.sass`, rel] : [rel]) {
      const file = path.join(dir, ...candidate.split('/'));
      const text = await readIfFile(file);
      // Jekyll converts only Sass files with front matter; a plain .css is copied as it is.
      if (text !== null && (candidate === rel || splitPost(text).frontMatter)) return { file, text };
    }
  }
  return null;
}

/** The CSS for stylesheet `rel` (site-relative, e.g. `assets/main.css`). */
export async function compilePreviewCss(root: string, config: Record<string, unknown>, rel: string): Promise<CompiledCss> {
  if (!/\.(css|scss|sass)$/i.test(rel)) return { css: '', problems: [`${rel}: not a stylesheet`] };
  const theme = await findTheme(root, config);
  const { sassDir, style, loadPaths } = sassOptions(config);
  const sassDirs = [path.join(root, sassDir), ...loadPaths.map((p) => path.join(root, p)), ...(theme.root ? [path.join(theme.root, '_sass')] : [])];
  const source = await findSource(root, theme.root, rel);
  if (!source) return { css: '', problems: [`${rel}: no such stylesheet in the site${theme.root ? ' or its theme' : ''}`] };
  const stamp = await stampOf(sassDirs, [source.file, path.join(root, '_config.yml')]);
  const key = `${root}\u0000${rel}`;
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) return hit.result;
  const result = await compile(source, sassDirs, style, config);
  if (cache.size > 200) cache.clear();
  cache.set(key, { stamp, result });
  return result;
}

async function compile(source: { file: string; text: string }, sassDirs: string[], style: 'expanded' | 'compressed', config: Record<string, unknown>): Promise<CompiledCss> {
  const parts = splitPost(source.text);
  let text = parts.body;
  const problems: string[] = [];
  if (parts.frontMatter && (text.includes('{{') || text.includes('{%'))) {
    try {
      text = await new Liquid({ ownPropertyOnly: true }).parseAndRender(text, { site: config });
    } catch (error) {
      problems.push(`${path.basename(source.file)}: Liquid: ${(error as Error).message}`);
    }
  }
  const ext = path.extname(source.file).toLowerCase();
  if (ext === '.css') return { css: text, problems };
  try {
    const sass = await loadSass();
    const out = sass.compileString(text, {
      syntax: ext === '.sass' ? 'indented' : 'scss',
      loadPaths: [path.dirname(source.file), ...sassDirs],
      style,
      logger: sass.Logger.silent,
      quietDeps: true,
    });
    return { css: out.css, problems };
  } catch (error) {
    problems.push(`${path.basename(source.file)}: ${(error as Error).message.split('\n')[0]}`);
    return { css: '', problems };
  }
}
