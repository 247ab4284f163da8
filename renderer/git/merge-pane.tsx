/**
 * Two texts side by side with changed lines marked and the changed words inside them highlighted
 * (`@codemirror/merge`), opened at the first change. The pane fills its parent and scrolls by
 * itself, so the page around it never scrolls and its header stays in view.
 */
import { useEffect, useRef } from 'react';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { MergeView } from '@codemirror/merge';
import { markdown } from '@codemirror/lang-markdown';
import { editorLook } from '../editor/editor-theme';
import './merge.css';

interface Props {
  /** Left side (the older text, or mine). */
  a: string;
  /** Right side (the newer text, or theirs). */
  b: string;
  labelA: string;
  labelB: string;
  /** Called with the view once it shows (tests and callers may read its chunks). */
  onReady?(view: MergeView): void;
}

const readOnly: Extension = [EditorState.readOnly.of(true), EditorView.editable.of(false)];

/** Where the first change starts on side B (or A when B has none), or null when the texts are equal. */
function firstChange(view: MergeView): { side: EditorView; pos: number } | null {
  const chunk = view.chunks[0];
  if (!chunk) return null;
  return chunk.fromB < chunk.toB || chunk.fromA === chunk.toA ? { side: view.b, pos: chunk.fromB } : { side: view.a, pos: chunk.fromA };
}

/** Scrolls the merge view so its first change is in view (near the top third). */
export function scrollToFirstChange(view: MergeView): void {
  const first = firstChange(view);
  if (!first) return;
  const top = first.side.lineBlockAt(first.pos).top + first.side.documentTop - view.dom.getBoundingClientRect().top + view.dom.scrollTop;
  view.dom.scrollTop = Math.max(0, top - view.dom.clientHeight / 3);
}

export function MergePane({ a, b, labelA, labelB, onReady }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const ready = useRef(onReady);
  ready.current = onReady;

  useEffect(() => {
    const extensions = (label: string): Extension => [
      readOnly,
      EditorView.lineWrapping,
      markdown(),
      editorLook,
      EditorView.contentAttributes.of({ 'aria-label': label }),
    ];
    const view = new MergeView({
      a: { doc: a, extensions: extensions(labelA) },
      b: { doc: b, extensions: extensions(labelB) },
      parent: host.current!,
      highlightChanges: true,
      gutter: true,
      collapseUnchanged: { margin: 3, minSize: 8 },
    });
    // Layout settles in the next frame; then open at the first change.
    const frame = requestAnimationFrame(() => {
      scrollToFirstChange(view);
      ready.current?.(view);
    });
    return () => {
      cancelAnimationFrame(frame);
      view.destroy();
    };
  }, [a, b, labelA, labelB]);

  return (
    <div className="merge-pane">
      <div className="merge-labels" aria-hidden="true">
        <span>{labelA}</span>
        <span>{labelB}</span>
      </div>
      <div className="merge-host" ref={host} />
    </div>
  );
}
