/**
 * The preload bridge: exposes exactly the contract's call and event functions to the page.
 *
 * Runs sandboxed with context isolation; the page gets `window.postwright.invoke/subscribe`
 * and nothing else: no ipcRenderer, no Node, no arbitrary channels.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { eventNames, methodNames } from '../../shared/api/contract';

const methods = new Set<string>(methodNames);
const events = new Set<string>(eventNames);

contextBridge.exposeInMainWorld('postwright', {
  invoke(method: string, req: unknown): Promise<unknown> {
    if (typeof method !== 'string' || !methods.has(method)) {
      return Promise.resolve({ ok: false, error: { code: 'bad-request', message: `unknown method '${String(method)}'` } });
    }
    return ipcRenderer.invoke(`pw:${method}`, req);
  },
  subscribe(listener: (event: string, payload: unknown) => void): () => void {
    const handler = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (typeof name === 'string' && events.has(name)) listener(name, payload);
    };
    ipcRenderer.on('pw:event', handler);
    return () => {
      ipcRenderer.removeListener('pw:event', handler);
    };
  },
});
