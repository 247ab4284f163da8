/**
 * Unsaved text kept from a crash: offered when the site opens, restored into the post once it loads.
 */
import { useEffect, useState } from 'react';
import type { RecoveredBuffer, SiteSummary } from '../../shared/api/contract';
import { api } from '../app/api';
import { useSiteReset } from './use-site-reset';

export interface RecoveryStore {
  recovered: RecoveredBuffer[];
  /** Opens the first recovered buffer's post and puts its text back once loaded. */
  restoreFirst(): void;
  discardAll(): void;
}

interface LoadedDocument {
  loadedPath: string | null;
  hasBuffer: boolean;
  replaceText(text: string): void;
}

export function useRecovery(site: SiteSummary | null, generation: number, path: string | null, setPath: (path: string) => void, doc: LoadedDocument): RecoveryStore {
  const [recovered, setRecovered] = useState<RecoveredBuffer[]>([]);
  const [pendingRestore, setPendingRestore] = useState<RecoveredBuffer | null>(null);
  useSiteReset(generation, () => {
    setRecovered([]);
    setPendingRestore(null);
  });
  useEffect(() => {
    if (site) void api.listBuffers().then(setRecovered, () => undefined);
  }, [site]);
  const { loadedPath, hasBuffer, replaceText } = doc;
  useEffect(() => {
    if (pendingRestore && hasBuffer && loadedPath === pendingRestore.path && path === pendingRestore.path) {
      replaceText(pendingRestore.text);
      setPendingRestore(null);
    }
  }, [pendingRestore, hasBuffer, loadedPath, path, replaceText]);
  return {
    recovered,
    restoreFirst: () => {
      setPendingRestore(recovered[0]);
      setPath(recovered[0].path);
      setRecovered(recovered.slice(1));
    },
    discardAll: () => {
      void Promise.all(recovered.map((r) => api.dropBuffer({ path: r.path })));
      setRecovered([]);
    },
  };
}
