/**
 * The outcomes of a sync, as a union the editor and the CLI switch on.
 *
 * Every outcome says what happened to the user's work: synced and pushed, kept locally
 * (offline, auth), or stopped on a conflict with a backup ref to go back to.
 */
import type { GitErrorKind } from './run-git';

export type SyncResult =
  | { status: 'synced'; committed: boolean; pushed: boolean; ahead: 0 }
  /** The remote could not be reached: the commits stay local, `ahead` of the remote-tracking branch. */
  | { status: 'offline'; committed: boolean; ahead: number }
  /** Both sides changed the same lines: the repository is left mid-rebase/merge with every local byte kept. */
  | { status: 'conflict'; files: string[]; backupRef: string }
  /** The remote refused the credentials; `remote` is the URL without any password, `hint` how to fix it. */
  | { status: 'auth-failed'; remote: string; hint: string; committed: boolean }
  | { status: 'no-remote'; committed: boolean }
  /** Stopped on request between steps (never in the middle of a pull): local commits are kept. */
  | { status: 'cancelled'; committed: boolean; ahead: number }
  | { status: 'error'; message: string; kind?: GitErrorKind };

export type SyncMode = 'rebase' | 'merge';

/** Progress steps reported through `onProgress`, in order. */
export type SyncStep = 'commit' | 'backup' | 'pull' | 'push' | 'retry';

export interface SyncOptions {
  /** Commit message; a suggestion from the changed posts when missing. */
  message?: string;
  /** `rebase` (default) replays local commits on top of the remote; `merge` makes a merge commit. */
  mode?: SyncMode;
  /** Only these paths (relative to the repository) are staged; default everything. */
  paths?: string[];
  onProgress?(step: SyncStep): void;
  /**
   * Cancels the sync: it stops before its next step, and an unfinished push is stopped (the
   * remote either took it or not). A pull, which rewrites local files, is always let finish.
   */
  signal?: AbortSignal;
}
