/**
 * The main window. It only composes: each concern keeps its own state in a store hook under
 * renderer/state/ (selection, document session, site checks, git, layout, notices, undo,
 * recovery) and each part of the window is a component under renderer/layout/ or its feature folder.
 */
import { lazy, Suspense, useCallback, useMemo, useRef } from 'react';
import { setField } from '../../shared/front-matter/edit-front-matter';
import { DialogHost } from '../dialogs/dialog-host';
import { dialogs } from '../dialogs/dialog-store';
import { AppHeader } from '../layout/app-header';
import { DiskConflictBar } from '../layout/disk-conflict-bar';
import { GitBars } from '../layout/git-bars';
import { NoticeBars } from '../layout/notice-bars';
import { StatusBar } from '../layout/status-bar';
import { ImagesPanel } from '../manage/images-panel';
import { TaxonomyPanel } from '../manage/taxonomy-panel';
import { PostList } from '../posts/post-list';
import { ProblemsPanel } from '../problems/problems-panel';
import { useDocumentSession } from '../state/use-document-session';
import { useGitSession } from '../state/use-git-session';
import { useLayout } from '../state/use-layout';
import { useNotice } from '../state/use-notice';
import { useRecovery } from '../state/use-recovery';
import { useSelection } from '../state/use-selection';
import { useSiteChecks } from '../state/use-site-checks';
import { useUndo } from '../state/use-undo';
import { WelcomeScreen } from '../welcome/welcome-screen';
import { chooseRecentSite, openSitePath, type OpenSiteDeps } from '../welcome/open-site-flow';
import { bannerPath } from './front-matter-helpers';
import { PostActions, undoOperation, type OperationDone, type UndoEntry } from './post-actions';
import { useNoticeToasts } from '../toasts/use-notice-toasts';
import { useAppCommands } from './use-app-commands';
import { FindLayer } from '../find/find-layer';
import { useSite } from './use-site';

// The editor, preview and form (CodeMirror, Markdown, Liquid): their module loads while the post
// list is asked for, instead of being compiled before the page can ask for anything.
const EditorView = lazy(() => import('../layout/editor-view').then((m) => ({ default: m.EditorView })));

