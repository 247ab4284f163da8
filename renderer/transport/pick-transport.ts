/**
 * Chooses the transport at start-up: the preload bridge inside Electron, HTTP in a browser.
 */
import type { Transport } from '../../shared/api/contract';
import { createHttpTransport } from './http-transport';
import { createIpcTransport } from './ipc-transport';

export function pickTransport(): Transport {
  return window.postwright ? createIpcTransport(window.postwright) : createHttpTransport();
}
