/**
 * The native menu with the usual shortcuts; editor actions are forwarded to the renderer as
 * `menu-command` events, folder choice happens here with the native dialog.
 */
import { Menu, app, dialog, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/api/contract';
import type { CoreService } from '../core/service/dispatch';
import { broadcast } from './ipc-handlers';

export async function chooseAndOpenSite(service: CoreService, win: BrowserWindow | undefined): Promise<void> {
  const options = { title: 'Open a Jekyll site', properties: ['openDirectory' as const] };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  if (result.canceled || result.filePaths.length === 0) return;
  await openSite(service, result.filePaths[0]);
}

async function openSite(service: CoreService, folder: string): Promise<void> {
  try {
    await service.api.openSite({ path: folder });
    app.addRecentDocument(folder);
  } catch (error) {
    dialog.showErrorBox('Could not open the folder', (error as Error).message);
  }
  await installMenu(service, () => undefined);
}

export async function installMenu(service: CoreService, focused: () => BrowserWindow | undefined): Promise<void> {
  const recent = await service.api.recentSites().catch(() => [] as string[]);
  const send = (command: MenuCommand) => () => broadcast('menu-command', { command });
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Post', accelerator: 'CmdOrCtrl+N', click: send('new-post') },
        { label: 'Open Site…', accelerator: 'CmdOrCtrl+O', click: () => void chooseAndOpenSite(service, focused()) },
        {
          label: 'Open Recent',
          submenu: recent.length
            ? recent.map((folder) => ({ label: folder, click: () => void openSite(service, folder) }))
            : [{ label: 'No recent sites', enabled: false }],
        },
        { type: 'separator' },
        { label: 'Save', accelerator: 'CmdOrCtrl+S', click: send('save') },
        { label: 'Quick Open…', accelerator: 'CmdOrCtrl+P', click: send('quick-open') },
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
        { label: 'Find and Replace…', accelerator: 'CmdOrCtrl+F', click: send('find') },
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
