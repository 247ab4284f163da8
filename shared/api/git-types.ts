/**
 * Git sync as the renderer sees it: status, sync outcomes and conflicts (plain data). The core's
 * git modules build on these types, so the two sides cannot drift apart.
 */
export type GitFileState = 'new' | 'modified' | 'deleted' | 'conflicted' | 'renamed';

export interface GitStatusView {
  isRepo: boolean;
  branch: string | null;
  upstream: string | null;
  ahead: number;
  behind: number;
  files: { path: string; state: GitFileState }[];
  /** ISO time of the last fetch (FETCH_HEAD's mtime), or null when never fetched. */
  lastFetch: string | null;
  /** A rebase or merge that stopped on a conflict, or null. */
  operation: 'rebase' | 'merge' | null;
}

/**
 * The outcome of a sync. Every outcome says what happened to the user's work: synced and pushed,
 * kept locally (offline, auth, cancelled), or stopped on a conflict with a backup ref to go back to.
 */
export type SyncOutcome =
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
  /** `kind` says why git could not run (missing, not a repository, timeout…). */
  | { status: 'error'; message: string; kind?: string };

export interface ConflictView {
  /** The common ancestor's text; null when the file did not exist there. */
  base: string | null;
  /** The local work's text; null when the local side deleted the file. */
  mine: string | null;
  /** The remote's text; null when the remote deleted the file. */
  theirs: string | null;
  /** The working file as git left it (with conflict markers); null when it is missing. */
  merged: string | null;
}
