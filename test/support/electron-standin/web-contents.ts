/**
 * The stand-in `WebContents` (https://www.electronjs.org/docs/latest/api/web-contents): loads go to the
 * harness's Chromium page, `send` structured-clones, navigations and window.open go through the
 * app's `will-navigate` / `will-frame-navigate` / `setWindowOpenHandler`.
 */
import { EventEmitter } from 'node:events';
import { makeEvent } from './standin-event';
import type { StandinSession } from './session';

export interface FrameInfo {
  url: string;
  origin: string;
  name: string;
  parent: FrameInfo | null;
  top: FrameInfo | null;
  routingId: number;
  processId: number;
}

/** What the harness provides: a Chromium page per web contents. */
export interface PageHost {
  load(contents: StandinWebContents, url: string): Promise<void>;
  deliver(contents: StandinWebContents, channel: string, args: unknown[]): void;
  close(contents: StandinWebContents): Promise<void>;
}

export interface WindowOpenDetails {
  url: string;
  frameName: string;
  features: string;
  disposition: string;
  referrer: { url: string; policy: string };
}

type WindowOpenHandler = (details: WindowOpenDetails) => { action: 'allow' | 'deny'; overrideBrowserWindowOptions?: unknown };

let nextId = 1;

export class StandinWebContents extends EventEmitter {
  readonly id = nextId++;
  private url = '';
  private destroyed = false;
  private windowOpenHandler: WindowOpenHandler | null = null;
  readonly opened: { url: string; action: string }[] = [];
  readonly preloadErrors: string[] = [];
  /** Channels (and the first argument) of every `send`, in order. */
  readonly sent: { channel: string; first: unknown }[] = [];
  readonly jsDialogs: { type: string; message: string }[] = [];
  /** Keys the preload exposed with contextBridge (reported by the page). */
  readonly exposed: string[] = [];

  constructor(
    readonly session: StandinSession,
    readonly webPreferences: Record<string, unknown>,
    private readonly host: () => PageHost | undefined,
  ) {
    super();
  }

  get mainFrame(): FrameInfo {
    return frameFor(this.url, null);
  }

  getURL(): string {
    return this.url;
  }

  /** "loadURL" is programmatic: will-navigate is not emitted for it. */
  async loadURL(url: string): Promise<void> {
    this.url = url;
    const host = this.host();
    if (host) await host.load(this, url);
    this.emit('did-finish-load', makeEvent());
  }

  reload(): void {
    void this.loadURL(this.url);
  }

  /** Harness: the page committed a navigation to `url` (already allowed). */
  committed(url: string): void {
    this.url = url;
  }

  /** "Send an asynchronous message to the renderer process via channel … serialized with the Structured Clone Algorithm" */
  send(channel: string, ...args: unknown[]): void {
    const cloned = structuredClone(args);
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, first: cloned[0] });
    this.host()?.deliver(this, channel, cloned);
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  /** A window.open or target=_blank from the page: the handler decides; without one Electron would allow it. */
  openWindow(url: string, frameName = '', features = ''): 'allow' | 'deny' {
    const details: WindowOpenDetails = { url, frameName, features, disposition: 'new-window', referrer: { url: this.url, policy: 'strict-origin-when-cross-origin' } };
    const action = this.windowOpenHandler ? this.windowOpenHandler(details).action : 'allow';
    this.opened.push({ url, action });
    return action;
  }

  /**
   * A navigation started by the page (link, location, form), not by loadURL: `will-navigate` for the
   * main frame, then `will-frame-navigate` for any frame; true when nobody prevented it.
   */
  navigate(url: string, options: { isMainFrame?: boolean; frame?: FrameInfo } = {}): boolean {
    const isMainFrame = options.isMainFrame ?? true;
    const frame = options.frame ?? this.mainFrame;
    const details = { url, isMainFrame, frame, initiator: this.mainFrame, isSameDocument: false };
    if (isMainFrame) {
      const event = makeEvent(details);
      this.emit('will-navigate', event, url, false, isMainFrame, 0, 0);
      if (event.defaultPrevented) return false;
    }
    const frameEvent = makeEvent(details);
    this.emit('will-frame-navigate', frameEvent);
    return !frameEvent.defaultPrevented;
  }

  /** A server redirect during a navigation: `will-redirect`. */
  redirect(url: string, isMainFrame = true): boolean {
    const event = makeEvent({ url, isMainFrame });
    this.emit('will-redirect', event, url, false, isMainFrame, 0, 0);
    return !event.defaultPrevented;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isLoading(): boolean {
    return false;
  }

  focus(): void {}

  openDevTools(): void {}

  setZoomFactor(): void {}

  getZoomFactor(): number {
    return 1;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    void this.host()?.close(this);
    this.emit('destroyed');
  }
}

export function frameFor(url: string, parent: FrameInfo | null, name = ''): FrameInfo {
  let origin = 'null';
  try {
    const parsed = new URL(url);
    origin = parsed.origin !== 'null' ? parsed.origin : parsed.host ? `${parsed.protocol}//${parsed.host}` : 'null';
  } catch {
    // about:blank and the like
  }
  const frame: FrameInfo = { url, origin, name, parent, top: null, routingId: 1, processId: 1 };
  frame.top = parent ? parent.top : frame;
  return frame;
}
