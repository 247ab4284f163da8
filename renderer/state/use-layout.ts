/**
 * How the window is arranged: which view shows, the editor/side split, which panes are open,
 * and focus mode (nothing but the text).
 */
import { useCallback, useEffect, useState } from 'react';

export type MainView = 'editor' | 'taxonomy' | 'images';

export interface LayoutStore {
  view: MainView;
  setView(view: MainView): void;
  /** The editor column's share of the editor/side width (0.2–0.8). */
  split: number;
  setSplit(split: number): void;
  previewHidden: boolean;
  togglePreview(): void;
  /** The front-matter panel in the side column is open. */
  detailsOpen: boolean;
  setDetailsOpen(open: boolean): void;
  toggleDetails(): void;
  sidebarHidden: boolean;
  toggleSidebar(): void;
  showProblems: boolean;
  toggleProblems(): void;
  focusMode: boolean;
  toggleFocus(): void;
  exitFocus(): void;
}

/** Below this width the post list starts closed, so the text keeps its room. */
const NARROW = 1000;

function narrow(): boolean {
  return typeof window !== 'undefined' && window.innerWidth < NARROW;
}

export function useLayout(): LayoutStore {
  const [view, setView] = useState<MainView>('editor');
  const [split, setSplit] = useState(0.55);
  const [previewHidden, setPreviewHidden] = useState(false);
  const [detailsOpen, setDetailsOpen] = useState(true);
  const [sidebarHidden, setSidebarHidden] = useState(narrow);
  const [showProblems, setShowProblems] = useState(false);
  const [focusMode, setFocusMode] = useState(false);
  const togglePreview = useCallback(() => setPreviewHidden((h) => !h), []);
  const toggleDetails = useCallback(() => setDetailsOpen((o) => !o), []);
  const toggleSidebar = useCallback(() => setSidebarHidden((h) => !h), []);
  const toggleProblems = useCallback(() => setShowProblems((s) => !s), []);
  const toggleFocus = useCallback(() => setFocusMode((f) => !f), []);
  const exitFocus = useCallback(() => setFocusMode(false), []);
  // Crossing into a narrow window closes the post list; widening opens it again.
  useEffect(() => {
    let wasNarrow = narrow();
    const onResize = () => {
      const now = narrow();
      if (now !== wasNarrow) setSidebarHidden(now);
      wasNarrow = now;
    };
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  useEffect(() => {
    if (!focusMode) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented && !document.querySelector('[role=dialog], .cm-panels')) exitFocus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [focusMode, exitFocus]);
  return {
    view,
    setView,
    split,
    setSplit,
    previewHidden,
    togglePreview,
    detailsOpen,
    setDetailsOpen,
    toggleDetails,
    sidebarHidden,
    toggleSidebar,
    showProblems,
    toggleProblems,
    focusMode,
    toggleFocus,
    exitFocus,
  };
}
