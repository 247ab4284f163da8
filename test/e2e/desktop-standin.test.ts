/**
 * The desktop path through the stand-in Electron, and each Electron rule the stand-in enforces:
 * the sandboxed preload (no `__filename`, a short `require` list), structured clone across the
 * bridge and IPC, `prompt()` throwing, the single-instance lock, navigation and window.open
 * rules, permissions, the app's own protocols, menus, dialogs and safeStorage's basic_text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, cp, mkdir, mkdtemp, realpath, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../support/chromium';
import { startDesktop, type DesktopApp } from '../support/desktop-harness';
import { ChromiumPageHost, electronUserAgent, STANDIN_ORIGIN } from '../support/electron-standin/chromium-page-host';
import { loadMain, MAIN_BUNDLE } from '../support/electron-standin/load-main';
import { isValidAccelerator } from '../support/electron-standin/menu';
import { frameFor, type StandinWebContents } from '../support/electron-standin/web-contents';
import { createElectronWorld, type ElectronWorld } from '../support/electron-standin/world';
import { copySampleBlog } from '../contract/contract-suite';

const ROOT = path.resolve(__dirname, '../..');
const PRELOAD = path.join(ROOT, 'dist/electron/preload.cjs');

/** A world with a plain page at app://renderer/ and a window running `preloadSource` as its preload. */
async function probeWindow(browser: Browser, preloadSource: string): Promise<{ world: ElectronWorld; page: Page; contents: StandinWebContents; close(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pw-preload-'));
  const preload = path.join(dir, 'preload.cjs');
  await writeFile(preload, preloadSource);
  const world = createElectronWorld();
  const context = await browser.newContext({ userAgent: electronUserAgent(browser.version()) });
  const host = new ChromiumPageHost(context, world);
  world.setPageHost(host);
  world.protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
  world.app.emitReady();
  world.protocol.handle('app', () => new Response('<!doctype html><title>probe</title><p>probe</p>', { headers: { 'content-type': 'text/html' } }));
  const win = new world.BrowserWindow({ webPreferences: { preload, sandbox: true, contextIsolation: true } });
  await win.loadURL('app://renderer/index.html');
  return { world, page: host.pages.get(win.webContents)!, contents: win.webContents, close: () => context.close() };
}

describe.skipIf(!chromiumAvailable())('[desktop] the stand-in Electron enforces its rules', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('runs a preload as the sandbox does: __filename and Node modules are not there', async () => {
    // The line esbuild's banner used to put at the top of dist/electron/preload.cjs.
    const banner = await probeWindow(browser, "const import_meta_url = require('node:url').pathToFileURL(__filename).href;\nrequire('electron').contextBridge.exposeInMainWorld('postwright', {});\n");
    expect(banner.contents.preloadErrors.join('\n')).toMatch(/__filename is not defined/);
    expect(await banner.page.evaluate(() => typeof (window as unknown as { postwright?: unknown }).postwright)).toBe('undefined');
    await banner.close();

    const fs = await probeWindow(browser, "require('fs');");
    expect(fs.contents.preloadErrors).toEqual(['module not found: fs']);
    await fs.close();

    const allowed = await probeWindow(
      browser,
      `const { contextBridge } = require('electron');
       const EventEmitter = require('node:events');
       const { setTimeout: later } = require('timers');
       const { URL } = require('url');
       contextBridge.exposeInMainWorld('facts', {
         emitter: typeof new EventEmitter().on, later: typeof later, url: new URL('app://renderer/x').pathname,
         dirname: typeof __dirname, process: process.type + ' ' + process.sandboxed, env: Object.keys(process.env).length,
         buffer: typeof Buffer, exportsObject: typeof module.exports, requireType: typeof require,
       });
       window.leak = 'from the preload';`,
    );
    expect(allowed.contents.preloadErrors).toEqual([]);
    expect(await allowed.page.evaluate(() => (window as unknown as { facts: unknown }).facts)).toEqual({
      emitter: 'function', later: 'function', url: '/x', dirname: 'undefined', process: 'renderer true', env: 0, buffer: 'function', exportsObject: 'object', requireType: 'function',
    });
    // Context isolation: what the preload puts on its window stays in its world.
    expect(await allowed.page.evaluate(() => ({ leak: typeof (window as unknown as { leak?: string }).leak, require: typeof (window as unknown as { require?: unknown }).require, process: typeof (window as unknown as { process?: unknown }).process }))).toEqual({ leak: 'undefined', require: 'undefined', process: 'undefined' });
    await allowed.close();
  });

  it('copies values across the bridge and structured-clones them over IPC', async () => {
    const probe = await probeWindow(
      browser,
      `const { contextBridge, ipcRenderer } = require('electron');
       class Point { constructor() { this.x = 1; } norm() { return 1; } }
       contextBridge.exposeInMainWorld('probe', {
         buffer: () => Buffer.from('hi'),
         point: () => new Point(),
         symbol: () => Symbol('s'),
         withSymbol: () => ({ a: 1, s: Symbol('x') }),
         adder: () => (a) => a + 1,
         echo: (v) => ipcRenderer.invoke('echo', v),
         fails: () => { const e = new Error('boom'); e.code = 'X'; throw e; },
         ipc: ipcRenderer,
       });
       try { contextBridge.exposeInMainWorld('probe', {}); } catch (e) { contextBridge.exposeInMainWorld('second', e.message); }`,
    );
    probe.world.ipcMain.handle('echo', (_event, value) => ({ tag: Object.prototype.toString.call(value), isBuffer: Buffer.isBuffer(value), proto: value !== null && typeof value === 'object' ? Object.getPrototypeOf(value) === Object.prototype : null, value }));
    const seen = await probe.page.evaluate(async () => {
      const p = (window as unknown as { probe: Record<string, (...a: unknown[]) => unknown> }).probe;
      const buffer = p.buffer() as Uint8Array;
      const point = p.point() as { x: number; norm?: unknown };
      class Local { y = 2; m() {} }
      const echoFn = await (p.echo(() => 1) as Promise<unknown>).then(() => 'sent', (e: Error) => e.message);
      const echoBuffer = (await p.echo(new Uint8Array([1, 2]))) as { tag: string; isBuffer: boolean };
      const echoInstance = (await p.echo(new Local())) as { proto: boolean; value: unknown };
      const echoSymbol = await (p.echo(Symbol('z')) as Promise<unknown>).then(() => 'sent', (e: Error) => e.name);
      let thrown: { message: string; code: unknown } | null = null;
      try {
        p.fails();
      } catch (e) {
        thrown = { message: (e as Error).message, code: (e as { code?: unknown }).code };
      }
      return {
        buffer: [buffer.constructor.name, Array.from(buffer)],
        point: [Object.getPrototypeOf(point) === Object.prototype, point.x, typeof point.norm],
        symbol: typeof p.symbol(),
        withSymbol: Object.keys(p.withSymbol() as object),
        adder: (p.adder() as (a: number) => number)(1),
        echoFn,
        echoBuffer: [echoBuffer.tag, echoBuffer.isBuffer],
        echoInstance,
        echoSymbol,
        thrown,
        ipc: Object.keys(p.ipc as unknown as object),
        frozen: Object.isFrozen(p),
        second: (window as unknown as { second?: string }).second,
        pipe: Object.getOwnPropertyNames(window).filter((k) => k.startsWith('__pwStandinIpc')),
      };
    });
    expect(seen).toEqual({
      buffer: ['Uint8Array', [104, 105]], // a Buffer arrives as a plain Uint8Array
      point: [true, 1, 'undefined'], // a class instance loses its prototype
      symbol: 'undefined', // symbols are dropped
      withSymbol: ['a'],
      adder: 2, // functions are proxied
      echoFn: expect.stringMatching(/could not be cloned/), // IPC refuses a function
      echoBuffer: ['[object Uint8Array]', false],
      echoInstance: { tag: '[object Object]', isBuffer: false, proto: true, value: { y: 2 } }, // the class's prototype is gone
      echoSymbol: 'sent', // a symbol is dropped at the bridge before it could reach IPC
      thrown: { message: 'boom', code: undefined }, // errors are copied, their extra properties lost
      ipc: [], // ipcRenderer itself never crosses
      frozen: true,
      second: 'Cannot bind an API on top of an existing property on the window object',
      pipe: [],
    });
    await probe.close();
  });

  it('prompt() throws in the page; window.open goes to the handler; alert and confirm are recorded', async () => {
    const probe = await probeWindow(browser, '');
    probe.contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    probe.page.on('dialog', (d) => void d.dismiss());
    const result = await probe.page.evaluate(() => {
      let message = '';
      try {
        window.prompt('Title?');
      } catch (e) {
        message = (e as Error).message;
      }
      return { message, opened: window.open('https://example.com/') === null, confirmed: window.confirm('Sure?') };
    });
    expect(result).toEqual({ message: 'prompt() is and will not be supported.', opened: true, confirmed: false });
    await expect.poll(() => probe.contents.opened).toEqual([{ url: 'https://example.com/', action: 'deny' }]);
    await expect.poll(() => probe.contents.jsDialogs).toEqual([{ type: 'confirm', message: 'Sure?' }]);
    await probe.close();
  });

  it('grants every permission when the app sets no handler (what the security checklist warns about)', async () => {
    const probe = await probeWindow(browser, '');
    expect(await probe.page.evaluate(() => Notification.requestPermission())).toBe('granted');
    await probe.close();
  });

  it('keeps Electron rules for app, protocol, menu and safeStorage', () => {
    const world = createElectronWorld({ safeStorage: { backend: 'basic_text', available: true } });
    expect(() => new world.BrowserWindow({})).toThrow(/before app is ready/);
    expect(() => world.protocol.handle('app', () => new Response(''))).toThrow(/before ready/);
    expect(() => world.app.setPath('userData', path.join(world.root, 'missing'))).toThrow(/does not exist/);
    expect(world.safeStorage.isEncryptionAvailable()).toBe(false);
    world.app.emitReady();
    expect(() => world.protocol.registerSchemesAsPrivileged([{ scheme: 'x' }])).toThrow(/after ready/);
    expect(() => new world.BrowserWindow({ webPreferences: { sandbox: false } })).toThrow(/sandboxed/);
    expect(world.safeStorage.getSelectedStorageBackend()).toBe('basic_text');
    const secret = world.safeStorage.encryptString('token');
    expect(secret.subarray(0, 3).toString()).toBe('v10'); // Chromium's hard-coded key
    expect(world.safeStorage.decryptString(secret)).toBe('token');
    const locked = createElectronWorld({ safeStorage: { backend: 'unknown', available: false } });
    locked.app.emitReady();
    expect(() => locked.safeStorage.encryptString('token')).toThrow(/Encryption is not available/);
    expect(isValidAccelerator('CmdOrCtrl+Shift+P')).toBe(true);
    expect(isValidAccelerator('CmdOrCtrl+=')).toBe(true);
    expect(isValidAccelerator('Ctrl+Nope')).toBe(false);
    expect(() => world.menu.buildFromTemplate([{ role: 'explode' }])).toThrow(/unknown menu role/);
  });
});

