/**
 * Opens a folder chosen outside the page (Open Recent, a second launch's `--site=`), with the
 * same policy as the page: a folder that holds no Jekyll site is opened only after asking.
 */
import { app, dialog, type BrowserWindow } from 'electron';
import path from 'node:path';
import type { CoreService } from '../core/service/dispatch';

/** The folder named by `--site=<folder>` in a command line, if any, resolved against that launch's folder. */
export function siteFromArgv(argv: readonly string[], cwd: string): string | undefined {
  const arg = argv.find((a, i) => i > 0 && a.startsWith('--site='));
  return arg ? path.resolve(cwd, arg.slice('--site='.length)) : undefined;
}

export async function openFolder(service: CoreService, folder: string, win: BrowserWindow | undefined): Promise<boolean> {
  try {
    // The user named this folder outside the page (command line, recent list): the core may open it.
    await service.allowSiteRoot?.(folder);
    try {
      await service.api.openSite({ path: folder });
    } catch (error) {
      if ((error as { code?: string }).code !== 'not-jekyll') throw error;
      const options = {
        type: 'question' as const,
        buttons: ['Open Anyway', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        message: 'This folder holds no Jekyll site.',
        detail: `${folder} has no _config.yml, _posts or _drafts. Open it anyway?`,
      };
      const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
      if (response !== 0) return false;
      await service.api.openSite({ path: folder, allowNonJekyll: true });
    }
    app.addRecentDocument(folder);
    return true;
  } catch (error) {
    dialog.showErrorBox('Could not open the folder', (error as Error).message);
    return false;
  }
}
