/**
 * Background `git fetch` every few minutes, so the editor can say "3 new commits on the remote"
 * before the user syncs.
 *
 * Fetch only updates remote-tracking refs (never the user's branch or files), runs only when the
 * repository has a remote, never overlaps itself, and its timers are unref'd so an idle
 * scheduler never keeps the process alive.
 */
import { runGit } from './run-git';
import { gitStatus, type GitStatus } from './git-status';
import { defaultRemote } from './repo-state';
import { classifyRemoteFailure } from './remote-errors';

export interface FetchReport {
  ahead: number;
  behind: number;
  /** False when the fetch failed (offline, auth); ahead/behind are then from the last fetch. */
  fetched: boolean;
  /** Why the fetch failed: 'offline', 'auth' or git's first line. */
  problem: string | null;
  status: GitStatus;
}

export interface FetchSchedulerOptions {
  /** Minutes between fetches (default 5). */
  intervalMinutes?: number;
  onReport?(report: FetchReport): void;
  onError?(error: unknown): void;
}

/** Runs `git fetch` in the background and reports ahead/behind after each one. */
export class FetchScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<FetchReport | null> | null = null;
  private controller: AbortController | null = null;

  constructor(
    private readonly root: string,
    private readonly options: FetchSchedulerOptions = {},
  ) {}

  /** Starts fetching now and then every interval; calling it again does nothing. */
  start(): void {
    if (this.timer) return;
    const ms = Math.max(1, (this.options.intervalMinutes ?? 5) * 60_000);
    this.timer = setInterval(() => void this.fetchNow(), ms);
    this.timer.unref();
    void this.fetchNow();
  }

  /** Stops the timer and cancels a fetch in flight. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.controller?.abort();
  }

  get started(): boolean {
    return this.timer !== null;
  }

  /** One fetch now (joins a fetch already running); null when there is no remote or it was stopped. */
  fetchNow(): Promise<FetchReport | null> {
    this.running ??= this.fetchOnce().finally(() => (this.running = null));
    return this.running;
  }

  private async fetchOnce(): Promise<FetchReport | null> {
    const controller = new AbortController();
    this.controller = controller;
    try {
      const remote = await defaultRemote(this.root);
      if (!remote) return null;
      const out = await runGit(this.root, ['fetch', '--quiet', '--no-tags', remote], { signal: controller.signal, timeoutMs: 60_000 });
      const problem = out.code === 0 ? null : (classifyRemoteFailure(out.stderr) ?? out.stderr.trim().split('\n')[0]);
      const status = await gitStatus(this.root, { signal: controller.signal });
      const report: FetchReport = { ahead: status.ahead, behind: status.behind, fetched: out.code === 0, problem, status };
      this.options.onReport?.(report);
      return report;
    } catch (error) {
      if (!controller.signal.aborted) this.options.onError?.(error);
      return null;
    } finally {
      if (this.controller === controller) this.controller = null;
    }
  }
}
