/**
 * Real git repositories in temp folders for the sync tests: a bare "remote", the blog clone the
 * user edits, and a second clone that pushes its own changes, as a co-author or another laptop.
 *
 * The machine's global and system git config are hidden (GIT_CONFIG_GLOBAL points at an empty
 * file) and every repo sets its own user, branch and pull mode, so results never depend on the
 * developer's ~/.gitconfig.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Makes every git run in this worker ignore the user's global and system config. */
export function hermeticGit(dir: string): void {
  const empty = path.join(dir, 'empty-gitconfig');
  writeFileSync(empty, '');
  process.env.GIT_CONFIG_GLOBAL = empty;
  process.env.GIT_CONFIG_NOSYSTEM = '1';
  delete process.env.GIT_DIR;
  delete process.env.GIT_WORK_TREE;
}

/** Runs git synchronously (test set-up and checks only) and returns trimmed stdout. */
export function sh(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } }).trim();
}

/** Sets user, pull mode and no signing in one repo. */
export function configure(repo: string, name: string, pullRebase = true): void {
  sh(repo, 'config', 'user.name', name);
  sh(repo, 'config', 'user.email', `${name.toLowerCase()}@example.com`);
  sh(repo, 'config', 'pull.rebase', String(pullRebase));
  sh(repo, 'config', 'commit.gpgsign', 'false');
}

export function post(title: string, body: string): string {
  return `---\ntitle: ${title}\nlayout: post\n---\n${body}\n`;
}

export async function write(repo: string, rel: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(repo, rel)), { recursive: true });
  await writeFile(path.join(repo, rel), text);
}

export async function read(repo: string, rel: string): Promise<string> {
  return readFile(path.join(repo, rel), 'utf8');
}

export interface Repos {
  work: string;
  /** The bare remote. */
  remote: string;
  /** The user's blog clone (what Postwright syncs). */
  blog: string;
  /** Another clone that pushes its own changes. */
  other: string;
  /** Every remote head seen so far, oldest first. */
  remoteHeads: string[];
  /** Records the remote's head and checks every older head is its ancestor (history only grows). */
  checkRemoteGrows(): void;
  /** Commits and pushes from `other`. */
  pushFromOther(rel: string, text: string, message?: string): Promise<void>;
  cleanup(): Promise<void>;
}

export const FIRST = '_posts/2024-01-01-first.md';
export const SECOND = '_posts/2024-01-02-second.md';

/** A blog with two posts, pushed to a bare remote, and a second clone of it. */
export async function makeRepos(options: { pullRebase?: boolean } = {}): Promise<Repos> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'pw-git-'));
  hermeticGit(work);
  const remote = path.join(work, 'remote.git');
  const blog = path.join(work, 'blog');
  const other = path.join(work, 'other');
  sh(work, '-c', 'init.defaultBranch=main', 'init', '--quiet', '--bare', remote);
  sh(work, '-c', 'init.defaultBranch=main', 'init', '--quiet', blog);
  configure(blog, 'Blogger', options.pullRebase ?? true);
  await write(blog, '_config.yml', 'title: Test blog\n');
  await write(blog, FIRST, post('First', 'line one\nline two\nline three'));
  await write(blog, SECOND, post('Second', 'alpha\nbeta\ngamma'));
  sh(blog, 'add', '--all');
  sh(blog, 'commit', '--quiet', '-m', 'Initial blog');
  sh(blog, 'remote', 'add', 'origin', remote);
  sh(blog, 'push', '--quiet', '--set-upstream', 'origin', 'main');
  sh(work, 'clone', '--quiet', remote, other);
  configure(other, 'Coauthor');

  const remoteHeads: string[] = [sh(remote, 'rev-parse', 'main')];
  return {
    work,
    remote,
    blog,
    other,
    remoteHeads,
    checkRemoteGrows() {
      const head = sh(remote, 'rev-parse', 'main');
      for (const old of remoteHeads) {
        // Throws (exit 1) when an old remote commit is no longer in the history.
        sh(remote, 'merge-base', '--is-ancestor', old, head);
      }
      remoteHeads.push(head);
    },
    async pushFromOther(rel, text, message = `Coauthor edits ${rel}`) {
      sh(other, 'pull', '--quiet', '--rebase');
      await write(other, rel, text);
      sh(other, 'add', '--all');
      sh(other, 'commit', '--quiet', '-m', message);
      sh(other, 'push', '--quiet');
      remoteHeads.push(sh(remote, 'rev-parse', 'main'));
    },
    async cleanup() {
      await rm(work, { recursive: true, force: true });
    },
  };
}
