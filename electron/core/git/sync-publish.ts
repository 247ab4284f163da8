/**
 * The network half of a sync: pull the remote's commits in, then push, retrying when the remote
 * moved on in between; never a force push.
 *
 * Shared by `syncSite` and `continueSync` so a sync resumed after a conflict publishes by
 * exactly the same rules. Every failure is classified (conflict, offline, auth) so the caller
 * can tell the user their work is safe and what to do next.
 */
import { firstLines, runGit } from './run-git';
import { countAhead, gitDirOf, operationOf, refExists, remoteUrl, unmergedPaths, type Upstream } from './repo-state';
import { authHint, classifyRemoteFailure } from './remote-errors';
import { pruneBackupRefs } from './backup-ref';
import type { SyncMode, SyncResult, SyncStep } from './sync-result';

export const MAX_PUSH_ATTEMPTS = 3;

export interface PublishPlan {
  upstream: Upstream;
  /** The local branch (HEAD), pushed to `upstream.branch`. */
  branch: string;
  mode: SyncMode;
  backupRef: string;
  committed: boolean;
  /** The branch tracks nothing yet: the first push sets its upstream. */
  setUpstream: boolean;
  step(step: SyncStep): void;
  signal?: AbortSignal;
}

/** Pulls and pushes until the remote has our commits, or says why it could not. */
export async function pullAndPush(root: string, plan: PublishPlan): Promise<SyncResult> {
  const { upstream, committed } = plan;
  for (let attempt = 1; attempt <= MAX_PUSH_ATTEMPTS; attempt++) {
    if (plan.signal?.aborted) return cancelled(root, plan);
    if (attempt > 1) plan.step('retry');
    plan.step('pull');
    const pulled = await pull(root, plan);
    if (pulled.done) return pulled.result;

    const tracked = await refExists(root, upstream.trackingRef);
    const ahead = await countAhead(root, upstream.trackingRef);
    if (tracked && ahead === 0) return finish(root, { status: 'synced', committed, pushed: false, ahead: 0 });

    if (plan.signal?.aborted) return cancelled(root, plan);
    plan.step('push');
    const refspec = `refs/heads/${plan.branch}:refs/heads/${upstream.branch}`;
    const args = ['push', '--porcelain', ...(plan.setUpstream ? ['--set-upstream'] : []), upstream.remote, refspec];
    const pushed = await runGit(root, args, { signal: plan.signal }).catch((error: unknown) => {
      if (plan.signal?.aborted) return null;
      throw error;
    });
    if (!pushed) return cancelled(root, plan);
    if (pushed.code === 0) return finish(root, { status: 'synced', committed, pushed: true, ahead: 0 });
    const said = `${pushed.stderr}\n${pushed.stdout}`;
    const failure = classifyRemoteFailure(said);
    if (failure === 'rejected') continue;
    if (failure) return remoteFailure(root, plan, failure, said);
    return { status: 'error', message: `git push failed: ${firstLines(pushed.stderr) || firstLines(pushed.stdout)}` };
  }
  return { status: 'error', message: `the remote kept changing during ${MAX_PUSH_ATTEMPTS} attempts to push; your commits are kept locally, sync again in a moment` };
}

type PullOutcome = { done: true; result: SyncResult } | { done: false };

async function pull(root: string, plan: PublishPlan): Promise<PullOutcome> {
  const { upstream } = plan;
  const how = plan.mode === 'merge' ? ['--no-rebase', '--ff', '--no-edit'] : ['--rebase'];
  const out = await runGit(root, ['pull', ...how, '--autostash', '--no-tags', upstream.remote, `refs/heads/${upstream.branch}`]);
  if (out.code === 0) return { done: false };

  const files = await unmergedPaths(root);
  const operation = await operationOf(await gitDirOf(root));
  if (files.length || operation) return { done: true, result: { status: 'conflict', files, backupRef: plan.backupRef } };
  // A remote without our branch yet (first push of a new blog): nothing to pull.
  if (/couldn't find remote ref/i.test(out.stderr)) return { done: false };
  const failure = classifyRemoteFailure(out.stderr);
  if (failure && failure !== 'rejected') return { done: true, result: await remoteFailure(root, plan, failure, out.stderr) };
  return { done: true, result: { status: 'error', message: `git pull failed: ${firstLines(out.stderr) || firstLines(out.stdout)}` } };
}

async function remoteFailure(root: string, plan: PublishPlan, failure: 'auth' | 'offline', stderr: string): Promise<SyncResult> {
  if (failure === 'offline') return { status: 'offline', committed: plan.committed, ahead: await countAhead(root, plan.upstream.trackingRef) };
  const url = await remoteUrl(root, plan.upstream.remote);
  return { status: 'auth-failed', remote: url, hint: authHint(url, stderr), committed: plan.committed };
}

async function cancelled(root: string, plan: PublishPlan): Promise<SyncResult> {
  return { status: 'cancelled', committed: plan.committed, ahead: await countAhead(root, plan.upstream.trackingRef).catch(() => 0) };
}

async function finish(root: string, result: SyncResult): Promise<SyncResult> {
  await pruneBackupRefs(root).catch(() => undefined);
  return result;
}