describe.skipIf(!chromiumAvailable())('[desktop] the real main process under the stand-in', () => {
  let app: DesktopApp;
  let page: Page;
  let site: string;
  const contents = () => app.world.windows()[0].webContents;

  beforeAll(async () => {
    site = await copySampleBlog();
    app = await startDesktop({ site });
    page = app.page;
    await page.getByRole('listbox', { name: 'Posts' }).waitFor();
  });

  afterAll(async () => {
    await app?.quit();
    await app?.browser.close();
  });

  it('loads the real preload without error and exposes exactly invoke and subscribe', async () => {
    expect(contents().preloadErrors).toEqual([]);
    expect(contents().exposed).toEqual(['postwright']);
    expect(await page.evaluate(() => Object.keys((window as unknown as { postwright: object }).postwright).sort())).toEqual(['invoke', 'subscribe']);
    expect(await page.evaluate(() => ({ require: typeof (window as unknown as { require?: unknown }).require, process: typeof (window as unknown as { process?: unknown }).process }))).toEqual({ require: 'undefined', process: 'undefined' });
    expect(await page.evaluate(() => {
      try {
        window.prompt('x');
        return 'no throw';
      } catch (e) {
        return (e as Error).message;
      }
    })).toBe('prompt() is and will not be supported.');
  });

  it('honours POSTWRIGHT_USER_DATA and serves the page with its CSP from the app:// handler', async () => {
    expect(app.world.app.getPath('userData')).toBe(app.userData);
    const index = await app.world.protocol.fetch('app://renderer/index.html');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await app.world.protocol.fetch('app://renderer.evil/index.html')).status).toBe(404);
    expect((await app.world.protocol.fetch('pw-site://site/..%2f..%2f..%2fetc%2fpasswd')).status).toBeGreaterThanOrEqual(400);
    expect((await app.world.protocol.fetch('pw-site://site/assets/images/banners/lake.svg')).status).toBe(200);
  });

  it('allows navigation only within app://renderer; the rest is stopped or sent to the browser after the check', async () => {
    const c = contents();
    expect(c.navigate('app://renderer/index.html')).toBe(true);
    expect(c.navigate('app://renderer.evil/')).toBe(false);
    expect(c.navigate('app://renderer@evil/')).toBe(false);
    expect(c.navigate('app://renderer:80/')).toBe(false);
    expect(c.navigate('javascript:alert(1)')).toBe(false);
    expect(c.navigate('https://user:pw@example.com/')).toBe(false);
    expect(c.navigate('https://example.com/frame', { isMainFrame: false, frame: frameFor('about:srcdoc', c.mainFrame) })).toBe(false);
    expect(c.redirect('https://example.net/')).toBe(false);
    expect(app.world.shell.opened).toEqual([]);
    // A real navigation of the page: stopped, the link handed to the system browser, the page stays.
    await page.evaluate(() => void (window.location.href = 'https://example.com/docs'));
    await expect.poll(() => app.world.shell.opened).toEqual(['https://example.com/docs']);
    expect(page.url()).toBe(`${STANDIN_ORIGIN}/index.html`);
    expect(await page.evaluate(() => window.open('https://example.org/') === null)).toBe(true);
    await expect.poll(() => app.world.shell.opened).toEqual(['https://example.com/docs', 'https://example.org/']);
    expect(c.openWindow('file:///etc/passwd')).toBe('deny');
    expect(app.world.shell.opened).toHaveLength(2);
  });

  it('answers IPC only from the top frame of our own page in our own window', async () => {
    const c = contents();
    const call = (frame: ReturnType<typeof frameFor>, sender = c) => app.world.ipcMain.invoke({ sender, senderFrame: frame, frameId: 1, processId: 1 }, 'pw:getSite', [{}]);
    const ours = await call(frameFor('app://renderer/index.html', null));
    expect(ours).toMatchObject({ ok: true, value: { ok: true } });
    for (const url of ['app://renderer.evil/index.html', 'app://renderer@evil/index.html', 'https://renderer/index.html']) {
      expect(await call(frameFor(url, null))).toMatchObject({ ok: true, value: { ok: false, error: { code: 'forbidden' } } });
    }
    expect(await call(frameFor('app://renderer/index.html', c.mainFrame))).toMatchObject({ value: { ok: false, error: { code: 'forbidden' } } });
    const stranger = new (await import('../support/electron-standin/web-contents')).StandinWebContents(c.session, {}, () => undefined);
    expect(await call(frameFor('app://renderer/index.html', null), stranger)).toMatchObject({ value: { ok: false, error: { code: 'forbidden' } } });
  });

  it('refuses permissions the page asks for', async () => {
    expect(await page.evaluate(() => Notification.requestPermission())).toBe('denied');
    expect(c0(app).session.asked).toContainEqual({ permission: 'notifications', granted: false });
  });

  it('has the web shortcuts in its menu, and Open Site goes to the page', async () => {
    const menu = app.world.menu.applicationMenu!;
    const keys = Object.fromEntries(menu.accelerators().map((a) => [a.label, [a.accelerator, a.registerAccelerator]]));
    expect(keys).toMatchObject({ 'Open Site…': ['CmdOrCtrl+O', false], Save: ['CmdOrCtrl+S', false], 'Quick Open…': ['CmdOrCtrl+P', false] });
    await page.evaluate(() => {
      const w = window as unknown as { got: unknown[]; postwright: { subscribe(l: (e: string, p: unknown) => void): () => void } };
      w.got = [];
      w.postwright.subscribe((event, payload) => w.got.push([event, payload]));
    });
    menu.find('File', 'Open Site…')!.click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { got: unknown[] }).got)).toContainEqual(['menu-command', { command: 'open-site' }]);
  });

  it('File › Open Site… shows the native picker and opens the chosen site; Open Recent lists it', async () => {
    const other = await copySampleBlog();
    await writeFile(path.join(other, '_posts/2026-07-02-picked.md'), '---\ntitle: Picked with the native dialog\n---\nHi.\n');
    app.world.dialog.answer('showOpenDialog', { canceled: false, filePaths: [other] });
    app.world.menu.applicationMenu!.find('File', 'Open Site…')!.click();
    await expect.poll(() => page.getByRole('option', { name: /Picked with the native dialog/ }).count(), { timeout: 15_000 }).toBe(1);
    const real = await realpath(other);
    await expect.poll(() => app.world.menu.applicationMenu!.find('File', 'Open Recent', real)?.label).toBe(real);
    app.world.menu.applicationMenu!.find('File', 'Open Recent', await realpath(site))!.click();
    await expect.poll(() => page.getByRole('option', { name: /Picked with the native dialog/ }).count(), { timeout: 15_000 }).toBe(0);
  });

  it('gives the core the native folder picker', async () => {
    const other = await copySampleBlog();
    app.world.dialog.answer('showOpenDialog', { canceled: false, filePaths: [other] });
    const picked = await page.evaluate(() => (window as unknown as { postwright: { invoke(m: string, r: unknown): Promise<unknown> } }).postwright.invoke('chooseSiteFolder', {}));
    expect(picked, JSON.stringify(picked)).toEqual({ ok: true, result: { path: await realpath(other), isJekyll: true } });
    expect(app.world.dialog.calls.at(-1)).toMatchObject({ method: 'showOpenDialog', options: { properties: ['openDirectory'] } });
  });

  it('a second instance quits and registers nothing; the first opens the folder it was given', async () => {
    const other = await copySampleBlog();
    await writeFile(path.join(other, '_posts/2026-07-01-second-launch.md'), '---\ntitle: From the second launch\n---\nHello.\n');
    const second = await startDesktop({ userData: app.userData, site: other, browser: app.browser, noWindow: true });
    await new Promise((r) => setTimeout(r, 500));
    expect(second.world.app.quitRequested).toBe(true);
    expect(second.world.ipcMain.handledChannels()).toEqual([]);
    expect(second.world.windows()).toEqual([]);
    expect(second.world.menu.applicationMenu).toBeNull();
    expect(second.world.protocol.isProtocolHandled('app')).toBe(false);
    await expect.poll(async () => JSON.stringify([app.world.dialog.errorBoxes, await page.evaluate(() => (window as unknown as { postwright: { invoke(m: string, r: unknown): Promise<unknown> } }).postwright.invoke('getSite', {}))]), { timeout: 15_000 }).toContain(await realpath(other));
    await expect.poll(() => page.getByRole('option', { name: /From the second launch/ }).count(), { timeout: 15_000 }).toBe(1);
    expect(app.world.BrowserWindow.getFocusedWindow()).toBe(app.world.windows()[0]);
    await second.context.close();
  });

  it('a second launch on a folder without a Jekyll site asks before opening it', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'pw-not-jekyll-'));
    const launch = async () => (await startDesktop({ userData: app.userData, site: empty, browser: app.browser, noWindow: true })).context.close();
    const asked = () => app.world.dialog.calls.filter((c) => c.method === 'showMessageBox').length;
    const before = asked();
    await launch();
    await expect.poll(asked).toBe(before + 1); // unanswered: Cancel
    expect(app.world.dialog.calls.at(-1)?.options).toMatchObject({ message: 'This folder holds no Jekyll site.' });
    const root = () => page.evaluate(() => (window as unknown as { postwright: { invoke(m: string, r: unknown): Promise<{ result: { root: string } }> } }).postwright.invoke('getSite', {}).then((r) => r.result.root));
    expect(await root()).not.toBe(await realpath(empty));
    app.world.dialog.answer('showMessageBox', { response: 0 });
    await launch();
    await expect.poll(root, { timeout: 15_000 }).toBe(await realpath(empty));
  });
});

