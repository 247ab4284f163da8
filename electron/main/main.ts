/**
 * The Electron main process: one hardened window over the core service.
 *
 * Everything of substance lives in the core (plain Node); this file only wires the window,
 * protocols, IPC, menu and dialogs.
 */
import { BrowserWindow, app, dialog, shell } from 'electron';
import path from 'node:path';
import { createCoreService } from '../core/service/create-service';
import type { CoreService } from '../core/service/dispatch';
import { APP_ORIGIN, SITE_ASSET_BASE, handleProtocols, registerSchemes } from './app-protocol';
import { installMenu } from './app-menu';
import { registerIpc } from './ipc-handlers';
import { keychainTokenStore } from './token-store';
import { refusePermissions } from './window-security';

const distDir = path.resolve(__dirname, '..');
const rendererDir = path.join(distDir, 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');
const sampleDir = app.isPackaged
  ? path.join(process.resourcesPath, 'sample-blog')
  : path.resolve(distDir, '..', 'resources', 'sample-blog');

registerSchemes();
if (!app.requestSingleInstanceLock()) app.quit();

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

async function start(): Promise<void> {
  await app.whenReady();
  refusePermissions();
  const service: CoreService = await createCoreService({
    userDataDir: app.getPath('userData'),
    sampleDir,
    host: 'electron',
    assetBase: SITE_ASSET_BASE,
    canChooseFolder: true,
    version: app.getVersion(),
    osTrash: (file) => shell.trashItem(file),
    tokenStore: keychainTokenStore(app.getPath('userData')),
  });
  handleProtocols(rendererDir, service);
  registerIpc(service);
  const siteArg = process.argv.find((arg, i) => i > 0 && arg.startsWith('--site='));
  await service.api.openSite(siteArg ? { path: siteArg.slice('--site='.length) } : {}).catch(() => undefined);
  await installMenu(service, () => BrowserWindow.getFocusedWindow() ?? undefined);
  createWindow();
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => void service.close());
}

start().catch((error) => {
  dialog.showErrorBox('Postwright could not start', (error as Error).message);
  app.exit(1);
});
