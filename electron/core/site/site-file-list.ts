/**
 * Every file of a site that a link or image could point at (the whole tree except build output,
 * caches, dependencies and hidden folders) and the permalinks of its pages, for the reference checks.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

const SKIP = new Set(['_site', 'node_modules', '.git', '.jekyll-cache', '.sass-cache', '.bundle']);
const LIMIT = 200_000;

/** The files of a site, with the `permalink:`s its pages and collection documents claim. */
export class SiteFileSet extends Set<string> {
  pageUrls: string[] = [];
}

/** The permalinks pages claim, when `files` came from listSiteFiles (else none). */
export function pageUrlsOf(files: ReadonlySet<string>): readonly string[] {
  return files instanceof SiteFileSet ? files.pageUrls : [];
}

/**
 * Site-relative, `/`-separated paths (symlinked files count; symlinked folders are not followed),
 * and the permalinks of the pages among them.
 */
export async function listSiteFiles(root: string): Promise<SiteFileSet> {
  const out = new SiteFileSet();
  const walk = async (dir: string, rel: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const folders: Promise<void>[] = [];
    for (const e of entries) {
      if (out.size >= LIMIT || SKIP.has(e.name) || (e.name.startsWith('.') && e.isDirectory())) continue;
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (childRel !== 'vendor/bundle') folders.push(walk(path.join(dir, e.name), childRel));
      } else out.add(childRel);
    }
    await Promise.all(folders);
  };
  await walk(root, '');
  out.pageUrls = await pagePermalinks(root, out);
  return out;
}

const PAGE = /\.(?:md|markdown|mkdown|mkdn|mkd|html?)$/i;
/** Folders whose files are never pages (posts have their own URLs; the rest are templates and data). */
const NOT_PAGES = /^(?:.*\/)?(?:_posts|_drafts|_layouts|_includes|_sass|_data|_site)\//;
const PERMALINK = /^permalink:[ \t]*["']?([^"'#\r\n]+?)["']?[ \t]*(?:#.*)?$/m;
const PAGE_LIMIT = 5_000;

/**
 * The `permalink:` of each page or collection document (a Markdown or HTML file with front matter
 * outside posts, layouts, includes and data), so a link to `/blog/archive/` served by
 * `_pages/archive.md` is not taken for a missing post.
 */
export async function pagePermalinks(root: string, files: ReadonlySet<string>): Promise<string[]> {
  const pages = [...files].filter((f) => PAGE.test(f) && !NOT_PAGES.test(f)).slice(0, PAGE_LIMIT);
  const out: string[] = [];
  for (let i = 0; i < pages.length; i += 64) {
    await Promise.all(
      pages.slice(i, i + 64).map(async (rel) => {
        let head: string;
        try {
          head = (await readFile(path.join(root, rel), 'utf8')).slice(0, 4096);
        } catch {
          return;
        }
        if (!head.startsWith('---')) return;
        const end = head.indexOf('\n---', 3);
        const m = PERMALINK.exec(end < 0 ? head : head.slice(0, end));
        if (m) out.push(m[1]);
      }),
    );
  }
  return out;
}
