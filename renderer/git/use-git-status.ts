/**
 * The site's git status, refreshed on open, after saves and syncs, and from background fetches.
 */
import { useCallback, useEffect, useState } from 'react';
import type { GitStatusView } from '../../shared/api/contract';
import { api } from '../app/api';

export function useGitStatus(siteRoot: string | null) {
  const [status, setStatus] = useState<GitStatusView | null>(null);
  const refresh = useCallback(() => {
    if (!siteRoot) return;
    void api.gitStatus().then(setStatus, () => setStatus(null));
  }, [siteRoot]);
  useEffect(() => {
    refresh();
    const offs = [api.on('git-status', setStatus), api.on('post-changed', () => refresh())];
    return () => offs.forEach((off) => off());
  }, [refresh]);
  return { status, refresh };
}
