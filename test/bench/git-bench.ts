/**
 * Git sync figures for `npm run bench`: one sync of a changed post against a local bare remote,
 * and `gitStatus` of a 10,000-post repository with three changed files.
 *
 * The sync button and the status badge must feel instant; these are the two git calls the
 * editor makes most, timed on real repositories in a temp folder.
 */
import { mkdtemp, readFile, rm, writeFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateSite } from './generate-site';
import { git } from '../../electron/core/git/run-git';
import { gitStatus } from '../../electron/core/git/git-status';
import { syncSite } from '../../electron/core/git/git-sync';

const STATUS_POSTS = 10_000;

/** Per-repo settings so the bench does not depend on the machine's git config. */
async function configureRepo(repo: string): Promise<void> {
  for (const [key, value] of [['user.name', 'Bench'], ['user.email', 'bench@example.com'], ['commit.gpgsign', 'false'], ['pull.rebase', 'true']]) {
    await git(repo, ['config', key, value]);
  }
}

async function initRepo(repo: string, bare = false): Promise<void> {
  await git(path.dirname(repo), ['-c', 'init.defaultBranch=main', 'init', '--quiet', ...(bare ? ['--bare'] : []), repo]);
}

async function commitAll(repo: string, message: string): Promise<void> {
  await git(repo, ['add', '--all']);
  await git(repo, ['commit', '--quiet', '-m', message]);
}

async function appendTo(file: string, text: string): Promise<void> {
  await writeFile(file, (await readFile(file, 'utf8')) + text);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function postFiles(site: string, count: number): Promise<string[]> {
  const names = (await readdir(path.join(site, '_posts'), { recursive: true })).filter((n) => n.endsWith('.md')).sort();
  return names.slice(0, count).map((n) => path.join(site, '_posts', n));
}

async function syncFigure(work: string, log: (line: string) => void): Promise<void> {
  const remote = path.join(work, 'sync-remote.git');
  const blog = path.join(work, 'sync-blog');
  await initRepo(remote, true);
  await generateSite(blog, { posts: 200, bodyBytes: 1024 });
  await initRepo(blog);
  await configureRepo(blog);
  await commitAll(blog, 'Initial blog');
  await git(blog, ['remote', 'add', 'origin', remote]);
  await git(blog, ['push', '--quiet', '--set-upstream', 'origin', 'main']);
  const [target] = await postFiles(blog, 1);
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    await appendTo(target, `\nEdited by the bench, run ${run}.\n`);
    const started = performance.now();
    const result = await syncSite(blog);
    times.push(performance.now() - started);
    if (result.status !== 'synced' || !result.pushed) throw new Error(`bench sync did not push: ${JSON.stringify(result)}`);
  }
  log(`git sync:    ${median(times).toFixed(0)} ms median of 5 (one changed post, commit + backup + pull --rebase + push to a local bare remote; first ${times[0].toFixed(0)} ms)   (target ≤ 1000 ms)`);
}

async function statusFigure(work: string, log: (line: string) => void): Promise<void> {
  const site = path.join(work, 'status-blog');
  let t = performance.now();
  await generateSite(site, { posts: STATUS_POSTS, bodyBytes: 300 });
  await initRepo(site);
  await configureRepo(site);
  await commitAll(site, `${STATUS_POSTS} posts`);
  const setupMs = performance.now() - t;
  for (const file of await postFiles(site, 3)) await appendTo(file, '\nChanged before timing status.\n');
  const times: number[] = [];
  let files = 0;
  for (let run = 0; run < 5; run++) {
    t = performance.now();
    const status = await gitStatus(site);
    times.push(performance.now() - t);
    files = status.files.length;
  }
  if (files !== 3) throw new Error(`bench status saw ${files} changed files, expected 3`);
  log(`git status:  ${times[0].toFixed(0)} ms first, ${median(times).toFixed(0)} ms median of 5, ${STATUS_POSTS} posts with 3 changed (repo made and committed in ${(setupMs / 1000).toFixed(1)} s)   (target ≤ 500 ms)`);
}

/** Prints the git figures; every repository lives in a temp folder removed afterwards. */
export async function gitBench(log: (line: string) => void): Promise<void> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'pw-git-bench-'));
  try {
    await syncFigure(work, log);
    await statusFigure(work, log);
  } finally {
    // A detached `git gc --auto` after the big commit may still be writing objects: retry the removal.
    await rm(work, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
}