describe.skipIf(!chromiumAvailable())('[desktop] a huge site', () => {
  it('the window comes up while the site is still opening, and the page then gets it', async () => {
    const site = await copySampleBlog();
    const body = 'A walk along the ridge. '.repeat(40);
    for (let batch = 0; batch < 8; batch++) {
      await Promise.all(
        Array.from({ length: 250 }, (_, i) => {
          const n = batch * 250 + i;
          return writeFile(path.join(site, `_posts/2020-01-01-walk-${n}.md`), `---\ntitle: Walk ${n}\ntags: [walk]\n---\n${body}\n`);
        }),
      );
    }
    const app = await startDesktop({ site });
    try {
      const contents = app.world.windows()[0].webContents;
      // The window existed before the open finished: it was sent the site-opened event.
      await expect.poll(() => contents.sent.some((s) => s.first === 'site-opened'), { timeout: 30_000 }).toBe(true);
      await expect.poll(() => app.page.locator('body').innerText(), { timeout: 30_000 }).toContain('2004 of 2004');
    } finally {
      await app.quit();
      await app.browser.close();
    }
  });
});

describe.skipIf(!chromiumAvailable())('[desktop] a broken bridge', () => {
  it('shows an error screen instead of falling back to HTTP', async () => {
    // The real main bundle next to a preload that throws, with the real renderer and sample.
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'pw-broken-'));
    await mkdir(path.join(tmp, 'dist/electron'), { recursive: true });
    await copyFile(MAIN_BUNDLE, path.join(tmp, 'dist/electron/main.cjs'));
    await writeFile(path.join(tmp, 'dist/electron/preload.cjs'), "console.log(__dirname);\n");
    await symlink(path.join(ROOT, 'dist/renderer'), path.join(tmp, 'dist/renderer'));
    await cp(path.join(ROOT, 'resources'), path.join(tmp, 'resources'), { recursive: true });
    const browser = await launchChromium();
    const world = createElectronWorld({ argv: ['/opt/Postwright/postwright'] });
    const context = await browser.newContext({ userAgent: electronUserAgent(browser.version()) });
    const host = new ChromiumPageHost(context, world);
    world.setPageHost(host);
    process.env.POSTWRIGHT_USER_DATA = await mkdtemp(path.join(os.tmpdir(), 'pw-broken-user-'));
    try {
      loadMain(world, path.join(tmp, 'dist/electron/main.cjs'));
    } finally {
      delete process.env.POSTWRIGHT_USER_DATA;
    }
    world.app.emitReady();
    await expect.poll(() => world.windows()[0] && host.pages.get(world.windows()[0].webContents), { timeout: 20_000 }).toBeTruthy();
    const page = host.pages.get(world.windows()[0].webContents)!;
    await page.getByRole('alert').filter({ hasText: 'cannot reach its files' }).waitFor();
    expect(world.windows()[0].webContents.preloadErrors.join('\n')).toMatch(/__dirname is not defined/);
    expect(await page.getByRole('listbox', { name: 'Posts' }).count()).toBe(0);
    world.app.quit();
    await browser.close();
  });

  it('the preload that npm run build makes is bundled for the sandbox', async () => {
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(PRELOAD, 'utf8');
    expect(text).not.toMatch(/__filename|__dirname|import_meta_url/);
    expect([...text.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
  });
});

function c0(app: DesktopApp): StandinWebContents {
  return app.world.windows()[0].webContents;
}
