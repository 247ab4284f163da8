/**
 * The git half of the API: status, diff, sync with progress events, conflicts, and a background
 * fetch while a site is open. Results are the core's own, passed through as plain data.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ApiEvents, ConflictView, GitStatusView, SyncOutcome } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/api-error';
import { abortSync, conflictVersions, continueSync, diffPost, diffSides, FetchScheduler, git, gitStatus, GitError, resolveConflict, suggestCommitMessage, syncSite } from '../git';
import { titleOfPost } from '../git/staged-changes';
import { normaliseRelPath } from '../store/confine';

export interface GitServiceHost {
  root(): string;
  emit<E extends keyof ApiEvents>(event: E, payload: ApiEvents[E]): void;
  /** Re-reads the site after git changed files (pull, abort). */
  afterChange(): Promise<void>;
}

function toApiError(error: unknown): never {
  if (error instanceof GitError) throw new ApiError({ code: error.kind === 'not-a-repo' ? 'invalid-input' : 'internal', message: error.message });
  throw error;
}

export class GitService {
  private scheduler: FetchScheduler | null = null;
  private busy = false;
  private running: AbortController | null = null;

  constructor(private readonly host: GitServiceHost) {}

  /** Starts the background fetch for a newly opened site (when it is a repository with a remote). */
  async siteOpened(root: string): Promise<void> {
    this.scheduler?.stop();
    this.scheduler = null;
    const status = await gitStatus(root).catch(() => null);
    if (!status?.isRepo) return;
    this.scheduler = new FetchScheduler(root, { intervalMinutes: 5, onReport: (report) => this.host.emit('git-status', report.status) });
    this.scheduler.start();
  }

  stop(): void {
    this.scheduler?.stop();
    this.scheduler = null;
  }

  async status(): Promise<GitStatusView> {
    return await gitStatus(this.host.root()).catch(toApiError);
  }

  /** `git init -b main` in the site folder, and `git remote add origin URL` when given. */
  async init(remote: string | undefined): Promise<GitStatusView> {
    const root = this.host.root();
    const before = await gitStatus(root).catch(toApiError);
    if (before.isRepo) throw new ApiError({ code: 'conflict', message: 'this folder is already a git repository' });
    const url = remote?.trim();
    // No options, no whitespace, and no `transport::address` remote helpers (`ext::` runs a command).
    if (url && (/^-/.test(url) || /[\s\0]/.test(url) || /^[A-Za-z][A-Za-z0-9+.-]*::/.test(url))) throw new ApiError({ code: 'bad-request', message: 'that does not look like a remote URL' });
    await git(root, ['init', '-b', 'main']).catch(toApiError);
    if (url) await git(root, ['remote', 'add', 'origin', url]).catch(toApiError);
    await this.siteOpened(root);
    const status = await gitStatus(root).catch(toApiError);
    this.host.emit('git-status', status);
    return status;
  }

  /** The unified diff, and both whole texts for a side-by-side view. */
  async diff(rel: string): Promise<{ diff: string; before: string | null; after: string | null }> {
    const clean = normaliseRelPath(rel);
    const diff = await diffPost(this.host.root(), clean).catch(toApiError);
    const sides = await diffSides(this.host.root(), clean).catch(toApiError);
    return { diff, ...sides };
  }

  /** A message for the changes (only `paths` when given: the files ticked in the commit dialog). */
  async suggestMessage(paths?: readonly string[]): Promise<{ message: string }> {
    const root = this.host.root();
    const status = await gitStatus(root).catch(toApiError);
    const chosen = paths ? new Set(paths.map((p) => normaliseRelPath(p))) : null;
    const changes = await Promise.all(
      status.files.filter((f) => !chosen || chosen.has(f.path)).map(async (f) => ({
        path: f.path,
        state: f.state,
        title: f.state === 'deleted' ? null : titleOfPost(await readFile(path.join(root, ...f.path.split('/')), 'utf8').catch(() => '')),
      })),
    );
    return { message: changes.length ? suggestCommitMessage(changes) : '' };
  }

