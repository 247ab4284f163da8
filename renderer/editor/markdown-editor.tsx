/**
 * The CodeMirror 6 Markdown editor: GFM, highlighted fences, wrapping, search/replace, undo,
 * spellcheck. The document is set from outside only when a post (re)loads, so typing never
 * round-trips through React.
 */
import { useEffect, useRef } from 'react';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, drawSelection, highlightActiveLine, dropCursor, placeholder } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { search, searchKeymap, highlightSelectionMatches, openSearchPanel } from '@codemirror/search';
import { markdown, markdownLanguage } from '@codemirror/lang-markdown';
import { languages } from '@codemirror/language-data';
import { indentOnInput, bracketMatching } from '@codemirror/language';
import { editorLook } from './editor-theme';
import { provideEditorActions } from './editor-actions';

export interface EditorHandle {
  view: EditorView | null;
}

interface Props {
  /** Changes when a new text is loaded (not on every keystroke). */
  docKey: string;
  text: string;
  onChange(text: string): void;
  onScrollLine?(line: number): void;
  /** Image files dropped or pasted into the editor, with the document position. */
  onFiles?(files: File[], pos: number): void;
  handle: EditorHandle;
}

export function MarkdownEditor({ docKey, text, onChange, onScrollLine, onFiles, handle }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const callbacks = useRef({ onChange, onScrollLine, onFiles });
  callbacks.current = { onChange, onScrollLine, onFiles };

  useEffect(() => {
    let composed = false;
    const view = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: text,
        extensions: [
          history(),
          drawSelection(),
          dropCursor(),
          indentOnInput(),
          bracketMatching(),
          highlightActiveLine(),
          highlightSelectionMatches(),
          search({ top: true }),
          keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, indentWithTab]),
          markdown({ base: markdownLanguage, codeLanguages: languages }),
          EditorView.lineWrapping,
          placeholder('Write your post…'),
          EditorView.contentAttributes.of({ spellcheck: 'true', autocorrect: 'on', autocapitalize: 'sentences', 'aria-label': 'Editor' }),
          editorLook,
          EditorView.updateListener.of((u) => {
            if (!u.docChanged) return;
            // Text mid-composition (IME) is not the user's text yet: it goes out at compositionend.
            if (u.view.composing) composed = true;
            else callbacks.current.onChange(u.state.doc.toString());
          }),
          EditorView.domEventHandlers({
            compositionend: (_e, v) => {
              // CodeMirror applies the committed text just after this event.
              setTimeout(() => {
                if (!composed || v.composing) return;
                composed = false;
                callbacks.current.onChange(v.state.doc.toString());
              });
              return false;
            },
            drop: (e, v) => {
              const files = [...(e.dataTransfer?.files ?? [])].filter((f) => f.type.startsWith('image/'));
              if (!files.length || !callbacks.current.onFiles) return false;
              e.preventDefault();
              callbacks.current.onFiles(files, v.posAtCoords({ x: e.clientX, y: e.clientY }) ?? v.state.selection.main.head);
              return true;
            },
            paste: (e, v) => {
              const files = [...(e.clipboardData?.files ?? [])].filter((f) => f.type.startsWith('image/'));
              if (!files.length || !callbacks.current.onFiles) return false;
              e.preventDefault();
              callbacks.current.onFiles(files, v.state.selection.main.head);
              return true;
            },
            scroll: (_e, v) => {
              const top = v.lineBlockAtHeight(v.scrollDOM.scrollTop);
              callbacks.current.onScrollLine?.(v.state.doc.lineAt(top.from).number);
            },
          }),
        ],
      }),
    });
    handle.view = view;
    return () => {
      handle.view = null;
      view.destroy();
    };
    // The view is created once per loaded document.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [docKey]);

  return <div className="editor-host" ref={host} />;
}

/** Scrolls the editor so `line` (1-based, in the editor) is at the top. */
export function scrollEditorToLine(view: EditorView, line: number): void {
  const clamped = Math.max(1, Math.min(line, view.state.doc.lines));
  const pos = view.state.doc.line(clamped).from;
  view.dispatch({ effects: EditorView.scrollIntoView(pos, { y: 'start' }) });
}

provideEditorActions({ scrollToLine: scrollEditorToLine, openFind: (view) => void openSearchPanel(view) });
