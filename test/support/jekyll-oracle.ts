/**
 * Jekyll as the test oracle: builds a copy of a site with a small plugin that dumps what Jekyll
 * read for every post (title, date, slug, categories, tags, layout, url, published).
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface JekyllPost {
  path: string;
  draft: boolean;
  title: string;
  date: string;
  slug: string;
  categories: string[];
  tags: string[];
  layout: string | null;
  url: string;
  /** `published?` and not in the future, at build time. */
  published: boolean;
}

const DUMP_PLUGIN = `
require "json"
Jekyll::Hooks.register :site, :post_read do |site|
  now = Time.now
  posts = site.posts.docs.map do |d|
    {
      "path" => Pathname.new(d.path).relative_path_from(Pathname.new(site.source)).to_s,
      "draft" => d.draft?,
      "title" => d.data["title"].to_s,
      "date" => d.date.iso8601,
      "slug" => d.data["slug"].to_s,
      "categories" => Array(d.data["categories"]).map(&:to_s),
      "tags" => Array(d.data["tags"]).map(&:to_s),
      "layout" => d.data["layout"].nil? ? nil : d.data["layout"].to_s,
      "url" => d.url,
      "published" => d.published? && d.date.to_i <= now.to_i,
    }
  end
  File.write(ENV.fetch("POSTWRIGHT_DUMP"), JSON.generate(posts))
  # Everything needed is read; stop before rendering (themes and includes may be missing).
  exit!(0)
end
`;

export interface JekyllRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `jekyll <args>` in `cwd`. */
export function runJekyll(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<JekyllRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('jekyll', args, { cwd, env: { ...process.env, JEKYLL_ENV: 'development', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Copies `site` to a temp folder (so the plugin and _site never touch the original). */
export async function copySite(site: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pw-oracle-'));
  await cp(site, dir, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
  return dir;
}

/** What Jekyll reads from the site at `dir` (drafts, unpublished and future posts included). */
export async function jekyllPosts(dir: string): Promise<JekyllPost[]> {
  const work = await copySite(dir);
  await mkdir(path.join(work, '_plugins'), { recursive: true });
  await writeFile(path.join(work, '_plugins', 'postwright_dump.rb'), DUMP_PLUGIN);
  const dump = path.join(work, '.postwright-dump.json');
  const run = await runJekyll(['build', '--drafts', '--unpublished', '--future', '--quiet', '-s', work, '-d', path.join(work, '_site')], work, { POSTWRIGHT_DUMP: dump });
  if (run.code !== 0) throw new Error(`jekyll build failed (${run.code}): ${run.stderr || run.stdout}`);
  return JSON.parse(await readFile(dump, 'utf8')) as JekyllPost[];
}

/** Builds with `--strict_front_matter`: fails on any front matter Jekyll cannot read. */
export async function strictBuild(dir: string): Promise<JekyllRun> {
  return runJekyll(['build', '--strict_front_matter', '--quiet', '-s', dir, '-d', path.join(dir, '_site')], dir);
}
