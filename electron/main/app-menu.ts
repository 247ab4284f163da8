/**
 * The native menu, built from the one command table (shared/commands.ts) so its shortcuts are
 * the page's shortcuts: every item is forwarded to the renderer as a `menu-command` event.
 *
 * The page handles each key itself in both modes (renderer/commands/use-shortcuts.ts), so the
 * menu shows the accelerators without grabbing them (`registerAccelerator: false`): one press
 * acts once, and a key works the same in a browser as in the desktop app.
 */
import { Menu, app, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { COMMANDS, commandSpec, type CommandId, type MenuName } from '../../shared/commands';
import type { CoreService } from '../core/service/dispatch';
import { broadcast } from './ipc-handlers';
import { openFolder } from './open-folder';

/** A menu item for a command of the table. */
function commandItem(id: CommandId): MenuItemConstructorOptions {
  const spec = commandSpec(id);
  return {
    // A single & marks a mnemonic in Electron's labels; && shows the character.
    label: spec.label.replace(/&/g, '&&'),
    ...(spec.keys ? { accelerator: spec.keys, registerAccelerator: false } : {}),
    click: () => broadcast('menu-command', { command: id }),
  };
}

/** The table's commands of one menu, in table order. */
function itemsOf(menu: MenuName, except: CommandId[] = []): MenuItemConstructorOptions[] {
  return COMMANDS.filter((c) => c.menu === menu && !except.includes(c.id)).map((c) => commandItem(c.id));
}

export async function installMenu(service: CoreService, focused: () => BrowserWindow | undefined): Promise<void> {
  const recent = await service.api.recentSites().catch(() => [] as string[]);
  const openRecent = (folder: string) => async () => {
    if (await openFolder(service, folder, focused())) await installMenu(service, focused);
  };
  const isMac = process.platform === 'darwin';
  const file = itemsOf('File');
  // Open Recent (the sites, not a command) follows Open Site….
  const afterOpen = COMMANDS.filter((c) => c.menu === 'File').findIndex((c) => c.id === 'open-site') + 1;
  file.splice(afterOpen, 0, {
    label: 'Open Recent',
    submenu: recent.length ? recent.map((folder) => ({ label: folder, click: () => void openRecent(folder)() })) : [{ label: 'No recent sites', enabled: false }],
  });
  const view = itemsOf('View', ['zoom-in', 'zoom-out', 'zoom-reset']);
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        ...file,
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
        ...itemsOf('Edit'),
      ],
    },
    {
      label: '&View',
      submenu: [
        ...view,
        { type: 'separator' },
        commandItem('zoom-in'),
        commandItem('zoom-out'),
        commandItem('zoom-reset'),
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
