/**
 * The stand-in `ipcMain` (https://www.electronjs.org/docs/latest/api/ipc-main): one handler per
 * channel, values structured-cloned both ways (https://www.electronjs.org/docs/latest/tutorial/ipc),
 * a rejected handler reaching the renderer as its message only.
 */
import { EventEmitter } from 'node:events';
import { ElectronRuleError } from './standin-event';
import type { FrameInfo, StandinWebContents } from './web-contents';

const DOCS = 'https://www.electronjs.org/docs/latest/api/ipc-main';

type InvokeHandler = (event: IpcEvent, ...args: unknown[]) => unknown;

export interface IpcEvent {
  sender: StandinWebContents;
  senderFrame: FrameInfo | null;
  frameId: number;
  processId: number;
}

export type InvokeReply = { ok: true; value: unknown } | { ok: false; error: string };

export class StandinIpcMain extends EventEmitter {
  private readonly handlers = new Map<string, InvokeHandler>();

  handle(channel: string, handler: InvokeHandler): void {
    // "Attempted to register a second handler for '<channel>'" — one handler per channel.
    if (this.handlers.has(channel)) throw new ElectronRuleError(`Attempted to register a second handler for '${channel}'`, `${DOCS}#ipcmainhandlechannel-listener`);
    this.handlers.set(channel, handler);
  }

  handleOnce(channel: string, handler: InvokeHandler): void {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel);
      return handler(event, ...args);
    });
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** Channels with a handler (what a test checks after a second instance). */
  handledChannels(): string[] {
    return [...this.handlers.keys()];
  }

  /** A renderer's `ipcRenderer.invoke(channel, ...args)`, args already cloned by the renderer. */
  async invoke(event: IpcEvent, channel: string, args: unknown[]): Promise<InvokeReply> {
    const handler = this.handlers.get(channel);
    if (!handler) return { ok: false, error: `Error: No handler registered for '${channel}'` };
    try {
      const result = await handler(event, ...args);
      return { ok: true, value: structuredClone(result) };
    } catch (error) {
      // "Errors thrown through handle in the main process are not transparent … only the message property … is provided"
      return { ok: false, error: String(error) };
    }
  }
}
