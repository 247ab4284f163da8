/**
 * Which post is open. With none chosen, the newest post opens once the list arrives.
 */
import { useEffect, useState } from 'react';
import type { PostRecord } from '../../shared/jekyll/site-types';
import { useSiteReset } from './use-site-reset';

export interface SelectionStore {
  path: string | null;
  setPath(path: string | null): void;
  /** The open post's record, when it is in the list. */
  record: PostRecord | undefined;
}

export function useSelection(posts: PostRecord[], generation: number): SelectionStore {
  const [path, setPath] = useState<string | null>(null);
  useSiteReset(generation, () => setPath(null));
  useEffect(() => {
    if (!path && posts.length) {
      const first = [...posts].filter((p) => !p.skipped).sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))[0];
      if (first) setPath(first.path);
    }
  }, [posts, path]);
  const record = posts.find((p) => p.path === path);
  return { path, setPath, record };
}
