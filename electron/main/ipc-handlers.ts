/**
 * One `ipcMain.handle` per contract method, each checking that the call comes from our own
 * page in one of our windows before validating and dispatching it.
 */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { methodNames, type EventName } from '../../shared/api/contract';
import { dispatchCall, type CoreService } from '../core/service/dispatch';
import { isAppUrl } from './app-protocol';

function senderIsOurs(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false; // top frame only: never the preview iframe
  if (!isAppUrl(frame.url)) return false;
  return BrowserWindow.getAllWindows().some((win) => win.webContents === event.sender);
}

/** Calls that must see the site the app opens at start (`--site`, else the last one) rather than race it. */
const AFTER_STARTUP_OPEN = new Set<string>(['getSite', 'openSite', 'listPosts', 'getPreviewContext']);

/**
 * The page loads while the start-up site may still be opening (a huge one takes a while): calls
 * about the site wait for that open, everything else answers at once.
 */
export function registerIpc(service: CoreService, startupOpen: Promise<unknown> = Promise.resolve()): () => void {
  for (const method of methodNames) {
    ipcMain.handle(`pw:${method}`, async (event, req: unknown) => {
      if (!senderIsOurs(event)) return { ok: false, error: { code: 'forbidden', message: 'call from an unknown sender' } };
      if (AFTER_STARTUP_OPEN.has(method)) await startupOpen;
      return dispatchCall(service.api, method, req);
    });
  }
  return service.subscribe((name: EventName, payload: unknown) => broadcast(name, payload));
}

/** Sends an event to every window. */
export function broadcast(name: EventName, payload: unknown): void {
  for (const win of BrowserWindow.getAllWindows()) {
    if (!win.isDestroyed()) win.webContents.send('pw:event', name, payload);
  }
}
