/**
 * Chooses the transport at start-up: the preload bridge inside the desktop app, HTTP in a browser.
 *
 * The desktop page never falls back to HTTP: there is no web host behind it, so a missing or
 * broken bridge would only turn into 404s. It gets a transport that refuses every call instead,
 * and `bridgeProblem()` tells the entry point to show an error screen.
 */
import type { Transport } from '../../shared/api/contract';
import { createHttpTransport } from './http-transport';
import { createIpcTransport, type PreloadBridge } from './ipc-transport';

/** True in the desktop app: our own `app://renderer` page, or an Electron user agent. */
export function isDesktopPage(): boolean {
  return window.location.protocol === 'app:' || /\bElectron\//.test(navigator.userAgent);
}

function usableBridge(bridge: unknown): bridge is PreloadBridge {
  const b = bridge as Partial<PreloadBridge> | undefined;
  return typeof b === 'object' && b !== null && typeof b.invoke === 'function' && typeof b.subscribe === 'function';
}

/** Why the desktop page cannot talk to the app, or null when it can (or is not the desktop page). */
export function bridgeProblem(): string | null {
  if (!isDesktopPage()) return null;
  if (window.postwright === undefined) return 'The bridge to the app (window.postwright) is missing: the preload script did not run.';
  if (!usableBridge(window.postwright)) return 'The bridge to the app (window.postwright) is incomplete: it lacks invoke or subscribe.';
  return null;
}

function refusingTransport(reason: string): Transport {
  return {
    invoke: () => Promise.reject(Object.assign(new Error(reason), { data: { code: 'internal', message: reason } })),
    subscribe: () => () => undefined,
  };
}

export function pickTransport(): Transport {
  if (isDesktopPage()) {
    const problem = bridgeProblem();
    return problem ? refusingTransport(problem) : createIpcTransport(window.postwright!);
  }
  return createHttpTransport();
}
