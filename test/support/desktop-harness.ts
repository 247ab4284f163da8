/**
 * The desktop app as Electron would run it, without Electron: the real main bundle under the
 * stand-in `electron`, its window in a Debian Chromium page served by its own `app://` handler,
 * the real preload run by the sandbox's rules, IPC to its real handlers.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { ChromiumPageHost, electronUserAgent } from './electron-standin/chromium-page-host';
import { MAIN_BUNDLE, loadMain } from './electron-standin/load-main';
import type { SafeStorageOptions } from './electron-standin/safe-storage';
import type { StandinWebContents } from './electron-standin/web-contents';
import { createElectronWorld, type ElectronWorld } from './electron-standin/world';

export interface DesktopOptions {
  /** `--site=<folder>` on the command line. */
  site?: string;
  /** Extra command-line arguments. */
  args?: string[];
  /** POSTWRIGHT_USER_DATA; a new temp folder when absent. */
  userData?: string;
  height?: number;
  browser?: Browser;
  safeStorage?: SafeStorageOptions;
  /** Do not wait for a window (a second instance never opens one). */
  noWindow?: boolean;
}

export interface DesktopApp {
  world: ElectronWorld;
  browser: Browser;
  context: BrowserContext;
  host: ChromiumPageHost;
  userData: string;
  /** The Chromium page of the first window (undefined when none opened). */
  page: Page;
  pageOf(contents: StandinWebContents): Page | undefined;
  /** Quits this instance: the app's own quit path (before-quit, will-quit, quit). */
  quit(): Promise<void>;
}

let cacheDirSet = false;

async function until<T>(what: string, probe: () => T | undefined, world: ElectronWorld, timeout = 30_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    const box = world.dialog.errorBoxes[0];
    if (box) throw new Error(`the app showed an error box: ${box.title}: ${box.content}`);
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Starts one instance of the desktop app (a fresh main bundle) and, unless told not to, waits for its window's page. */
export async function startDesktop(options: DesktopOptions = {}): Promise<DesktopApp> {
  if (!cacheDirSet && !process.env.POSTWRIGHT_CACHE_DIR) {
    process.env.POSTWRIGHT_CACHE_DIR = await mkdtemp(path.join(os.tmpdir(), 'pw-desktop-cache-'));
    cacheDirSet = true;
  }
  const userData = options.userData ?? (await mkdtemp(path.join(os.tmpdir(), 'pw-desktop-user-')));
  const browser = options.browser ?? (await launchChromium());
  const context = await browser.newContext({
    viewport: { width: 1300, height: options.height ?? 900 },
    userAgent: electronUserAgent(browser.version()),
  });
  const argv = ['/opt/Postwright/postwright', ...(options.site ? [`--site=${options.site}`] : []), ...(options.args ?? [])];
  const world = createElectronWorld({ argv, safeStorage: options.safeStorage });
  const host = new ChromiumPageHost(context, world);
  world.setPageHost(host);
  const before = process.env.POSTWRIGHT_USER_DATA;
  process.env.POSTWRIGHT_USER_DATA = userData;
  try {
    loadMain(world, MAIN_BUNDLE);
  } finally {
    if (before === undefined) delete process.env.POSTWRIGHT_USER_DATA;
    else process.env.POSTWRIGHT_USER_DATA = before;
  }
  world.app.emitReady();
  const app: DesktopApp = {
    world,
    browser,
    context,
    host,
    userData,
    page: undefined as unknown as Page,
    pageOf: (contents) => host.pages.get(contents),
    async quit() {
      world.app.quit();
      await context.close().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 150)); // will-quit closes the service without waiting
    },
  };
  if (!options.noWindow) {
    const contents = await until('the first window', () => world.windows()[0]?.webContents, world);
    app.page = await until('its page', () => host.pages.get(contents), world);
    await until('the page to load', () => (contents.getURL() && !app.page.url().startsWith('about:') ? true : undefined), world);
  }
  return app;
}
