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
import type { SiteSchema } from '../../shared/site/schema';
import type { Problem } from '../../shared/site/check-rules';
import type { EditResult } from '../../shared/front-matter/edit-front-matter';
import { toBuffer } from '../editor/post-buffer';
import { ProblemsPanel } from '../problems/problems-panel';
import { PostActions, newPost, type OperationDone, type UndoEntry } from './post-actions';
import { bannerPath, titleOf } from './front-matter-helpers';
import { FrontMatterPanel } from '../form/front-matter-panel';
import { insertDroppedImages } from '../manage/insert-images';
import { setField } from '../../shared/front-matter/edit-front-matter';
import { TaxonomyPanel } from '../manage/taxonomy-panel';
import { ImagesPanel } from '../manage/images-panel';
import { useGitStatus } from '../git/use-git-status';
import { GitBar } from '../git/git-bar';
import { ConflictPanel } from '../git/conflict-panel';
import { DialogHost } from '../dialogs/dialog-host';
import { dialogs } from '../dialogs/dialog-store';
import { WelcomeScreen } from '../welcome/welcome-screen';
import { chooseAndOpenSite, chooseRecentSite, openSitePath, type OpenSiteDeps } from '../welcome/open-site-flow';

const STATE_LABEL: Record<string, string> = { saved: 'Saved', dirty: 'Edited', saving: 'Saving…', conflict: 'Changed on disk', invalid: 'Not saved', error: 'Error' };

