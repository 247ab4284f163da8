/**
 * What the rest of the app asks of an editor view (scroll to a line, open find), without
 * importing CodeMirror: the editor is loaded lazily, after the post list has painted, and an
 * editor view exists only once its module has loaded and provided these.
 */
import type { EditorView } from '@codemirror/view';

interface EditorActions {
  scrollToLine(view: EditorView, line: number): void;
  openFind(view: EditorView): void;
}

let actions: EditorActions | null = null;

/** Called by the editor module when it loads. */
export function provideEditorActions(provided: EditorActions): void {
  actions = provided;
}

/** Scrolls the editor so `line` (1-based, in the editor) is at the top. */
export function scrollEditorToLine(view: EditorView, line: number): void {
  actions?.scrollToLine(view, line);
}

/** Opens the editor's find panel. */
export function openEditorFind(view: EditorView): void {
  actions?.openFind(view);
}
