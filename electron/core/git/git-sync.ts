/**
 * `syncSite(root, options)`: commit the blog's changes, pull the remote's, push, never losing
 * work and never force-pushing.
 *
 * Order matters for safety: local changes are committed first (a commit cannot be lost by a
 * pull), a backup ref is set at that commit before anything touches the network or rewrites
 * history, and a conflict stops the sync with the repository left for the user to resolve or
 * abort back to the backup.
 */
import { normaliseRelPath } from '../store/confine';
import { GitError, git, runGit } from './run-git';
import { countAhead, currentBranch, defaultRemote, gitDirOf, headCommit, operationOf, upstreamOf } from './repo-state';
import { stagedChanges } from './staged-changes';
import { suggestCommitMessage, type CommitChange } from './commit-message';
import { createBackupRef } from './backup-ref';
import { pullAndPush } from './sync-publish';
import type { SyncOptions, SyncResult } from './sync-result';
import { excludeTempFiles } from './temp-exclude';
import { TEMP_FILE_GLOB } from '../store/atomic-write';

export type { SyncMode, SyncOptions, SyncResult, SyncStep } from './sync-result';

/** Commits, backs up, pulls and pushes; see `SyncResult` for every outcome. */
export async function syncSite(root: string, options: SyncOptions = {}): Promise<SyncResult> {
  try {
    return await sync(root, options);
  } catch (error) {
    if (error instanceof GitError) return { status: 'error', message: error.message, kind: error.kind };
    throw error;
  }
}

async function sync(root: string, options: SyncOptions): Promise<SyncResult> {
  const step = options.onProgress ?? (() => undefined);
  const operation = await operationOf(await gitDirOf(root));
  if (operation) {
    return { status: 'error', message: `a previous sync stopped in the middle of a ${operation} with conflicts: resolve them and continue, or abort it` };
  }
  const branch = await currentBranch(root);
  if (!branch) return { status: 'error', message: 'HEAD is not on a branch (detached): check out your blog branch, e.g. git switch main' };

  step('commit');
  const paths = options.paths?.map(normaliseRelPath);
  const committed = await commitChanges(root, options.message, paths);
  if (!(await headCommit(root))) return { status: 'error', message: 'the repository has no commits yet: write a post first, then sync' };

  let upstream = await upstreamOf(root, branch);
  const setUpstream = !upstream;
  if (!upstream) {
    const remote = await defaultRemote(root);
    if (!remote) return { status: 'no-remote', committed };
    upstream = { remote, branch, trackingRef: `refs/remotes/${remote}/${branch}` };
  }

  if (options.signal?.aborted) return { status: 'cancelled', committed, ahead: await countAhead(root, upstream.trackingRef).catch(() => 0) };
  step('backup');
  const backupRef = await createBackupRef(root);
  return pullAndPush(root, { upstream, branch, mode: options.mode ?? 'rebase', backupRef, committed, setUpstream, step, signal: options.signal });
}

/**
 * Stages `paths` (all changes when undefined) and commits them; false when nothing changed.
 * Postwright's temp files are never staged: they are listed in `info/exclude`, and where that
 * cannot be written a pathspec leaves them out.
 */
async function commitChanges(root: string, message: string | undefined, paths: string[] | undefined): Promise<boolean> {
  // No file chosen: nothing is committed (an empty pathspec would mean "everything" to git add).
  if (paths && paths.length === 0) return false;
  const excluded = await excludeTempFiles(root);
  const skipTemps = excluded ? [] : [`:(top,exclude,glob)**/${TEMP_FILE_GLOB}`];
  await git(root, ['add', '--all', '--', ...(paths ?? [':/']), ...skipTemps]);
  const staged = await runGit(root, ['diff', '--cached', '--quiet', '--no-ext-diff', ...(paths ? ['--', ...paths] : [])]);
  if (staged.code === 0) return false;
  const text = message?.trim() || suggestCommitMessage(onlyUnder(await stagedChanges(root), paths));
  await git(root, ['commit', '--quiet', '-m', text, ...(paths ? ['--only', '--', ...paths] : [])]);
  return true;
}

function onlyUnder(changes: CommitChange[], paths: string[] | undefined): CommitChange[] {
  if (!paths) return changes;
  return changes.filter((c) => paths.some((p) => c.path === p || c.path.startsWith(`${p}/`)));
}
