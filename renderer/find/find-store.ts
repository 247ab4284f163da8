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

const FINDER_OF: Record<string, FinderKind> = { 'quick-open': 'quick-open', 'search-posts': 'search', 'command-palette': 'palette' };

/**
 * Runs a finder command (the same key again closes it) and returns true; for any other command
 * closes an open finder first, so its action is not hidden behind it, and returns false.
 */
export function finderCommand(id: string): boolean {
  const kind = FINDER_OF[id];
  if (kind) finder.toggle(kind);
  else finder.close();
  return kind !== undefined;
}
