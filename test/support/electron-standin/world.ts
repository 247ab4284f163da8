/**
 * One Electron "process" of the stand-in: its app, windows, IPC, protocols, dialogs… and the
 * `electron` module object the main bundle receives from `require('electron')`.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StandinApp } from './app';
import { browserWindowClass, type StandinBrowserWindow } from './browser-window';
import { StandinDialog } from './dialog';
import { StandinIpcMain } from './ipc-main';
import { StandinMenuModule } from './menu';
import { StandinProtocol } from './protocol';
import { StandinSafeStorage, type SafeStorageOptions } from './safe-storage';
import { StandinSessionModule } from './session';
import { StandinShell } from './shell';
import type { PageHost } from './web-contents';

export const ELECTRON_VERSION = '45.4.1';

export interface WorldOptions {
  /** The process's command line; argv[0] is the executable, argv[1] the app in development. */
  argv?: string[];
  cwd?: string;
  name?: string;
  version?: string;
  safeStorage?: SafeStorageOptions;
  /** Where default paths (userData, trash…) live; a new temp folder when absent. */
  root?: string;
}

export type ElectronWorld = ReturnType<typeof createElectronWorld>;

export function createElectronWorld(options: WorldOptions = {}) {
  const root = options.root ?? mkdtempSync(path.join(os.tmpdir(), 'pw-electron-standin-'));
  const app = new StandinApp({
    name: options.name ?? 'Postwright',
    version: options.version ?? '0.1.0',
    argv: options.argv ?? ['/opt/Postwright/postwright'],
    cwd: options.cwd ?? process.cwd(),
    root,
    platform: process.platform,
  });
  const state = { pageHost: undefined as PageHost | undefined };
  const session = new StandinSessionModule();
  const windows: StandinBrowserWindow[] = [];
  const focused = { window: null as StandinBrowserWindow | null };
  const BrowserWindow = browserWindowClass({ app, session, host: () => state.pageHost, windows, focused });
  const protocol = new StandinProtocol(app);
  const ipcMain = new StandinIpcMain();
  const dialog = new StandinDialog(app, (value) => value instanceof BrowserWindow);
  const menu = new StandinMenuModule();
  const shell = new StandinShell(path.join(root, 'Trash'));
  const safeStorage = new StandinSafeStorage(app, options.safeStorage ?? { backend: 'gnome_libsecret', available: true });
  app.on('standin:close-all-windows', () => {
    for (const win of [...windows]) win.destroy();
  });

  const modules: Record<string, unknown> = {
    app,
    BrowserWindow,
    protocol,
    ipcMain,
    dialog,
    Menu: menu,
    shell,
    safeStorage,
    session,
    webContents: {
      getAllWebContents: () => windows.filter((w) => !w.isDestroyed()).map((w) => w.webContents),
      getFocusedWebContents: () => focused.window?.webContents ?? null,
      fromId: (id: number) => windows.find((w) => w.webContents.id === id)?.webContents,
    },
  };
  /** `require('electron')`: our modules, and a clear error for anything the stand-in lacks. */
  const electron = new Proxy(modules, {
    get(target, key) {
      if (typeof key === 'symbol' || key in target || key.startsWith('__') || key === 'default' || key === 'then') return target[key as string];
      throw new Error(`the stand-in electron module has no '${key}' (add it under test/support/electron-standin)`);
    },
  });

  return {
    root,
    electron,
    app,
    BrowserWindow,
    windows: () => windows.filter((w) => !w.isDestroyed()),
    protocol,
    ipcMain,
    dialog,
    menu,
    shell,
    safeStorage,
    session,
    setPageHost(host: PageHost | undefined) {
      state.pageHost = host;
    },
  };
}
