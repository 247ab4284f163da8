/**
 * The native menu with the same shortcuts as web mode: editor actions (and Open Site, whose
 * dialog flow lives in the page) are forwarded to the renderer as `menu-command` events.
 */
import { Menu, app, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/api/contract';
import type { CoreService } from '../core/service/dispatch';
import { broadcast } from './ipc-handlers';
import { openFolder } from './open-folder';

export async function installMenu(service: CoreService, focused: () => BrowserWindow | undefined): Promise<void> {
  const recent = await service.api.recentSites().catch(() => [] as string[]);
  const send = (command: MenuCommand) => () => broadcast('menu-command', { command });
  // The page itself handles these keys in both modes (renderer/app/app.tsx, CodeMirror's search): the menu
  // shows them but does not grab them, so one press acts once.
  const pageKey = { registerAccelerator: false };
  const openRecent = (folder: string) => async () => {
    if (await openFolder(service, folder, focused())) await installMenu(service, focused);
  };
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Post', accelerator: 'CmdOrCtrl+N', click: send('new-post') },
        { label: 'Open Site…', accelerator: 'CmdOrCtrl+O', click: send('open-site'), ...pageKey },
        {
          label: 'Open Recent',
          submenu: recent.length
            ? recent.map((folder) => ({ label: folder, click: () => void openRecent(folder)() }))
            : [{ label: 'No recent sites', enabled: false }],
        },
        { type: 'separator' },
        { label: 'Save', accelerator: 'CmdOrCtrl+S', click: send('save'), ...pageKey },
        { label: 'Quick Open…', accelerator: 'CmdOrCtrl+P', click: send('quick-open'), ...pageKey },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo', accelerator: isMac ? 'Shift+Cmd+Z' : 'Ctrl+Shift+Z' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Find and Replace…', accelerator: 'CmdOrCtrl+F', click: send('find'), ...pageKey },
      ],
    },
    {
      label: '&View',
      submenu: [
        { label: 'Toggle Preview', accelerator: 'CmdOrCtrl+Shift+P', click: send('toggle-preview') },
        { type: 'separator' },
        { label: 'Zoom In', accelerator: 'CmdOrCtrl+=', click: send('zoom-in') },
        { label: 'Zoom Out', accelerator: 'CmdOrCtrl+-', click: send('zoom-out') },
        { label: 'Actual Size', accelerator: 'CmdOrCtrl+0', click: send('zoom-reset') },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