  /**
   * Commit, pull, push. With `paths`, only those files are committed (each must be one git reports
   * changed); the others stay as they are in the working tree, uncommitted.
   */
  async sync(message: string | undefined, merge: boolean | undefined, paths?: readonly string[]): Promise<SyncOutcome> {
    if (this.busy) throw new ApiError({ code: 'conflict', message: 'a sync is already running' });
    const chosen = paths ? await this.changedOnly(paths) : undefined;
    this.busy = true;
    this.running = new AbortController();
    try {
      const result = await syncSite(this.host.root(), {
        message: message?.trim() || undefined,
        mode: merge ? 'merge' : 'rebase',
        paths: chosen,
        onProgress: (step) => this.host.emit('sync-progress', { step }),
        signal: this.running.signal,
      });
      await this.afterSync();
      return result;
    } finally {
      this.busy = false;
      this.running = null;
    }
  }

  /** The requested paths, each checked to be a file git reports changed (nothing else can be committed this way). */
  private async changedOnly(paths: readonly string[]): Promise<string[]> {
    const status = await gitStatus(this.host.root()).catch(toApiError);
    const changed = new Set(status.files.map((f) => f.path));
    const clean = [
      ...new Set(
        paths.map((p) => {
          try {
            return normaliseRelPath(p);
          } catch {
            throw new ApiError({ code: 'bad-request', message: `not a file of the site: ${p}` });
          }
        }),
      ),
    ];
    const unknown = clean.filter((p) => !changed.has(p));
    if (unknown.length) throw new ApiError({ code: 'bad-request', message: `not a changed file: ${unknown.slice(0, 3).join(', ')}` });
    // A staged rename is one change: its old path goes with the new one.
    const renamedFrom = status.files.filter((f) => f.from && clean.includes(f.path)).map((f) => f.from!);
    return [...new Set([...clean, ...renamedFrom])];
  }

  /** One commit of exactly these files (a tag rename batch); false when the site is not a repository. */
  async commitFiles(files: readonly string[], message: string): Promise<boolean> {
    const root = this.host.root();
    const status = await gitStatus(root).catch(() => null);
    if (!status?.isRepo || status.operation) return false;
    const paths = files.map((f) => normaliseRelPath(f));
    await git(root, ['add', '--', ...paths]).catch(toApiError);
    await git(root, ['commit', '--quiet', '-m', message, '--only', '--', ...paths]).catch(toApiError);
    const after = await gitStatus(root).catch(() => null);
    if (after) this.host.emit('git-status', after);
    return true;
  }

  cancel(): { ok: true } {
    this.running?.abort();
    return { ok: true };
  }

  async conflict(rel: string): Promise<ConflictView> {
    const v = await conflictVersions(this.host.root(), normaliseRelPath(rel)).catch(toApiError);
    return { base: v.base, mine: v.mine, theirs: v.theirs, merged: v.merged };
  }

  async resolve(rel: string, text: string): Promise<{ ok: true }> {
    await resolveConflict(this.host.root(), normaliseRelPath(rel), text).catch(toApiError);
    return { ok: true };
  }

  async continue(): Promise<SyncOutcome> {
    const result = await continueSync(this.host.root()).catch(toApiError);
    await this.afterSync();
    return result;
  }

  async abort(): Promise<{ ok: boolean; message: string }> {
    try {
      const r = await abortSync(this.host.root());
      await this.afterSync();
      return { ok: true, message: r.aborted ? `Sync aborted: back to ${r.head?.slice(0, 8) ?? 'the state before'}` : 'No sync was under way' };
    } catch (error) {
      return { ok: false, message: (error as Error).message };
    }
  }

  private async afterSync(): Promise<void> {
    await this.host.afterChange();
    const status = await gitStatus(this.host.root()).catch(() => null);
    if (status) this.host.emit('git-status', status);
  }
}
