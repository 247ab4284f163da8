/**
 * Puts the stand-in's windows into Chromium pages: each web contents gets a page whose requests to
 * the stand-in origin are answered by the main process's own `app://` handler (bytes and CSP as
 * it sends them), whose navigations pass through `will-navigate` / `will-frame-navigate`, and whose
 * preload bridge reaches the main process's real `ipcMain` handlers.
 *
 * Chromium cannot load `app://` itself, so the page lives at STANDIN_ORIGIN and every URL is mapped
 * to `app://renderer/…` before the main process sees it (sender checks, navigation rules).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Frame, Page, Request, Route } from 'playwright-core';
import { pageInitScript } from './sandbox-preload';
import { frameFor, type FrameInfo, type PageHost, type StandinWebContents } from './web-contents';
import { ELECTRON_VERSION, type ElectronWorld } from './world';

const codec = createRequire(__filename)('./bridge-codec.cjs') as { encode(v: unknown): unknown; decode(v: unknown): unknown };

export const STANDIN_ORIGIN = 'https://renderer.app-standin.test';
const APP_ORIGIN = 'app://renderer';

/** The URL the main process sees for a page URL. */
export function toAppUrl(pageUrl: string): string {
  return pageUrl.startsWith(`${STANDIN_ORIGIN}/`) ? APP_ORIGIN + pageUrl.slice(STANDIN_ORIGIN.length) : pageUrl;
}

/** The URL Chromium loads for an `app://renderer/…` URL. */
export function toPageUrl(appUrl: string): string {
  return appUrl.startsWith(`${APP_ORIGIN}/`) ? STANDIN_ORIGIN + appUrl.slice(APP_ORIGIN.length) : appUrl;
}

/** Electron's user agent: Chrome's plus the app and `Electron/<version>`. */
export function electronUserAgent(chromeVersion: string, app = 'Postwright/0.1.0'): string {
  return `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) ${app} Chrome/${chromeVersion} Electron/${ELECTRON_VERSION} Safari/537.36`;
}

type PageMessage =
  | { kind: 'invoke'; channel: string; args: unknown }
  | { kind: 'send'; channel: string; args: unknown }
  | { kind: 'window-open'; url: string; frameName: string; features: string }
  | { kind: 'permission'; permission: string }
  | { kind: 'js-dialog'; type: string; message: string }
  | { kind: 'preload-error'; message: string }
  | { kind: 'exposed'; key: string };

function frameInfo(frame: Frame): FrameInfo {
  const parent = frame.parentFrame();
  return frameFor(toAppUrl(frame.url()), parent ? frameInfo(parent) : null, frame.name());
}

export class ChromiumPageHost implements PageHost {
  readonly pages = new Map<StandinWebContents, Page>();
  private readonly contentsOf = new Map<Page, StandinWebContents>();
  private readonly programmatic = new Map<Page, string>();
  private readonly binding = `__pwStandinIpc_${randomBytes(6).toString('hex')}`;
  private readonly deliverKey = `__pwStandinDeliver_${randomBytes(6).toString('hex')}`;
  private delivery = Promise.resolve();
  private routed = false;

  constructor(
    readonly context: BrowserContext,
    private readonly world: ElectronWorld,
  ) {}

  async load(contents: StandinWebContents, url: string): Promise<void> {
    await this.routeOnce();
    let page = this.pages.get(contents);
    if (!page || page.isClosed()) {
      page = await this.context.newPage();
      this.pages.set(contents, page);
      this.contentsOf.set(page, contents);
      await page.exposeBinding(this.binding, async (source, text: string) => JSON.stringify((await this.onMessage(contents, source.frame, JSON.parse(text) as PageMessage)) ?? null));
      await page.addInitScript(this.initScript(contents));
      page.on('framenavigated', (frame) => {
        if (frame === page!.mainFrame()) contents.committed(toAppUrl(frame.url()));
      });
    }
    this.programmatic.set(page, url);
    await page.goto(toPageUrl(url), { waitUntil: 'load' });
  }

