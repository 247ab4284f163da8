/**
 * Talks to the Electron main process through the preload bridge (`window.postwright`).
 *
 * The bridge exposes exactly two functions; the renderer never sees ipcRenderer.
 */
import type { EventName, MethodName, Transport } from '../../shared/api/contract';

export interface PreloadBridge {
  invoke(method: string, req: unknown): Promise<{ ok: true; result: unknown } | { ok: false; error: unknown }>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    postwright?: PreloadBridge;
  }
}

export function createIpcTransport(bridge: PreloadBridge): Transport {
  return {
    async invoke(method: MethodName, req: unknown) {
      const reply = await bridge.invoke(method, req ?? {});
      if (!reply.ok) throw Object.assign(new Error('request failed'), { data: reply.error });
      return reply.result;
    },
    subscribe(listener) {
      return bridge.subscribe((event, payload) => listener(event as EventName, payload));
    },
  };
}
