/**
 * The window's top bar: site, open/recent, view tabs, git, the open post's path and Save.
 */
import type { AppInfo, SiteSummary, SyncOutcome } from '../../shared/api/contract';
import type { PostRecord } from '../../shared/jekyll/site-types';
import { GitBar } from '../git/git-bar';
import type { GitSession } from '../state/use-git-session';
import type { LayoutStore } from '../state/use-layout';

interface Props {
  info: AppInfo | null;
  site: SiteSummary | null;
  opening: string | null;
  layout: LayoutStore;
  git: GitSession;
  record: PostRecord | undefined;
  canDiff: boolean;
  canSave: boolean;
  onCommand(name: string): void;
  onRecent(): void;
  beforeSync(): Promise<boolean>;
  onSyncOutcome(outcome: SyncOutcome | null, message: string): void;
  onShowDiff(): void;
}

export function AppHeader({ info, site, opening, layout, git, record, canDiff, canSave, onCommand, onRecent, beforeSync, onSyncOutcome, onShowDiff }: Props) {
  const { view, setView } = layout;
  return (
    <header className="topbar">
      <strong className="site-title">{site?.title ?? 'Postwright'}</strong>
      {site?.isSample && <span className="badge sample">sample blog</span>}
      <button type="button" onClick={() => onCommand('open-site')} disabled={opening !== null}>
        Open site…
      </button>
      <button type="button" onClick={onRecent} disabled={opening !== null}>
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
      <GitBar status={git.status} canStoreToken={info?.canStoreGitToken ?? false} canDiff={canDiff} beforeSync={beforeSync} onOutcome={onSyncOutcome} onShowDiff={onShowDiff} />
      {record && (
        <span className="post-path" title={record.url}>
          {record.path}
        </span>
      )}
      <button type="button" hidden={!site} onClick={() => onCommand('save')} disabled={!canSave}>
        Save
      </button>
    </header>
  );
}
