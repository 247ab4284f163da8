/**
 * `gitStatus(root)`: branch, upstream, ahead/behind, changed files and the last fetch time.
 *
 * The editor shows this next to the post list and the sync button, so it must be one cheap git
 * call (porcelain v2, which also gives ahead/behind) and must answer "not a repository" as a
 * state rather than an error.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { GitError, git } from './run-git';
import type { GitStatusView } from '../../../shared/api/git-types';
import { operationOf, type Operation } from './repo-state';
import { parsePorcelainV2, type StatusFile } from './porcelain-status';

export type { FileState, StatusFile } from './porcelain-status';

/** The contract's status, with the staging and rename details the core also knows. */
export interface GitStatus extends GitStatusView {
  files: StatusFile[];
  operation: Operation;
}

const NOT_A_REPO: GitStatus = { isRepo: false, branch: null, upstream: null, ahead: 0, behind: 0, files: [], lastFetch: null, operation: null };

/** Reads the repository's status; `isRepo: false` when `root` is not inside a repository. */
export async function gitStatus(root: string, options: { signal?: AbortSignal } = {}): Promise<GitStatus> {
  let gitDir: string;
  try {
    gitDir = (await git(root, ['rev-parse', '--absolute-git-dir'], options)).stdout.trim();
  } catch (error) {
    if (error instanceof GitError && error.kind === 'not-a-repo') return { ...NOT_A_REPO, files: [] };
    throw error;
  }
  const [porcelain, lastFetch, operation] = await Promise.all([
    git(root, ['-c', 'core.quotePath=false', 'status', '--porcelain=v2', '--branch', '-z', '--untracked-files=all'], options),
    mtimeOf(path.join(gitDir, 'FETCH_HEAD')),
    operationOf(gitDir),
  ]);
  const parsed = parsePorcelainV2(porcelain.stdout);
  return { isRepo: true, branch: parsed.branch, upstream: parsed.upstream, ahead: parsed.ahead, behind: parsed.behind, files: parsed.files, lastFetch, operation };
}

async function mtimeOf(file: string): Promise<string | null> {
  try {
    return (await stat(file)).mtime.toISOString();
  } catch {
    return null;
  }
}
