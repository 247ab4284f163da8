/**
 * The one operation the Undo button reverses (a file operation or a tag batch).
 */
import { useState } from 'react';
import type { UndoEntry } from '../app/post-actions';
import { useSiteReset } from './use-site-reset';

export interface UndoStore {
  undo: UndoEntry | null;
  setUndo(entry: UndoEntry | null): void;
}

export function useUndo(generation: number): UndoStore {
  const [undo, setUndo] = useState<UndoEntry | null>(null);
  useSiteReset(generation, () => setUndo(null));
  return { undo, setUndo };
}
