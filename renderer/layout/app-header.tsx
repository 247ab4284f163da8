/**
 * The window's top bar, always one line: pane toggles, the site and its open/recent buttons, view
 * tabs, git, the open post's path (ellipsised), Save, and a "More" menu that reaches every action
 * a narrow window has no room to show.
 */
import { FolderOpen, History, PanelLeft, PanelRight, Save, Scan } from 'lucide-react';
import type { AppInfo, SiteSummary, SyncOutcome } from '../../shared/api/contract';
import type { PostRecord } from '../../shared/jekyll/site-types';
import { GitBar } from '../git/git-bar';
import type { GitSession } from '../state/use-git-session';
import type { LayoutStore } from '../state/use-layout';
import { IconButton } from '../theme/tooltip';
import { OverflowMenu } from './overflow-menu';
import { shortcutOf } from './shortcut-of';

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
      {site && (
        <IconButton
          label={layout.sidebarHidden ? 'Show post list' : 'Hide post list'}
          icon={<PanelLeft />}
          shortcut={shortcutOf('toggle-sidebar')}
          aria-pressed={!layout.sidebarHidden}
          onClick={layout.toggleSidebar}
        />
      )}
      <strong className="site-title" title={site?.root}>
        {site?.title ?? 'Postwright'}
      </strong>
      {site?.isSample && <span className="badge sample">sample</span>}
      <IconButton label="Open site…" icon={<FolderOpen />} shortcut={shortcutOf('open-site')} onClick={() => onCommand('open-site')} disabled={opening !== null} />
      <IconButton label="Recent sites…" icon={<History />} onClick={onRecent} disabled={opening !== null} />
      <div role="tablist" aria-label="View" className="view-tabs" hidden={!site}>
        <button type="button" role="tab" aria-selected={view === 'editor'} onClick={() => setView('editor')}>
          Editor
        </button>
        <button type="button" role="tab" aria-selected={view === 'taxonomy'} aria-label="Tags & categories" title="Tags & categories" onClick={() => setView('taxonomy')}>
          Tags
        </button>
        <button type="button" role="tab" aria-selected={view === 'images'} onClick={() => setView('images')}>
          Images
        </button>
      </div>
      {record ? (
        <span className="post-path" title={`${record.path} → ${record.url}`}>
          {record.path}
        </span>
      ) : (
        <span className="spacer" />
      )}
      <span className="topbar-git">
        <GitBar status={git.status} canStoreToken={info?.canStoreGitToken ?? false} canDiff={canDiff} beforeSync={beforeSync} onOutcome={onSyncOutcome} onShowDiff={onShowDiff} />
      </span>
      {site && view === 'editor' && (
        <>
          <IconButton
            label={layout.detailsOpen ? 'Hide front matter' : 'Show front matter'}
            icon={<PanelRight />}
            shortcut={shortcutOf('toggle-details')}
            aria-pressed={layout.detailsOpen}
            className="wide-only"
            onClick={layout.toggleDetails}
          />
          <IconButton label="Focus mode" icon={<Scan />} shortcut={shortcutOf('focus-mode')} className="wide-only" onClick={layout.toggleFocus} />
        </>
      )}
      {site && (
        <IconButton label="Save" icon={<Save />} shortcut={shortcutOf('save')} showLabel variant="default" onClick={() => onCommand('save')} disabled={!canSave} />
      )}
      {site && <OverflowMenu layout={layout} onCommand={onCommand} onRecent={onRecent} opening={opening} />}
    </header>
  );
}
