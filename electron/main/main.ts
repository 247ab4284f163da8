/**
 * The Electron main process: one hardened window over the core service.
 *
 * Everything of substance lives in the core (plain Node); this file only wires the window,
 * protocols, IPC, menu and dialogs. A second launch hands its command line to the first and
 * stops before registering anything.
 */
import { BrowserWindow, app, dialog, safeStorage, shell } from 'electron';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createCoreService } from '../core/service/create-service';
import type { CoreService } from '../core/service/dispatch';
import { APP_ORIGIN, SITE_ASSET_BASE, handleProtocols, registerSchemes } from './app-protocol';
import { installMenu } from './app-menu';
import { registerIpc } from './ipc-handlers';
import { openFolder, siteFromArgv } from './open-folder';
import { keychainTokenStore } from './token-store';
import { refusePermissions } from './window-security';

const distDir = path.resolve(__dirname, '..');
const rendererDir = path.join(distDir, 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');
const sampleDir = app.isPackaged
  ? path.join(process.resourcesPath, 'sample-blog')
  : path.resolve(distDir, '..', 'resources', 'sample-blog');

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    title: 'Postwright',
    show: false,
    backgroundColor: '#1e1e1e',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      buttons: ['Close Without Saving', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      message: 'You have unsaved changes.',
      detail: 'They are kept for recovery, but not written to the post.',
    });
    if (choice === 0) event.preventDefault();
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

async function start(): Promise<CoreService> {
  await app.whenReady();
  refusePermissions();
  const site = app.commandLine.getSwitchValue('site');
  const service: CoreService = await createCoreService({
    userDataDir: app.getPath('userData'),
    sampleDir,
    host: 'electron',
    assetBase: SITE_ASSET_BASE,
    canChooseFolder: true,
    version: app.getVersion(),
    osTrash: (file) => shell.trashItem(file),
    // The folder named on the command line may be opened even when it holds no Jekyll site yet.
    allowedRoots: site ? [path.resolve(site)] : [],
    tokenStore: keychainTokenStore(app.getPath('userData'), safeStorage),
    chooseFolder: async () => {
      const options = { title: 'Open a Jekyll site', properties: ['openDirectory' as const] };
      const win = BrowserWindow.getFocusedWindow();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
    },
  });
  handleProtocols(rendererDir, service);
  const focused = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  // The window does not wait for the start-up site: a huge one opens while the page is up.
  const startupOpen = service.api.openSite(site ? { path: path.resolve(site), allowNonJekyll: true } : {}).catch(() => undefined);
  registerIpc(service, startupOpen);
  await installMenu(service, focused);
  createWindow();
  // File › Open Recent follows every site that opens, whoever opened it.
  service.subscribe((name) => {
    if (name === 'site-opened') void installMenu(service, focused);
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => void service.close());
  return service;
}

/** A second launch: bring the first window forward and open the folder it was given. */
async function onSecondInstance(started: Promise<CoreService>, argv: string[], cwd: string): Promise<void> {
  const service = await started;
  const win = BrowserWindow.getAllWindows()[0] ?? createWindow(); // macOS keeps running without windows
  if (win.isMinimized()) win.restore();
  win.focus();
  const folder = siteFromArgv(argv, cwd);
  if (folder) await openFolder(service, folder, win);
}

// Before ready, so the session's data lands there too; setPath throws for a folder that does not exist.
const userData = process.env.POSTWRIGHT_USER_DATA;
if (userData) {
  mkdirSync(path.resolve(userData), { recursive: true });
  app.setPath('userData', path.resolve(userData));
}
registerSchemes();
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const started = start();
  app.on('second-instance', (_event, argv, cwd) => void onSecondInstance(started, argv, cwd).catch(() => undefined));
  started.catch((error) => {
    dialog.showErrorBox('Postwright could not start', (error as Error).message);
    app.exit(1);
  });
}
