/**
 * Which finder is open (quick open, full-text search, command palette): one at a time, opened
 * from any command and read by the finders with `useFinder`.
 */
import { useSyncExternalStore } from 'react';

export type FinderKind = 'quick-open' | 'search' | 'palette';

let open: FinderKind | null = null;
const listeners = new Set<() => void>();

function set(next: FinderKind | null): void {
  if (next === open) return;
  open = next;
  for (const l of listeners) l();
}

export const finder = {
  open: (kind: FinderKind) => set(kind),
  /** Opens `kind`, or closes it when it is already open (the same key twice). */
  toggle: (kind: FinderKind) => set(open === kind ? null : kind),
  close: () => set(null),
  current: () => open,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useFinder(): FinderKind | null {
  return useSyncExternalStore(finder.subscribe, finder.current, () => null);
}