export function App() {
  const { info, site, posts, context, error, setError, ready, opening, generation, recent, firstStart, dismissWelcome, openSite, updateRecord, reload } = useSite();
  const [path, setPath] = useState<string | null>(null);
  const doc = usePostDocument(path);
  const [outline, setOutline] = useState<OutlineEntry[]>([]);
  const [split, setSplit] = useState(0.5);
  const [recovered, setRecovered] = useState<RecoveredBuffer[]>([]);
  const [showCompare, setShowCompare] = useState(false);
  const [pendingRestore, setPendingRestore] = useState<RecoveredBuffer | null>(null);
  const [schema, setSchema] = useState<SiteSchema | null>(null);
  const [fmTab, setFmTab] = useState<'form' | 'yaml'>('form');
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [showProblems, setShowProblems] = useState(false);
  const [undo, setUndo] = useState<UndoEntry | null>(null);
  const [notice, setNotice] = useState('');
  const [view, setView] = useState<'editor' | 'taxonomy' | 'images'>('editor');
  const [previewHidden, setPreviewHidden] = useState(false);
  const git = useGitStatus(site?.root ?? null);
  const [conflicts, setConflicts] = useState<string[] | null>(null);
  const [diffText, setDiffText] = useState<string | null>(null);
  const gitStates = useMemo(() => new Map((git.status?.files ?? []).map((f) => [f.path, f.state])), [git.status]);
  const pendingLine = useRef<number | null>(null);
  const loadedTitle = useRef('');
  useEffect(() => {
    if (doc.buffer) loadedTitle.current = titleOf(doc.buffer.yaml) ?? '';
    // Only when a post (re)loads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc.loadCount]);
  const searchRef = useRef<HTMLInputElement>(null);
  const editor = useRef<EditorHandle>({ view: null }).current;
  const frameRef = useRef<HTMLIFrameElement>(null);
  const preview = useRef<PreviewController>(null);
  const syncing = useRef(0);

  // Another site opened: nothing of the previous one stays (post, buffer, undo, conflicts, notices).
  useEffect(() => {
    if (generation === 0) return;
    setPath(null);
    setUndo(null);
    setNotice('');
    setConflicts(null);
    setDiffText(null);
    setShowCompare(false);
    setPendingRestore(null);
    setRecovered([]);
    setOutline([]);
    setSchema(null);
    setProblems(null);
  }, [generation]);

  useEffect(() => {
    if (!path && posts.length) {
      const first = [...posts].filter((p) => !p.skipped).sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))[0];
      if (first) setPath(first.path);
    }
  }, [posts, path]);

  useEffect(() => {
    if (!site) return;
    void api.listBuffers().then(setRecovered, () => undefined);
    void api.getSchema().then(setSchema, () => undefined);
    void api.checkSite().then(setProblems, () => undefined);
  }, [site]);

  const refreshProblems = useCallback(() => {
    setProblems(null);
    void api.checkSite().then(setProblems, () => setProblems([]));
  }, []);

  /** A form edit: the lossless editor changes the text, the buffer and preview follow. */
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

  useEffect(() => {
    if (pendingRestore && doc.buffer && doc.loadedPath === pendingRestore.path && path === pendingRestore.path) {
      doc.replaceText(pendingRestore.text);
      setPendingRestore(null);
    }
  }, [pendingRestore, doc, path]);

  useEffect(() => {
    if (pendingLine.current !== null && doc.buffer && editor.view) {
      const fileLine = pendingLine.current;
      pendingLine.current = null;
      const first = bodyFirstLine(doc.buffer);
      if (fileLine >= first) scrollEditorToLine(editor.view, fileLine - first + 1);
      else setFmTab('yaml');
    }
  }, [doc.buffer, doc.loadCount, editor]);

  const applyEditRef = useRef(applyEdit);
  applyEditRef.current = applyEdit;
  const stableApplyEdit = useCallback((edit: (text: string) => EditResult) => applyEditRef.current(edit), []);
  const formEnv = useMemo(
    () => ({ assetBase: info?.assetBase ?? '/site-file/', baseurl: context?.baseurl ?? '', timezone: typeof context?.site.timezone === 'string' ? context.site.timezone : null }),
    [info, context],
  );

  const save = useCallback(async () => {
    const result = await doc.save();
    if (result?.status === 'saved' && result.record) updateRecord(result.record);
  }, [doc, updateRecord]);

  /** Saves pending edits before a file operation; false when the save failed. */
  const beforeOperation = useCallback(async () => {
    if (doc.state === 'saved') return true;
    const r = await doc.save();
    return r === null || r.status === 'saved';
  }, [doc]);

  /** A file operation finished: its message, its Undo, and the post to show. */
  const afterOperation = useCallback(
    (done: OperationDone) => {
      setNotice(done.message);
      if (done.undo) {
        setUndo(done.undo);
        setPath(done.select ?? null);
        setView('editor');
      }
      void reload();
      void api.getSchema().then(setSchema, () => undefined);
      refreshProblems();
    },
    [reload, refreshProblems],
  );

  const openDeps = useMemo<OpenSiteDeps>(
    () => ({
      info,
      openSite,
      onError: (message) => setNotice(message),
      beforeLeave: async () => {
        if (await beforeOperation()) return true;
        return dialogs.confirm({
          title: 'Unsaved changes',
          description: `Your changes to ${path ?? 'this post'} could not be saved${doc.message ? ` (${doc.message})` : ''}. Open the other site anyway? The unsaved text is kept for recovery and offered back when you open this site again.`,
          confirmLabel: 'Open anyway',
          destructive: true,
        });
      },
    }),
    [info, openSite, beforeOperation, path, doc.message],
  );

  const trySample = useCallback(() => {
    if (site?.isSample) return dismissWelcome();
    void (async () => {
      if (!(await openDeps.beforeLeave())) return;
      await openSite('sample').then(dismissWelcome, (e) => setNotice(`Could not open the sample blog: ${(e as Error).message}`));
    })();
  }, [site, openDeps, openSite, dismissWelcome]);

  const command = useCallback(
    (name: string) => {
      if (name === 'save') void save();
      else if (name === 'quick-open') searchRef.current?.focus();
      else if (name === 'new-post') {
        if (!site) return;
        void (async () => {
          if (!(await beforeOperation())) return;
          const done = await newPost(false, path);
          if (done) afterOperation(done);
        })();
      } else if (name === 'toggle-preview') setPreviewHidden((h) => !h);
      else if (name === 'find' && editor.view) openSearchPanel(editor.view);
      else if (name === 'open-site') {
        if (!opening) void chooseAndOpenSite(openDeps);
      } else if (name === 'zoom-in' || name === 'zoom-out' || name === 'zoom-reset') {
        const cur = Number(document.documentElement.style.fontSize.replace('%', '') || 100);
        const next = name === 'zoom-reset' ? 100 : Math.max(60, Math.min(200, cur + (name === 'zoom-in' ? 10 : -10)));
        document.documentElement.style.fontSize = `${next}%`;
      }
    },
    [save, editor, site, path, beforeOperation, afterOperation, openDeps, opening],
  );

  useEffect(() => api.on('menu-command', (e) => !dialogs.isOpen() && command(e.command)), [command]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || dialogs.isOpen()) return;
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
  const fullText = useMemo(() => (buffer ? fromBuffer(buffer) : ''), [buffer]);
  const deferredBody = useDeferredValue(buffer?.body ?? '');
  const stats = useMemo(() => textStats(deferredBody), [deferredBody]);
  const firstLine = buffer ? bodyFirstLine(buffer) : 1;
  const record = posts.find((p) => p.path === path);
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
        <button type="button" onClick={() => command('open-site')} disabled={opening !== null}>
          Open site…
        </button>
        <button type="button" onClick={() => void chooseRecentSite(openDeps)} disabled={opening !== null}>
          Recent sites…
        </button>
        <div role="tablist" aria-label="View" className="view-tabs" hidden={!site}>
          <button type="button" role="tab" aria-selected={view === 'editor'} onClick={() => setView('editor')}>
            Editor
          </button>
          <button type="button" role="tab" aria-selected={view === 'taxonomy'} onClick={() => setView('taxonomy')}>
            Tags &amp; categories
          </button>
          <button type="button" role="tab" aria-selected={view === 'images'} onClick={() => setView('images')}>
            Images
          </button>
        </div>
        <span className="spacer" />
        <GitBar
          status={git.status}
          canStoreToken={info?.canStoreGitToken ?? false}
          canDiff={!!path}
          beforeSync={async () => {
            if (doc.state === 'saved') return true;
            const r = await doc.save();
            return r === null || r.status === 'saved';
          }}
          onOutcome={(outcome, message) => {
            setNotice(message);
            if (outcome?.status === 'conflict') setConflicts(outcome.files);
            git.refresh();
            void reload();
          }}
          onShowDiff={() => path && void api.gitDiff({ path }).then((d) => setDiffText(d.diff || 'No changes since the last commit.'), (e) => setNotice((e as Error).message))}
        />
        {record && <span className="post-path" title={record.url}>{record.path}</span>}
        <button type="button" hidden={!site} onClick={() => command('save')} disabled={!buffer || doc.state === 'saved'}>
          Save
        </button>
      </header>
      {site && (
        <PostActions
          record={record ?? null}
          selected={path}
          title={liveTitle}
          loadedTitle={loadedTitle.current}
          undo={undo}
          beforeOperation={beforeOperation}
          onDone={afterOperation}
          onUndone={(entry, message, undone) => {
            setNotice(message);
            setUndo(null);
            if (undone) setPath(entry.before);
            void reload();
            void api.getSchema().then(setSchema, () => undefined);
            refreshProblems();
          }}
        />
      )}
      {opening && (
        <div className="bar info opening" role="progressbar" aria-label="Opening site" aria-valuetext={`Opening ${opening}`}>
          Opening {opening}…
        </div>
      )}
      {notice && (
        <div className="bar info" role="status">
          {notice}
          <button type="button" aria-label="Dismiss" onClick={() => setNotice('')}>
            ×
          </button>
        </div>
      )}
      {error && site && (
        <div className="bar error" role="alert">
          {error}
          <button type="button" aria-label="Dismiss" onClick={() => setError('')}>
            ×
          </button>
        </div>
      )}
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
      {conflicts && (
        <ConflictPanel
          files={conflicts}
          onDone={(_outcome, message) => {
            setNotice(message);
            setConflicts(null);
            git.refresh();
            void reload();
          }}
        />
      )}
      {!conflicts && git.status?.operation && (
        <div className="bar conflict" role="alert">
          A sync stopped on a conflict.
          <button type="button" onClick={() => setConflicts(git.status!.files.filter((f) => f.state === 'conflicted').map((f) => f.path))}>
            Resolve
          </button>
        </div>
      )}
      {diffText !== null && (
        <section className="diff" aria-label="Changes since the last commit">
          <header>
            <strong>Changes in {path} since the last commit</strong>
            <button type="button" onClick={() => setDiffText(null)}>
              Close
            </button>
          </header>
          <pre>
            {diffText.split('\n').map((line, i) => (
              <span key={i} className={line.startsWith('+') ? 'add' : line.startsWith('-') ? 'del' : ''}>
                {line}
                {'\n'}
              </span>
            ))}
          </pre>
        </section>
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
      {ready && !site && (
        <WelcomeScreen
          variant="page"
          recent={recent}
          sampleOpen={false}
          opening={opening}
          error={error}
          onOpenFolder={() => command('open-site')}
          onOpenRecent={(p) => void openSitePath(p, openDeps)}
          onTrySample={trySample}
        />
      )}
      {site?.isSample && firstStart && (
        <WelcomeScreen
          variant="banner"
          recent={recent.filter((r) => r !== site.root)}
          sampleOpen={site.isSample}
          opening={opening}
          onOpenFolder={() => command('open-site')}
          onOpenRecent={(p) => void openSitePath(p, openDeps)}
          onTrySample={trySample}
        />
      )}
      <div className="workspace" hidden={!site}>
        <PostList posts={posts} selected={path} onSelect={setPath} searchRef={searchRef} gitStates={gitStates} />
        {view === 'taxonomy' && (
          <TaxonomyPanel
            onApplied={(label, undoId) => {
              setNotice(label);
              setUndo(undoId ? { id: undoId, label, path: null, before: null } : null);
              void reload();
              refreshProblems();
            }}
            onOpenPost={(p) => {
              setPath(p);
              setView('editor');
            }}
          />
        )}
        {view === 'images' && (
          <ImagesPanel
            assetBase={info?.assetBase ?? '/site-file/'}
            onMessage={setNotice}
            onSetBanner={
              buffer
                ? (sitePath) => {
                    const error = applyEdit((t) => setField(t, bannerPath(schema), `/${sitePath}`));
                    setNotice(error ?? `Banner of ${path} set to /${sitePath} (not saved yet)`);
                    setView('editor');
                  }
                : null
            }
          />
        )}
        <main className="main" hidden={view !== 'editor'}>
          <section className="edit-column" style={{ flexBasis: previewHidden ? '100%' : `${split * 100}%` }}>
            {buffer && (
              <>
                <FrontMatterPanel
                  yaml={buffer.yaml}
                  schema={schema}
                  tab={fmTab}
                  onTab={setFmTab}
                  env={formEnv}
                  onEdit={stableApplyEdit}
                  onYamlChange={(yaml) => doc.update({ yaml })}
                  generation={doc.loadCount}
                />
                <MarkdownEditor docKey={`${path}#${doc.loadCount}`} text={buffer.body} onChange={(body) => {
                    // The preview paints in this keystroke's task; React state follows.
                    const now = doc.latest();
                    if (now) preview.current?.render(fromBuffer({ ...now, body }));
                    doc.update({ body });
                  }} onScrollLine={onEditorScroll}
                  onFiles={(files, pos) => editor.view && void insertDroppedImages(files, pos, editor.view, setNotice)}
                  handle={editor}
                />
              </>
            )}
            {!buffer && <div className="empty">{path ? 'Loading…' : 'Choose a post.'}</div>}
          </section>
          <div className="divider" role="separator" aria-orientation="vertical" aria-label="Resize editor and preview" onPointerDown={startDrag} />
          <section className="preview-column" hidden={previewHidden}>
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
      {showProblems && (
        <ProblemsPanel
          problems={problems}
          onRefresh={refreshProblems}
          onOpen={(p) => {
            pendingLine.current = p.line ?? null;
            if (p.path === path && doc.buffer && editor.view && p.line) {
              const first = bodyFirstLine(doc.buffer);
              if (p.line >= first) scrollEditorToLine(editor.view, p.line - first + 1);
              else setFmTab('yaml');
              pendingLine.current = null;
            } else setPath(p.path);
          }}
        />
      )}
      <DialogHost />
      <footer className="statusbar" aria-live="polite" hidden={!site}>
        <button type="button" className="problems-toggle" aria-expanded={showProblems} onClick={() => setShowProblems(!showProblems)}>
          Problems ({problems ? problems.length : '…'})
        </button>
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
