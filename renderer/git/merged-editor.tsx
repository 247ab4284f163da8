/**
 * The merged text of a conflicted file, editable, with git's conflict markers marked and the
 * caret put on the first one, so the writer starts where the decision is.
 */
import { useEffect, useRef } from 'react';
import { EditorState, RangeSetBuilder } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, keymap, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { editorLook } from '../editor/editor-theme';

const MARKER = /^(<<<<<<<|=======|>>>>>>>|\|\|\|\|\|\|\|)( |$)/;
const markerLine = Decoration.line({ class: 'cm-conflict-marker' });

function markers(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to; ) {
      const line = view.state.doc.lineAt(pos);
      if (MARKER.test(line.text)) builder.add(line.from, line.from, markerLine);
      pos = line.to + 1;
    }
  }
  return builder.finish();
}

const markConflicts = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = markers(view);
    }
    update(u: ViewUpdate) {
      if (u.docChanged || u.viewportChanged) this.decorations = markers(u.view);
    }
  },
  { decorations: (v) => v.decorations },
);

/** The offset of the first `<<<<<<<` line, or 0. */
export function firstConflictOffset(text: string): number {
  const m = /^<<<<<<<( |$)/m.exec(text);
  return m ? m.index : 0;
}

interface Props {
  /** Changes when another file (or a fresh copy) is loaded; typing does not reload. */
  docKey: string;
  text: string;
  onChange(text: string): void;
}

export function MergedEditor({ docKey, text, onChange }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const changed = useRef(onChange);
  changed.current = onChange;
  useEffect(() => {
    const at = firstConflictOffset(text);
    const view = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: text,
        selection: { anchor: at },
        extensions: [
          history(),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          // Plain text: as Markdown, `=======` under a line would make it a heading.
          EditorView.lineWrapping,
          editorLook,
          markConflicts,
          EditorView.contentAttributes.of({ 'aria-label': 'Merged text' }),
          EditorView.updateListener.of((u) => u.docChanged && changed.current(u.state.doc.toString())),
        ],
      }),
    });
    requestAnimationFrame(() => view.dispatch({ effects: EditorView.scrollIntoView(at, { y: 'start', yMargin: 24 }) }));
    return () => view.destroy();
    // A new document per file; typing stays inside CodeMirror.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [docKey]);
  return <div className="merged-host" ref={host} />;
}
