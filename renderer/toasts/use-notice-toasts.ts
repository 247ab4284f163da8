/**
 * Turns the app's notices into toasts: each message becomes a toast (an error-looking one in the
 * error tone), and an operation that can be undone carries its Undo on that toast. The Undo toast
 * closes when the entry goes (undone, replaced, another site), so a stale Undo is never offered.
 */
import { useLayoutEffect, useRef } from 'react';
import type { UndoEntry } from '../app/post-actions';
import { dismissAllToasts, dismissToast, toast, type ToastTone } from './toast-store';

interface Options {
  /** The current notice text ('' for none) and how to clear it once it is a toast. */
  notice: { notice: string; dismiss(): void };
  /** The operation the Undo would reverse, if any. */
  undo: UndoEntry | null;
  /** Changes when another site opens: every toast of the old site closes. */
  generation: number;
  /** Runs the undo (save first, undo, report, refresh): the app's own flow. */
  runUndo(entry: UndoEntry): void | Promise<void>;
}

/** How long an Undo stays on offer: long enough to notice a mistake and come back to it. */
const UNDO_MS = 20_000;

const FAILED = /\b(fail(ed|s)?|could not|cannot|can't|refused|error|not saved|nothing was undone)\b/i;

/** Error tone for messages that report something that did not happen. */
export function toneOf(message: string): ToastTone {
  return FAILED.test(message) ? 'error' : 'info';
}

export function useNoticeToasts({ notice, undo, generation, runUndo }: Options): void {
  const undoToast = useRef<{ id: number; entry: UndoEntry } | null>(null);
  const run = useRef(runUndo);
  run.current = runUndo;
  const shownUndo = useRef<UndoEntry | null>(null);

  // Layout effect: the message moves to a toast before the notice bar could paint it.
  useLayoutEffect(() => {
    const message = notice.notice;
    const freshUndo = undo && undo !== shownUndo.current ? undo : null;
    if (!message && !freshUndo) return;
    if (freshUndo) {
      shownUndo.current = freshUndo;
      if (undoToast.current) dismissToast(undoToast.current.id);
      const entry = freshUndo;
      const id = toast({
        title: message || entry.label,
        tone: 'success',
        duration: UNDO_MS,
        action: { label: 'Undo', ariaLabel: `Undo “${entry.label}”`, altText: `Undo ${entry.label}`, run: () => run.current(entry) },
      });
      undoToast.current = { id, entry };
    } else if (message) {
      toast({ title: message, tone: toneOf(message) });
    }
    if (message) notice.dismiss();
  }, [notice, undo]);

  // The entry went (undone, refused, replaced): its toast goes with it.
  useLayoutEffect(() => {
    if (undoToast.current && undoToast.current.entry !== undo) {
      dismissToast(undoToast.current.id);
      undoToast.current = null;
    }
    if (!undo) shownUndo.current = null;
  }, [undo]);

  useLayoutEffect(() => {
    if (generation === 0) return;
    dismissAllToasts(true);
    undoToast.current = null;
    shownUndo.current = null;
  }, [generation]);
}
