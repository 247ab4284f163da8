/**
 * Renderer figures in Debian's Chromium against web mode: first paint of the post list on the
 * 10,000-post site, keystroke → preview painted for a 20 KB and a 200 KB post, and the gzipped
 * size of the renderer's JavaScript.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { findGemDir } from '../../electron/core/theme/find-theme';
import { createCoreService } from '../../electron/core/service/create-service';
import { startWebHost } from '../../electron/web/web-host';
import { listPaintedAfter, markListPaint } from './list-paint';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function rendererSize(rendererDir: string): Promise<string> {
  let raw = 0;
  let gz = 0;
  let initialGz = 0;
  const html = await readFile(path.join(rendererDir, 'index.html'), 'utf8');
  for (const name of await readdir(path.join(rendererDir, 'assets'))) {
    if (!name.endsWith('.js')) continue;
    const bytes = await readFile(path.join(rendererDir, 'assets', name));
    raw += bytes.length;
    const z = gzipSync(bytes).length;
    gz += z;
    if (html.includes(name)) initialGz += z;
  }
  return `renderer JS: ${(initialGz / 1024).toFixed(0)} KB gzipped loaded at start (target ≤ 1024 KB); all chunks incl. lazy code languages ${(gz / 1024).toFixed(0)} KB gzipped, ${(raw / 1024).toFixed(0)} KB raw`;
}

function bigPost(bytes: number): string {
  const para = 'The trail climbs past the **old mill** and a [footbridge](https://example.com) into the pines; `code` and _emphasis_ appear now and then.\n\n';
  let body = '';
  let i = 0;
  while (body.length < bytes) {
    body += i % 10 === 0 ? `## Section ${i}\n\n` : '';
    body += i % 15 === 0 ? '| a | b |\n|---|---|\n| 1 | 2 |\n\n' : para;
    i++;
  }
  return `---\ntitle: "Bench post of ${Math.round(bytes / 1024)} KB"\nlayout: post\ntags: [bench]\n---\n${body}`;
}

/** Types 40 keys at the end of the open post and logs keydown → preview painted, with the frame floor. */
async function keystrokeFigures(page: Page, label: string, target: string, log: (line: string) => void): Promise<void> {
  await page.evaluate(() => {
    const frame = document.querySelector('iframe[title="Preview"]') as HTMLIFrameElement;
    const w = window as unknown as { __paints: number[]; __keys: number[]; __muts: number[] };
    w.__paints = [];
    w.__keys = [];
    w.__muts = [];
    (w as unknown as { __floor: number[] }).__floor = [];
    window.addEventListener(
      'keydown',
      (e) => {
        w.__keys.push(e.timeStamp);
        // The floor: the first frame after the key with no work of ours in between.
        const stamp = e.timeStamp;
        requestAnimationFrame(() => (w as unknown as { __floor: number[] }).__floor.push(performance.now() - stamp));
      },
      true,
    );
    new MutationObserver(() => {
      w.__muts.push(performance.now());
      requestAnimationFrame(() => w.__paints.push(performance.now()));
    }).observe(frame.contentDocument!.getElementById('content')!, { childList: true, subtree: true, characterData: true });
  });
  const editor = page.getByRole('textbox', { name: 'Editor', exact: true });
  await editor.click();
  await page.keyboard.press('Control+End');
  const latencies: number[] = [];
  const updates: number[] = [];
  for (let i = 0; i < 40; i++) {
    const before = await page.evaluate(() => (window as unknown as { __paints: number[] }).__paints.length);
    await page.keyboard.press(i % 8 === 7 ? 'Enter' : 'KeyA');
    await page.waitForFunction((n) => (window as unknown as { __paints: number[] }).__paints.length > n, before);
    // From the keydown event's own timestamp to the frame after the preview changed.
    const [key, paint, mut] = await page.evaluate((n) => {
      const w = window as unknown as { __paints: number[]; __keys: number[]; __muts: number[] };
      return [w.__keys[w.__keys.length - 1], w.__paints[n], w.__muts[n]];
    }, before);
    latencies.push(paint - key);
    updates.push(mut - key);
  }
  const floor = await page.evaluate(() => (window as unknown as { __floor: number[] }).__floor);
  log(`ui: frame floor (keydown → next frame, no work): p50 ${percentile(floor, 50).toFixed(1)} ms, p95 ${percentile(floor, 95).toFixed(1)} ms`);
  log(`ui: keystroke → preview painted, ${label} post: p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms (targets ${target}); preview DOM updated: p50 ${percentile(updates, 50).toFixed(1)} ms, p95 ${percentile(updates, 95).toFixed(1)} ms`);
}

