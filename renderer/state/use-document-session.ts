/**
 * The open post as the editor sees it: its buffer and save state (usePostDocument), the body
 * editor and preview handles, the front-matter tab, form edits through the lossless editor, and
 * jumps to a line (from the problems list or the outline).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { EditResult } from '../../shared/front-matter/edit-front-matter';
import type { PostRecord } from '../../shared/jekyll/site-types';
import type { OutlineEntry } from '../../shared/preview/markdown-renderer';
import { titleOf } from '../app/front-matter-helpers';
import type { EditorHandle } from '../editor/markdown-editor';
import { scrollEditorToLine } from '../editor/editor-actions';
import { bodyFirstLine, fromBuffer, toBuffer } from '../editor/post-buffer';
import { usePostDocument } from '../editor/use-post-document';
import type { PreviewController } from '../preview/preview-pane';
import { scrollPreviewToLine } from '../preview/scroll-preview';

export type FrontMatterTab = 'form' | 'yaml';

export type PostDocument = ReturnType<typeof usePostDocument>;

export interface DocumentSession {
  path: string | null;
  doc: PostDocument;
  /** The title the post had when it (re)loaded, for the rename offer. */
  loadedTitle: string;
  /** The title as typed now (front matter first, then the index). */
  liveTitle: string;
  /** The whole file text of the buffer. */
  fullText: string;
  /** The file line where the body starts. */
  firstLine: number;
  editor: EditorHandle;
  preview: RefObject<PreviewController | null>;
  frameRef: RefObject<HTMLIFrameElement | null>;
  fmTab: FrontMatterTab;
  setFmTab(tab: FrontMatterTab): void;
  outline: OutlineEntry[];
  setOutline(outline: OutlineEntry[]): void;
  /** A form edit: the lossless editor changes the text, the buffer and preview follow; the error or null. */
  applyEdit(edit: (text: string) => EditResult): string | null;
  /** applyEdit with a stable identity, for the form (its fields keep drafts). */
  stableApplyEdit(edit: (text: string) => EditResult): string | null;
  /** A body keystroke: the preview paints in its own task, React state follows. */
  onBodyChange(body: string): void;
  save(): Promise<void>;
  /** Saves pending edits before a file operation; false when the save failed. */
  beforeOperation(): Promise<boolean>;
  /** Shows a file line of the open post: the body scrolls there, a front-matter line opens the YAML tab. */
  revealLine(fileLine: number): void;
  /** Opens another post at a file line (or this one). */
  openAtLine(path: string, line: number | null, open: (path: string) => void): void;
  onEditorScroll(line: number): void;
  onPreviewScroll(fileLine: number): void;
  /** An outline entry: both panes go to its line. */
  goToHeading(line: number): void;
}

export function useDocumentSession(path: string | null, record: PostRecord | undefined, onSaved: (record: PostRecord) => void): DocumentSession {
  const doc = usePostDocument(path);
  const [fmTab, setFmTab] = useState<FrontMatterTab>('form');
  const [outline, setOutline] = useState<OutlineEntry[]>([]);
  const editor = useRef<EditorHandle>({ view: null }).current;
  const frameRef = useRef<HTMLIFrameElement>(null);
  const preview = useRef<PreviewController>(null);
  const pendingLine = useRef<number | null>(null);
  const syncing = useRef(0);
  const loadedTitle = useRef('');
  useEffect(() => {
    if (doc.buffer) loadedTitle.current = titleOf(doc.buffer.yaml) ?? '';
    // Only when a post (re)loads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc.loadCount]);
  useEffect(() => {
    if (!path) setOutline([]);
  }, [path]);

  const applyEdit = useCallback(
    (edit: (text: string) => EditResult): string | null => {
      const now = doc.latest();
      if (!now) return 'no post is open';
      try {
        const result = edit(fromBuffer(now));
        if (result.changed) {
          const b = toBuffer(result.text);
          doc.update({ bom: b.bom, open: b.open, yaml: b.yaml, close: b.close, hadFrontMatter: b.hadFrontMatter });
          preview.current?.render(result.text);
        }
        return null;
      } catch (error) {
        return (error as Error).message;
      }
    },
    [doc],
  );
  const applyEditRef = useRef(applyEdit);
  applyEditRef.current = applyEdit;
  const stableApplyEdit = useCallback((edit: (text: string) => EditResult) => applyEditRef.current(edit), []);

  const { latest, update } = doc;
  const onBodyChange = useCallback(
    (body: string) => {
      const now = latest();
      if (now) preview.current?.render(fromBuffer({ ...now, body }));
      update({ body });
    },
    [latest, update],
  );

  const save = useCallback(async () => {
    const result = await doc.save();
    if (result?.status === 'saved' && result.record) onSaved(result.record);
  }, [doc, onSaved]);

  const beforeOperation = useCallback(async () => {
    if (doc.state === 'saved') return true;
    const r = await doc.save();
    return r === null || r.status === 'saved';
  }, [doc]);

  const revealLine = useCallback(
    (fileLine: number) => {
      const b = doc.latest();
      if (!b || !editor.view) return;
      const first = bodyFirstLine(b);
      if (fileLine >= first) scrollEditorToLine(editor.view, fileLine - first + 1);
      else setFmTab('yaml');
    },
    [doc, editor],
  );

  // A line asked for before its post loaded.
  useEffect(() => {
    if (pendingLine.current !== null && doc.buffer && editor.view) {
      const fileLine = pendingLine.current;
      pendingLine.current = null;
      const first = bodyFirstLine(doc.buffer);
      if (fileLine >= first) scrollEditorToLine(editor.view, fileLine - first + 1);
      else setFmTab('yaml');
    }
  }, [doc.buffer, doc.loadCount, editor]);

  const openAtLine = useCallback(
    (target: string, line: number | null, open: (path: string) => void) => {
      pendingLine.current = line;
      if (target === path && doc.buffer && editor.view && line) {
        revealLine(line);
        pendingLine.current = null;
      } else open(target);
    },
    [path, doc.buffer, editor, revealLine],
  );

  const buffer = doc.buffer;
  const fullText = useMemo(() => (buffer ? fromBuffer(buffer) : ''), [buffer]);
  const firstLine = buffer ? bodyFirstLine(buffer) : 1;
  // Typing in the body must not re-read the YAML: the title only changes with the front matter.
  const yaml = buffer?.yaml;
  const yamlTitle = useMemo(() => titleOf(yaml ?? ''), [yaml]);
  const liveTitle = yamlTitle ?? record?.title ?? '';

  const onEditorScroll = (line: number) => {
    if (Date.now() < syncing.current) return;
    syncing.current = Date.now() + 150;
    scrollPreviewToLine(frameRef.current, line - 1 + firstLine - 1);
  };
  const onPreviewScroll = (fileLine: number) => {
    if (Date.now() < syncing.current || !editor.view) return;
    syncing.current = Date.now() + 150;
    scrollEditorToLine(editor.view, fileLine - (firstLine - 1) + 1);
  };
  const goToHeading = (line: number) => {
    scrollPreviewToLine(frameRef.current, line);
    if (editor.view) scrollEditorToLine(editor.view, line - (firstLine - 1) + 1);
  };

  return {
    path,
    doc,
    loadedTitle: loadedTitle.current,
    liveTitle,
    fullText,
    firstLine,
    editor,
    preview,
    frameRef,
    fmTab,
    setFmTab,
    outline,
    setOutline,
    applyEdit,
    stableApplyEdit,
    onBodyChange,
    save,
    beforeOperation,
    revealLine,
    openAtLine,
    onEditorScroll,
    onPreviewScroll,
    goToHeading,
  };
}
