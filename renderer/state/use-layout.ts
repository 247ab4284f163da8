/**
 * How the window is arranged: which view shows, the editor/preview split, what is hidden.
 */
import { useCallback, useState } from 'react';

export type MainView = 'editor' | 'taxonomy' | 'images';

export interface LayoutStore {
  view: MainView;
  setView(view: MainView): void;
  /** The editor column's share of the editor/preview width (0.2–0.8). */
  split: number;
  setSplit(split: number): void;
  previewHidden: boolean;
  togglePreview(): void;
  showProblems: boolean;
  toggleProblems(): void;
}

export function useLayout(): LayoutStore {
  const [view, setView] = useState<MainView>('editor');
  const [split, setSplit] = useState(0.5);
  const [previewHidden, setPreviewHidden] = useState(false);
  const [showProblems, setShowProblems] = useState(false);
  const togglePreview = useCallback(() => setPreviewHidden((h) => !h), []);
  const toggleProblems = useCallback(() => setShowProblems((s) => !s), []);
  return {
    view,
    setView,
    split,
    setSplit,
    previewHidden,
    togglePreview,
    showProblems,
    toggleProblems,
  };
}
