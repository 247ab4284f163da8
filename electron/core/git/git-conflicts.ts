/**
 * Resolving a sync that stopped on a conflict: show both versions, take the user's text,
 * continue and publish, or abort back to exactly where the sync started.
 *
 * During a rebase git calls the remote's version "ours" (stage 2) and the local commit being
 * replayed "theirs" (stage 3), the opposite of a merge; `conflictVersions` hides that so the
 * editor always shows mine = my local work, theirs = the remote's.
 */
import { readFile } from 'node:fs/promises';
import { normaliseRelPath, realTargetInSite, resolveInSite } from '../store/confine';
import { writeFileAtomic } from '../store/atomic-write';
import { withFileLock } from '../store/file-lock';
import { GitError, git, runGit } from './run-git';
import { currentBranch, defaultRemote, gitDirOf, headCommit, operationOf, unmergedPaths, upstreamOf, type Operation } from './repo-state';
import { latestBackupRef } from './backup-ref';
import { pullAndPush } from './sync-publish';
import type { SyncMode, SyncResult, SyncStep } from './sync-result';
import type { ConflictView } from '../../../shared/api/git-types';

export interface ConflictVersions extends ConflictView {
  operation: Operation;
}

/** The three sides of a conflicted file plus the working copy, named from the user's view. */
export async function conflictVersions(root: string, relPath: string): Promise<ConflictVersions> {
  const rel = normaliseRelPath(relPath);
  const operation = await operationOf(await gitDirOf(root));
  const [base, ours, theirs, merged] = await Promise.all([stage(root, 1, rel), stage(root, 2, rel), stage(root, 3, rel), readText(await resolveInSite(root, rel))]);
  return operation === 'rebase' ? { base, mine: theirs, theirs: ours, merged, operation } : { base, mine: ours, theirs, merged, operation };
}

async function stage(root: string, n: 1 | 2 | 3, rel: string): Promise<string | null> {
  const out = await runGit(root, ['show', `:${n}:./${rel}`]);
  return out.code === 0 ? out.stdout : null;
}

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Writes the chosen text (atomically, under the file's lock shared with every Postwright writer,
 * through a symlink only when its target stays in the site) and marks the file resolved; null
 * resolves by deleting it.
 */
export async function resolveConflict(root: string, relPath: string, text: string | null): Promise<void> {
  const rel = normaliseRelPath(relPath);
  const abs = await resolveInSite(root, rel);
  await withFileLock(abs, async () => {
    if (text === null) {
      await git(root, ['rm', '--quiet', '--force', '--ignore-unmatch', '--', rel]);
      return;
    }
    await writeFileAtomic(await realTargetInSite(root, abs), text);
    await git(root, ['add', '--', rel]);
  });
}

export interface ContinueOptions {
  mode?: SyncMode;
  onProgress?(step: SyncStep): void;
}

/**
 * Finishes the stopped rebase or merge once every file is resolved, then pulls and pushes as a
 * sync does. Reports `conflict` again when files are unresolved or the next commit conflicts.
 */
export async function continueSync(root: string, options: ContinueOptions = {}): Promise<SyncResult> {
  try {
    const backupRef = (await latestBackupRef(root)) ?? 'HEAD';
    const gitDir = await gitDirOf(root);
    let operation = await operationOf(gitDir);
    const stoppedIn = operation;
    while (operation) {
      const files = await unmergedPaths(root);
      if (files.length) return { status: 'conflict', files, backupRef };
      const out = await finishStep(root, operation);
      const next = await operationOf(gitDir);
      if (out.code !== 0 && next === operation && !(await unmergedPaths(root)).length) {
        return { status: 'error', message: `git ${operation} --continue failed: ${out.stderr.trim().split('\n')[0]}` };
      }
      operation = next;
    }
    const branch = await currentBranch(root);
    if (!branch) return { status: 'error', message: 'HEAD is not on a branch after the sync: check out your blog branch' };
    let upstream = await upstreamOf(root, branch);
    const setUpstream = !upstream;
    if (!upstream) {
      const remote = await defaultRemote(root);
      if (!remote) return { status: 'no-remote', committed: true };
      upstream = { remote, branch, trackingRef: `refs/remotes/${remote}/${branch}` };
    }
    const step = options.onProgress ?? (() => undefined);
    return await pullAndPush(root, { upstream, branch, mode: options.mode ?? (stoppedIn ?? (await guessMode(root))), backupRef, committed: true, setUpstream, step });
  } catch (error) {
    if (error instanceof GitError) return { status: 'error', message: error.message, kind: error.kind };
    throw error;
  }
}

/** One `--continue` (or `--skip` when the user's choice left the replayed commit empty). */
async function finishStep(root: string, operation: 'rebase' | 'merge') {
  if (operation === 'merge') return runGit(root, ['commit', '--quiet', '--no-edit']);
  const nothingStaged = (await runGit(root, ['diff', '--cached', '--quiet', '--no-ext-diff'])).code === 0;
  return runGit(root, ['rebase', nothingStaged ? '--skip' : '--continue']);
}

async function guessMode(root: string): Promise<SyncMode> {
  const out = await runGit(root, ['config', '--get', 'pull.rebase']);
  return out.code === 0 && out.stdout.trim() === 'false' ? 'merge' : 'rebase';
}

export interface AbortResult {
  /** False when no rebase or merge was under way (nothing was changed). */
  aborted: boolean;
  head: string | null;
  backupRef: string | null;
}

/**
 * Abandons the stopped rebase or merge: HEAD, index and working files return to where the sync
 * left them after its commit (the backup ref); autostashed edits come back too. Throws when HEAD
 * does not end on the backup ref, rather than moving it by force.
 */
export async function abortSync(root: string): Promise<AbortResult> {
  const operation = await operationOf(await gitDirOf(root));
  const backupRef = await latestBackupRef(root);
  if (!operation) return { aborted: false, head: await headCommit(root), backupRef };
  await git(root, [operation, '--abort']);
  const head = await headCommit(root);
  if (backupRef) {
    const backup = (await git(root, ['rev-parse', '--verify', `${backupRef}^{commit}`])).stdout.trim();
    if (head !== backup) {
      throw new GitError('failed', `after aborting, HEAD (${head?.slice(0, 12)}) is not the commit saved before the sync (${backupRef} = ${backup.slice(0, 12)}); nothing was reset, run 'git reset --keep ${backupRef}' if you want to return to it`);
    }
  }
  return { aborted: true, head, backupRef };
}