export function App() {
  const { info, site, posts, listReady, context, error, setError, ready, opening, generation, recent, firstStart, dismissWelcome, openSite, updateRecord, reload } = useSite();
  const selection = useSelection(posts, generation);
  const { path, setPath, record } = selection;
  const session = useDocumentSession(path, record, updateRecord);
  const { doc } = session;
  const checks = useSiteChecks(site, generation, listReady);
  const layout = useLayout();
  const notice = useNotice(generation);
  const { undo, setUndo } = useUndo(generation);
  const git = useGitSession(site?.root ?? null, generation);
  const recovery = useRecovery(site, generation, path, setPath, { loadedPath: doc.loadedPath, hasBuffer: !!doc.buffer, replaceText: doc.replaceText });
  const searchRef = useRef<HTMLInputElement>(null);
  const assetBase = info?.assetBase ?? '/site-file/';
  const formEnv = useMemo(
    () => ({ assetBase, baseurl: context?.baseurl ?? '', timezone: typeof context?.site.timezone === 'string' ? context.site.timezone : null }),
    [assetBase, context],
  );

  const { beforeOperation } = session;
  const { show: showNotice } = notice;
  const { setView } = layout;
  const { refreshAll, refreshProblems } = checks;

  /** An undo ran (from its toast): report it, forget the entry, show the post it brought back. */
  const afterUndo = useCallback(
    (entry: UndoEntry, message: string, undone: boolean) => {
      showNotice(message);
      setUndo(null);
      if (undone) setPath(entry.before);
      void reload();
      refreshAll();
    },
    [showNotice, setUndo, setPath, reload, refreshAll],
  );
  // Notices and their Undo show as toasts (renderer/toasts); the notice bar stays empty.
  useNoticeToasts({
    notice,
    undo,
    generation,
    runUndo: async (entry) => {
      if (!(await beforeOperation())) return;
      const r = await undoOperation(entry);
      afterUndo(entry, r.message, r.undone);
    },
  });

  /** A file operation finished: its message, its Undo, and the post to show. */
  const afterOperation = useCallback(
    (done: OperationDone) => {
      showNotice(done.message);
      if (done.undo) {
        setUndo(done.undo);
        setPath(done.select ?? null);
        setView('editor');
      }
      void reload();
      refreshAll();
    },
    [reload, refreshAll, showNotice, setUndo, setPath, setView],
  );

  const openDeps = useMemo<OpenSiteDeps>(
    () => ({
      info,
      openSite,
      onError: showNotice,
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
    [info, openSite, beforeOperation, path, doc.message, showNotice],
  );

  const trySample = useCallback(() => {
    if (site?.isSample) return dismissWelcome();
    void (async () => {
      if (!(await openDeps.beforeLeave())) return;
      await openSite('sample').then(dismissWelcome, (e) => showNotice(`Could not open the sample blog: ${(e as Error).message}`));
    })();
  }, [site, openDeps, openSite, dismissWelcome, showNotice]);

  const command = useAppCommands({ hasSite: !!site, opening, session, layout, openDeps, searchRef, afterOperation });
  const buffer = doc.buffer;

  return (
    <div className={layout.focusMode ? 'app focus-mode' : 'app'}>
      <AppHeader
        info={info}
        site={site}
        opening={opening}
        layout={layout}
        git={git}
        record={record}
        canDiff={!!path}
        canSave={!!buffer && doc.state !== 'saved'}
        onCommand={command}
        onRecent={() => void chooseRecentSite(openDeps)}
        beforeSync={beforeOperation}
        onSyncOutcome={(outcome, message) => {
          showNotice(message);
          if (outcome?.status === 'conflict') git.setConflicts(outcome.files);
          git.refresh();
          void reload();
        }}
        onShowDiff={() => path && git.showDiff(path, showNotice)}
      />
      {site && (
        <PostActions
          record={record ?? null}
          selected={path}
          title={session.liveTitle}
          loadedTitle={session.loadedTitle}
          undo={null}
          beforeOperation={beforeOperation}
          onDone={afterOperation}
          onUndone={afterUndo}
        />
      )}
      <NoticeBars site={site} opening={opening} notice={notice} error={error} onDismissError={() => setError('')} recovery={recovery} />
      <GitBars
        git={git}
        path={path}
        onResolved={(_outcome, message) => {
          showNotice(message);
          git.setConflicts(null);
          git.refresh();
          void reload();
        }}
      />
      {doc.conflict && <DiskConflictBar doc={doc} mine={session.fullText} />}
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
        <div className="sidebar-slot" hidden={layout.sidebarHidden}>
          <PostList posts={posts} selected={path} onSelect={setPath} searchRef={searchRef} gitStates={git.states} />
        </div>
        {layout.view === 'taxonomy' && (
          <TaxonomyPanel
            onApplied={(label, undoId) => {
              showNotice(label);
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
        {layout.view === 'images' && (
          <ImagesPanel
            assetBase={assetBase}
            onMessage={showNotice}
            onSetBanner={
              buffer
                ? (sitePath) => {
                    const problem = session.applyEdit((t) => setField(t, bannerPath(checks.schema), `/${sitePath}`));
                    showNotice(problem ?? `Banner of ${path} set to /${sitePath} (not saved yet)`);
                    setView('editor');
                  }
                : null
            }
          />
        )}
        <Suspense fallback={null}>
          <EditorView session={session} layout={layout} schema={checks.schema} formEnv={formEnv} context={context} assetBase={assetBase} onMessage={showNotice} />
        </Suspense>
      </div>
      {layout.showProblems && <ProblemsPanel problems={checks.problems} onRefresh={refreshProblems} onOpen={(p) => session.openAtLine(p.path, p.line ?? null, setPath)} />}
      {layout.focusMode && (
        <button type="button" className="focus-exit ghost" onClick={layout.exitFocus}>
          Leave focus mode (Esc)
        </button>
      )}
      {site && <FindLayer posts={posts} onOpenPost={(p, line) => (setView('editor'), session.openAtLine(p, line, setPath))} run={command} />}
      <DialogHost />
      <StatusBar hidden={!site} doc={doc} record={record} problems={checks.problems} showProblems={layout.showProblems} onToggleProblems={layout.toggleProblems} />
    </div>
  );
}
