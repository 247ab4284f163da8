/**
 * Git sync as the renderer sees it: status, sync outcomes and conflicts (plain data).
 */
export type GitFileState = 'new' | 'modified' | 'deleted' | 'conflicted' | 'renamed';

export interface GitStatusView {
  isRepo: boolean;
  branch: string | null;
  upstream: string | null;
  ahead: number;
  behind: number;
  files: { path: string; state: GitFileState }[];
  lastFetch: string | null;
  /** A rebase or merge stopped on a conflict. */
  operation: 'rebase' | 'merge' | null;
}

export type SyncOutcome =
  | { status: 'synced'; committed: boolean; pushed: boolean; ahead: 0 }
  | { status: 'offline'; committed: boolean; ahead: number }
  | { status: 'conflict'; files: string[]; backupRef: string }
  | { status: 'auth-failed'; remote: string; hint: string; committed: boolean }
  | { status: 'no-remote'; committed: boolean }
  | { status: 'cancelled'; committed: boolean; ahead: number }
  | { status: 'error'; message: string };

export interface ConflictView {
  base: string | null;
  mine: string | null;
  theirs: string | null;
  merged: string | null;
}
