/**
 * The main window: post list, front-matter panel and Markdown editor, live preview with outline,
 * and a status bar. Keyboard: Ctrl/Cmd+S save, Ctrl/Cmd+P quick open, Ctrl/Cmd+F find.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { RecoveredBuffer } from '../../shared/api/contract';
import type { OutlineEntry } from '../../shared/preview/markdown-renderer';
import { PostList } from '../posts/post-list';
import { MarkdownEditor, scrollEditorToLine, type EditorHandle } from '../editor/markdown-editor';
import { usePostDocument } from '../editor/use-post-document';
import { bodyFirstLine, fromBuffer } from '../editor/post-buffer';
import { PreviewPane, scrollPreviewToLine, type PreviewController } from '../preview/preview-pane';
import { api } from './api';
import { textStats } from './text-stats';
import { useSite } from './use-site';
import { openSearchPanel } from '@codemirror/search';

const STATE_LABEL: Record<string, string> = { saved: 'Saved', dirty: 'Edited', saving: 'Saving…', conflict: 'Changed on disk', invalid: 'Not saved', error: 'Error' };

export function App() {
  const { info, site, posts, context, error, openSite, updateRecord } = useSite();
  const [path, setPath] = useState<string | null>(null);
  const doc = usePostDocument(path);
  const [outline, setOutline] = useState<OutlineEntry[]>([]);
  const [split, setSplit] = useState(0.5);
  const [recovered, setRecovered] = useState<RecoveredBuffer[]>([]);
  const [showCompare, setShowCompare] = useState(false);
  const [pendingRestore, setPendingRestore] = useState<RecoveredBuffer | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const editor = useRef<EditorHandle>({ view: null }).current;
  const frameRef = useRef<HTMLIFrameElement>(null);
  const preview = useRef<PreviewController>(null);
  const syncing = useRef(0);

  useEffect(() => {
    if (!path && posts.length) {
      const first = [...posts].filter((p) => !p.skipped).sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))[0];
      if (first) setPath(first.path);
    }
  }, [posts, path]);

  useEffect(() => {
    if (site) void api.listBuffers().then(setRecovered, () => undefined);
  }, [site]);

  useEffect(() => {
    if (pendingRestore && doc.buffer && path === pendingRestore.path) {
      doc.replaceText(pendingRestore.text);
      setPendingRestore(null);
    }
  }, [pendingRestore, doc, path]);

  const save = useCallback(async () => {
    const result = await doc.save();
    if (result?.status === 'saved' && result.record) updateRecord(result.record);
  }, [doc, updateRecord]);

  const command = useCallback(
    (name: string) => {
      if (name === 'save') void save();
      else if (name === 'quick-open') searchRef.current?.focus();
      else if (name === 'find' && editor.view) openSearchPanel(editor.view);
      else if (name === 'open-site') {
        const dir = window.prompt('Open the Jekyll site in this folder (full path):', site?.root ?? '');
        if (dir) void openSite(dir);
      } else if (name === 'zoom-in' || name === 'zoom-out' || name === 'zoom-reset') {
        const cur = Number(document.documentElement.style.fontSize.replace('%', '') || 100);
        const next = name === 'zoom-reset' ? 100 : Math.max(60, Math.min(200, cur + (name === 'zoom-in' ? 10 : -10)));
        document.documentElement.style.fontSize = `${next}%`;
      }
    },
    [save, editor, site, openSite],
  );

  useEffect(() => api.on('menu-command', (e) => command(e.command)), [command]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === 's') {
        e.preventDefault();
        command('save');
      } else if (key === 'p') {
        e.preventDefault();
        command('quick-open');
      } else if (key === 'o' && !e.shiftKey) {
        e.preventDefault();
        command('open-site');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [command]);

  const buffer = doc.buffer;
  const fullText = buffer ? fromBuffer(buffer) : '';
  const deferredBody = useDeferredValue(buffer?.body ?? '');
  const stats = useMemo(() => textStats(deferredBody), [deferredBody]);
  const firstLine = buffer ? bodyFirstLine(buffer) : 1;
  const record = posts.find((p) => p.path === path);

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

  const startDrag = (e: React.PointerEvent) => {
    const main = (e.currentTarget.parentElement as HTMLElement).getBoundingClientRect();
    const move = (ev: PointerEvent) => setSplit(Math.max(0.2, Math.min(0.8, (ev.clientX - main.left) / main.width)));
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  return (
    <div className="app">
      <header className="topbar">
        <strong className="site-title">{site?.title ?? 'Postwright'}</strong>
        {site?.isSample && <span className="badge sample">sample blog</span>}
        <button type="button" onClick={() => command('open-site')}>
          Open site…
        </button>
        <span className="spacer" />
        {record && <span className="post-path" title={record.url}>{record.path}</span>}
        <button type="button" onClick={() => command('save')} disabled={!buffer || doc.state === 'saved'}>
          Save
        </button>
      </header>
      {error && <div className="bar error" role="alert">{error}</div>}
      {site?.warnings.map((w) => (
        <div className="bar warning" key={w}>{w}</div>
      ))}
      {recovered.length > 0 && (
        <div className="bar warning" role="alert">
          Unsaved changes from last time: {recovered.map((r) => r.path).join(', ')}.{' '}
          <button
            type="button"
            onClick={() => {
              setPendingRestore(recovered[0]);
              setPath(recovered[0].path);
              setRecovered(recovered.slice(1));
            }}
          >
            Open
          </button>{' '}
          <button
            type="button"
            onClick={() => {
              void Promise.all(recovered.map((r) => api.dropBuffer({ path: r.path })));
              setRecovered([]);
            }}
          >
            Discard
          </button>
        </div>
      )}
      {doc.conflict && (
        <div className="bar conflict" role="alert">
          This post changed on disk while you were editing.
          <button type="button" onClick={() => void doc.keepMine()}>Keep mine</button>
          <button type="button" onClick={() => doc.takeTheirs()}>Take theirs</button>
          <button type="button" onClick={() => setShowCompare(!showCompare)}>{showCompare ? 'Hide comparison' : 'Compare'}</button>
        </div>
      )}
      {doc.conflict && showCompare && (
        <div className="compare">
          <label>
            Mine
            <textarea readOnly value={fullText} />
          </label>
          <label>
            On disk
            <textarea readOnly value={doc.conflict.diskText} />
          </label>
        </div>
      )}
      <div className="workspace">
        <PostList posts={posts} selected={path} onSelect={setPath} searchRef={searchRef} />
        <main className="main">
          <section className="edit-column" style={{ flexBasis: `${split * 100}%` }}>
            {buffer && (
              <>
                <details className="front-matter" open>
                  <summary>Front matter</summary>
                  <textarea
                    aria-label="Front matter"
                    spellCheck={false}
                    value={buffer.yaml}
                    rows={Math.min(14, Math.max(3, buffer.yaml.split('\n').length))}
                    onChange={(e) => doc.update({ yaml: e.target.value })}
                  />
                </details>
                <MarkdownEditor docKey={`${path}#${doc.loadCount}`} text={buffer.body} onChange={(body) => {
                    // The preview paints in this keystroke's task; React state follows.
                    preview.current?.render(fromBuffer({ ...buffer, body }));
                    doc.update({ body });
                  }} onScrollLine={onEditorScroll} handle={editor} />
              </>
            )}
            {!buffer && <div className="empty">{path ? 'Loading…' : 'Choose a post.'}</div>}
          </section>
          <div className="divider" role="separator" aria-orientation="vertical" aria-label="Resize editor and preview" onPointerDown={startDrag} />
          <section className="preview-column">
            {outline.length > 0 && (
              <details className="outline">
                <summary>Outline</summary>
                <ul>
                  {outline.map((h) => (
                    <li key={`${h.id}-${h.line}`} style={{ paddingLeft: (h.level - 1) * 12 }}>
                      <button
                        type="button"
                        onClick={() => {
                          scrollPreviewToLine(frameRef.current, h.line);
                          if (editor.view) scrollEditorToLine(editor.view, h.line - (firstLine - 1) + 1);
                        }}
                      >
                        {h.text}
                      </button>
                    </li>
                  ))}
                </ul>
              </details>
            )}
            {path && buffer && <PreviewPane context={context} assetBase={info?.assetBase ?? '/site-file/'} path={path} text={fullText} onOutline={setOutline} onScrollLine={onPreviewScroll} frameRef={frameRef} controller={preview} />}
          </section>
        </main>
      </div>
      <footer className="statusbar" aria-live="polite">
        <span className={`save-state ${doc.state}`}>{STATE_LABEL[doc.state]}</span>
        {doc.message && <span className="message">{doc.message}</span>}
        <span className="spacer" />
        <span>{stats.words} words</span>
        <span>{stats.minutes} min read</span>
        {record?.draft && <span className="badge draft">draft</span>}
      </footer>
    </div>
  );
}
