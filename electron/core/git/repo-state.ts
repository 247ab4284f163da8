/**
 * Small questions about a repository that sync and conflict handling ask again and again:
 * where its git folder is, whether a rebase or merge is under way, which files are unmerged,
 * what the branch tracks.
 *
 * Each answer comes from git itself (or the files git documents in its folder), never from
 * guessing, so a repository set up by hand or by another tool reads the same.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { git, runGit } from './run-git';

/** A rebase or merge that stopped and waits for the user. */
export type Operation = 'rebase' | 'merge' | null;

export interface Upstream {
  /** The remote's name, e.g. `origin`. */
  remote: string;
  /** The branch on the remote, e.g. `main`. */
  branch: string;
  /** The remote-tracking ref, e.g. `refs/remotes/origin/main`. */
  trackingRef: string;
}

/** The absolute path of the repository's git folder (`.git`, or a worktree's). */
export async function gitDirOf(root: string): Promise<string> {
  return (await git(root, ['rev-parse', '--absolute-git-dir'])).stdout.trim();
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** Whether git stopped in the middle of a rebase or a merge (the files git itself checks). */
export async function operationOf(gitDir: string): Promise<Operation> {
  if ((await exists(path.join(gitDir, 'rebase-merge'))) || (await exists(path.join(gitDir, 'rebase-apply')))) return 'rebase';
  if (await exists(path.join(gitDir, 'MERGE_HEAD'))) return 'merge';
  return null;
}

/** Paths (relative to the top folder) that still have conflict stages in the index. */
export async function unmergedPaths(root: string): Promise<string[]> {
  const { stdout } = await git(root, ['diff', '--name-only', '--diff-filter=U', '-z', '--no-ext-diff']);
  return [...new Set(stdout.split('\0').filter(Boolean))];
}

/** The current branch name, or null when HEAD is detached. */
export async function currentBranch(root: string): Promise<string | null> {
  const out = await runGit(root, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  return out.code === 0 ? out.stdout.trim() : null;
}

/** The commit HEAD points at, or null before the first commit. */
export async function headCommit(root: string): Promise<string | null> {
  const out = await runGit(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  return out.code === 0 ? out.stdout.trim() : null;
}

/** What `branch` tracks (from `branch.<name>.remote` / `.merge`), or null. */
export async function upstreamOf(root: string, branch: string): Promise<Upstream | null> {
  const remote = await configValue(root, `branch.${branch}.remote`);
  const merge = await configValue(root, `branch.${branch}.merge`);
  if (!remote || !merge || remote === '.') return null;
  const name = merge.replace(/^refs\/heads\//, '');
  return { remote, branch: name, trackingRef: `refs/remotes/${remote}/${name}` };
}

/** The remote to sync with when the branch tracks nothing yet: `origin`, else the only one. */
export async function defaultRemote(root: string): Promise<string | null> {
  const remotes = (await git(root, ['remote'])).stdout.split('\n').map((r) => r.trim()).filter(Boolean);
  if (remotes.includes('origin')) return 'origin';
  return remotes.length === 1 ? remotes[0] : null;
}

/** A remote's URL with any `user:password@` removed, so it can be shown and logged. */
export async function remoteUrl(root: string, remote: string): Promise<string> {
  const out = await runGit(root, ['remote', 'get-url', remote]);
  return redactUrl(out.code === 0 ? out.stdout.trim() : remote);
}

/** Drops credentials from `https://user:token@host/…`. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1');
}

/** How many commits `ref` has that `base` lacks (all of them when `base` does not exist). */
export async function countAhead(root: string, base: string, ref = 'HEAD'): Promise<number> {
  const hasBase = (await runGit(root, ['rev-parse', '--verify', '--quiet', `${base}^{commit}`])).code === 0;
  const hasRef = (await runGit(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).code === 0;
  if (!hasRef) return 0;
  const out = await git(root, ['rev-list', '--count', hasBase ? `${base}..${ref}` : ref]);
  return Number(out.stdout.trim()) || 0;
}

/** Whether `ref` names an existing commit. */
export async function refExists(root: string, ref: string): Promise<boolean> {
  return (await runGit(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).code === 0;
}

async function configValue(root: string, key: string): Promise<string | null> {
  const out = await runGit(root, ['config', '--get', key]);
  return out.code === 0 ? out.stdout.trim() : null;
}
