/**
 * Git for the open site: status (per-post states for the list), a stopped sync's conflicts, and
 * the diff of the open post against the last commit.
 */
import { useCallback, useMemo, useState } from 'react';
import type { GitStatusView } from '../../shared/api/contract';
import { api } from '../app/api';
import { useGitStatus } from '../git/use-git-status';
import { useSiteReset } from './use-site-reset';

export interface GitSession {
  status: GitStatusView | null;
  refresh(): void;
  /** Path → git state, for the post list's badges. */
  states: Map<string, string>;
  /** The files of a stopped sync being resolved, or null. */
  conflicts: string[] | null;
  setConflicts(files: string[] | null): void;
  /** The conflicted files in the status, for "Resolve" after a restart. */
  resolveFromStatus(): void;
  diffText: string | null;
  showDiff(path: string, onError: (message: string) => void): void;
  closeDiff(): void;
}

export function useGitSession(siteRoot: string | null, generation: number): GitSession {
  const git = useGitStatus(siteRoot);
  const [conflicts, setConflicts] = useState<string[] | null>(null);
  const [diffText, setDiffText] = useState<string | null>(null);
  useSiteReset(generation, () => {
    setConflicts(null);
    setDiffText(null);
  });
  const states = useMemo(() => new Map((git.status?.files ?? []).map((f) => [f.path, f.state as string])), [git.status]);
  const status = git.status;
  const resolveFromStatus = useCallback(() => setConflicts((status?.files ?? []).filter((f) => f.state === 'conflicted').map((f) => f.path)), [status]);
  const showDiff = useCallback((path: string, onError: (message: string) => void) => {
    void api.gitDiff({ path }).then((d) => setDiffText(d.diff || 'No changes since the last commit.'), (e) => onError((e as Error).message));
  }, []);
  const closeDiff = useCallback(() => setDiffText(null), []);
  return { status, refresh: git.refresh, states, conflicts, setConflicts, resolveFromStatus, diffText, showDiff, closeDiff };
}