/**
 * The same keystroke figures with the theme on: a copy of the minima fixture site (the gem from
 * Debian) with the 20 KB post, previewed in "Blog look" (layout chain, compiled minima CSS).
 */
export async function themeKeystrokes(browser: Browser, rendererDir: string, log: (line: string) => void): Promise<void> {
  const fixture = path.resolve('test/fixtures/sites/minima-blog');
  if (!existsSync(fixture)) return log(`ui: theme on: skipped: no fixture at ${fixture} (run the bench from the repository)`);
  if (!(await findGemDir('minima'))) return log('ui: theme on: skipped: the minima gem is not installed (apt install jekyll-theme-minima)');
  const site = await mkdtemp(path.join(os.tmpdir(), 'pw-bench-theme-'));
  await cp(fixture, site, { recursive: true });
  await writeFile(path.join(site, '_posts', '2030-01-01-bench-20kb.md'), bigPost(20 * 1024));
  const service = await createCoreService({ userDataDir: path.join(os.tmpdir(), `pw-bench-theme-user-${process.pid}`), sampleDir: site, host: 'web', assetBase: '/site-file/', canChooseFolder: false, cacheDir: false });
  await service.api.openSite({ path: site });
  const host = await startWebHost({ service, rendererDir, port: 0 });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(host.openUrl);
    await page.getByRole('option', { name: /Bench post of 20 KB/ }).click();
    const preview = page.frameLocator('iframe[title="Preview"]');
    await preview.locator('.post-title').waitFor();
    await preview.locator('.post-content #content h2').first().waitFor();
    const css = await preview.locator('#pw-theme-css').evaluate((s) => s.textContent?.length ?? 0);
    log(`ui: theme on (minima gem, Blog look): layout post → default, ${(css / 1024).toFixed(0)} KB compiled CSS`);
    await keystrokeFigures(page, '20 KB (Blog look, minima)', 'p50 ≤ 16 ms, p95 ≤ 50 ms', log);
    // The same post in Plain, measured right after under the same load, for the theme's own cost.
    await page.keyboard.press('Control+z');
    await page.getByRole('button', { name: 'Plain', exact: true }).click();
    await preview.locator('#pw-header .pw-title').waitFor();
    await keystrokeFigures(page, '20 KB (Plain, same site)', 'for comparison', log);
    await page.close();
  } finally {
    await host.close();
    await service.close();
    await rm(site, { recursive: true, force: true });
  }
}

export async function uiBench(site: string, rendererDir: string, log: (line: string) => void): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    log(`ui: skipped: no Chromium at ${CHROMIUM}`);
    return;
  }
  await writeFile(path.join(site, '_posts', '2030-01-01-bench-20kb.md'), bigPost(20 * 1024));
  await writeFile(path.join(site, '_posts', '2030-01-02-bench-200kb.md'), bigPost(200 * 1024));
  const service = await createCoreService({ userDataDir: path.join(os.tmpdir(), `pw-bench-user-${process.pid}`), sampleDir: site, host: 'web', assetBase: '/site-file/', canChooseFolder: false, cacheDir: false });
  await service.api.openSite({ path: site });
  const host = await startWebHost({ service, rendererDir, port: 0 });
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await markListPaint(page);
    const started = performance.now();
    const startedAt = performance.timeOrigin + started;
    await page.goto(host.openUrl);
    await page.waitForSelector('.post-row');
    const seen = performance.now() - started;
    log(`ui: web mode first paint of the post list (10,000 posts): ${(await listPaintedAfter(page, startedAt)).toFixed(0)} ms (target ≤ 1500 ms; Playwright's waitForSelector saw it at ${seen.toFixed(0)} ms)`);
    for (const [label, title] of [['20 KB', 'Bench post of 20 KB'], ['200 KB', 'Bench post of 200 KB']] as const) {
      await page.getByRole('searchbox', { name: 'Search posts' }).fill(title);
      await page.getByRole('option', { name: new RegExp(title) }).first().click();
      const preview = page.frameLocator('iframe[title="Preview"]');
      await preview.locator('#content h2').first().waitFor();
      await keystrokeFigures(page, label, label === '20 KB' ? 'p95 ≤ 16 ms' : 'p95 ≤ 50 ms', log);
      await page.keyboard.press('Control+z');
    }
    await themeKeystrokes(browser, rendererDir, log);
  } finally {
    await browser.close();
    await host.close();
    await service.close();
  }
  log(await rendererSize(rendererDir));
}
