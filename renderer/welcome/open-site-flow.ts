/**
 * "Open site…" as a person meets it: the native folder picker in the desktop app, a typed path
 * (with the recent sites to click) in a browser, and a question before opening a folder that
 * holds no Jekyll site. Errors come back as one sentence for the app's notice bar.
 */
import type { AppInfo, SiteSummary } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/api-error';
import { dialogs } from '../dialogs/dialog-store';
import { api } from '../app/api';
import { folderName } from './welcome-screen';

export interface OpenSiteDeps {
  info: AppInfo | null;
  /** Opens a folder (the app's `useSite().openSite`); throws the ApiError when refused. */
  openSite(path: string, allowNonJekyll?: boolean): Promise<SiteSummary>;
  /** Saves or settles the open post first; false keeps the current site. */
  beforeLeave(): Promise<boolean>;
  onError(message: string): void;
}

const ABSOLUTE = /^(\/|[a-zA-Z]:[\\/]|\\\\)/;

/** Desktop: the native picker. Web: a typed path or a recent site. Then opens it. */
export async function chooseAndOpenSite(deps: OpenSiteDeps): Promise<void> {
  let folder: string | null;
  if (deps.info?.canChooseFolder || deps.info?.host === 'electron') {
    try {
      folder = (await api.chooseSiteFolder()).path;
    } catch (error) {
      deps.onError(`The folder picker failed: ${(error as Error).message}`);
      return;
    }
  } else {
    const recent = await api.recentSites().catch(() => [] as string[]);
    folder = await dialogs.ask({
      title: 'Open site',
      description: 'Type the full path of the folder that holds your Jekyll site (the one with _config.yml and _posts).',
      label: 'Folder',
      placeholder: '/home/you/my-blog',
      submitLabel: 'Open',
      validate: (v) => (ABSOLUTE.test(v.trim()) ? null : 'Type the full path, starting at the root (for example /home/you/my-blog).'),
      choices: recent.map((path) => ({ value: path, label: `${folderName(path)} — ${path}` })),
      choicesLabel: 'Recent sites',
    });
    folder = folder?.trim() || null;
  }
  if (folder) await openSitePath(folder, deps);
}

/** The recent sites in a list to pick from, then opens the one picked. */
export async function chooseRecentSite(deps: OpenSiteDeps): Promise<void> {
  const recent = await api.recentSites().catch(() => [] as string[]);
  const folder = await dialogs.choose({
    title: 'Recent sites',
    choices: recent.map((path) => ({ value: path, label: `${folderName(path)} — ${path}` })),
    empty: 'No site has been opened yet.',
  });
  if (folder) await openSitePath(folder, deps);
}

/** Opens one folder; asks before opening a folder without a Jekyll site. */
export async function openSitePath(folder: string, deps: OpenSiteDeps): Promise<void> {
  if (!(await deps.beforeLeave())) return;
  try {
    await deps.openSite(folder);
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'not-jekyll')) {
      deps.onError(`Could not open ${folder}: ${(error as Error).message}`);
      return;
    }
    const anyway = await dialogs.confirm({
      title: 'Not a Jekyll site',
      description: 'This folder holds no Jekyll site (no _config.yml/_posts). Open it anyway?',
      details: folder,
      confirmLabel: 'Open anyway',
    });
    if (!anyway) return;
    try {
      await deps.openSite(folder, true);
    } catch (again) {
      deps.onError(`Could not open ${folder}: ${(again as Error).message}`);
    }
  }
}