  deliver(contents: StandinWebContents, channel: string, args: unknown[]): void {
    const page = this.pages.get(contents);
    if (!page || page.isClosed()) return;
    const carried = JSON.stringify(codec.encode(args));
    const key = this.deliverKey;
    this.delivery = this.delivery.then(() =>
      page
        .evaluate(([k, ch, value]) => (window as unknown as Record<string, (c: unknown, v: unknown) => void>)[k as string]?.(ch, value), [key, channel, carried] as const)
        .catch(() => undefined),
    );
  }

  async close(contents: StandinWebContents): Promise<void> {
    const page = this.pages.get(contents);
    this.pages.delete(contents);
    if (page) {
      this.contentsOf.delete(page);
      await page.close().catch(() => undefined);
    }
  }

  private initScript(contents: StandinWebContents): string {
    const preloadPath = contents.webPreferences.preload as string | undefined;
    const source = preloadPath ? readFileSync(preloadPath, 'utf8') : null;
    return pageInitScript(
      {
        binding: this.binding,
        deliverKey: this.deliverKey,
        preloadPath: preloadPath ?? '',
        contextIsolation: contents.webPreferences.contextIsolation !== false,
        process: { platform: process.platform, arch: process.arch, versions: { electron: ELECTRON_VERSION, chrome: this.context.browser()?.version() ?? '' } },
      },
      source,
    );
  }

  private async onMessage(contents: StandinWebContents, frame: Frame, message: PageMessage): Promise<unknown> {
    const event = { sender: contents, senderFrame: frameInfo(frame), frameId: 1, processId: 1 };
    switch (message.kind) {
      case 'invoke': {
        const reply = await this.world.ipcMain.invoke(event, message.channel, codec.decode(message.args) as unknown[]);
        return reply.ok ? { ok: true, value: codec.encode(reply.value) } : reply;
      }
      case 'send':
        this.world.ipcMain.emit(message.channel, event, ...(codec.decode(message.args) as unknown[]));
        return null;
      case 'window-open':
        return contents.openWindow(message.url, message.frameName, message.features);
      case 'permission':
        return contents.session.requestPermission(contents, message.permission);
      case 'js-dialog':
        contents.jsDialogs.push({ type: message.type, message: message.message });
        return null;
      case 'preload-error':
        contents.preloadErrors.push(message.message);
        return null;
      case 'exposed':
        contents.exposed.push(message.key);
        return null;
      default:
        return null;
    }
  }

  /** Every request of the desktop pages: the app's protocols answer; nothing reaches the network. */
  private async routeOnce(): Promise<void> {
    if (this.routed) return;
    this.routed = true;
    await this.context.route('**/*', (route, request) => this.onRequest(route, request));
  }

  private async onRequest(route: Route, request: Request): Promise<void> {
    const url = request.url();
    if (request.isNavigationRequest()) {
      let frame: Frame | null = null;
      try {
        frame = request.frame();
      } catch {
        frame = null;
      }
      const page = frame?.page();
      const contents = page ? this.contentsOf.get(page) : undefined;
      if (frame && page && contents) {
        const appUrl = toAppUrl(url);
        const isMainFrame = frame === page.mainFrame();
        if (isMainFrame && this.programmatic.get(page) === appUrl) {
          this.programmatic.delete(page); // loadURL: no will-navigate
        } else if (!contents.navigate(appUrl, { isMainFrame, frame: frameInfo(frame) })) {
          // A prevented navigation never starts: ERR_ABORTED leaves the current document in place.
          return route.abort('aborted');
        }
      }
    }
    // The page's own origin stands for app://renderer; other custom schemes (pw-site:) reach Chromium
    // as they are and go to their handler too. Nothing reaches the network.
    const scheme = url.slice(0, url.indexOf(':'));
    const ours = url.startsWith(`${STANDIN_ORIGIN}/`) || (scheme !== 'http' && scheme !== 'https' && this.world.protocol.isProtocolHandled(scheme));
    if (!ours) return route.abort('blockedbyclient');
    try {
      const response = await this.world.protocol.fetch(toAppUrl(url), { method: request.method() });
      const headers: Record<string, string> = {};
      response.headers.forEach((value, key) => (headers[key] = value));
      await route.fulfill({ status: response.status, headers, body: Buffer.from(await response.arrayBuffer()) });
    } catch {
      await route.abort('failed').catch(() => undefined);
    }
  }
}
