/**
 * The outcomes of a sync, as a union the editor and the CLI switch on (the contract's type:
 * see `SyncOutcome` in shared/api/git-types.ts).
 */
import type { SyncOutcome } from '../../../shared/api/git-types';

export type SyncResult = SyncOutcome;

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
