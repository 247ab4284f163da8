/**
 * End to end in Debian's Chromium against web mode on a temp copy of the sample blog: open a
 * post, type, the preview follows, save, the file on disk is right and its front matter is
 * untouched; outside changes reload or conflict; hostile content runs nothing; refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable } from '../support/chromium';
import { forEachTransport, openAppInChromium, type AppHarness, itOn } from '../support/app-in-chromium';
import { STANDIN_ORIGIN } from '../support/electron-standin/chromium-page-host';
import { copySampleBlog } from '../contract/contract-suite';

const DELVE = '_posts/2026-03-02-delve-1-first-steps.md';
const HOSTILE = '_posts/2026-06-01-hostile.md';

const hostilePost = `---
title: Hostile
---
<script>window.parent.__pwned = 'script'</script>
<img src="x" onerror="window.parent.__pwned = 'onerror'">
<a href="javascript:window.parent.__pwned='link'">click</a>
<iframe src="https://example.com"></iframe>
<form action="https://example.com"><button>go</button></form>
[md link](javascript:alert(1))
<svg><script>window.parent.__pwned = 'svg'</script></svg>
{% unknown_plugin_tag x %}
Safe text here.
`;

forEachTransport((transport) => {
describe.skipIf(!chromiumAvailable())(`[${transport}] editor in Chromium`, () => {
  let site: string;
  let web: AppHarness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    site = await copySampleBlog();
    await writeFile(path.join(site, HOSTILE), hostilePost);
    ({ web, browser, page } = await openAppInChromium(site, 850, transport));
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  const openPost = async (title: string) => {
    await page.getByRole('option', { name: new RegExp(title) }).click();
    await page.getByRole('textbox', { name: 'Editor', exact: true }).waitFor();
  };

  it('opens a post, types, the preview follows, Ctrl+S saves only the body', async () => {
    await openPost('Delve 1');
    const before = await readFile(path.join(site, DELVE), 'utf8');
    const preview = page.frameLocator('iframe[title="Preview"]');
    await expect.poll(() => preview.locator('#content').innerText()).toContain('Thermos');
    const editor = page.getByRole('textbox', { name: 'Editor', exact: true });
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n\nTyped in Chromium with **bold** words.\n');
    await expect.poll(() => preview.locator('#content strong').last().innerText()).toBe('bold');
    await page.keyboard.press('Control+s');
    await expect.poll(async () => readFile(path.join(site, DELVE), 'utf8')).toContain('Typed in Chromium with **bold** words.');
    const after = await readFile(path.join(site, DELVE), 'utf8');
    const fm = (t: string) => t.slice(0, t.indexOf('\n---\n', 4) + 5);
    expect(fm(after)).toBe(fm(before));
    expect(after.startsWith(before.trimEnd())).toBe(true);
    await expect.poll(() => page.locator('.save-state').innerText()).toBe('Saved');
  });

  it('reloads a clean post changed on disk', async () => {
    const file = path.join(site, DELVE);
    await writeFile(file, (await readFile(file, 'utf8')).replace('Typed in Chromium', 'Changed outside'));
    const preview = page.frameLocator('iframe[title="Preview"]');
    await expect.poll(() => preview.locator('#content').innerText(), { timeout: 10_000 }).toContain('Changed outside');
    await expect.poll(() => page.locator('.save-state').innerText()).toBe('Saved');
  });

  it('asks before overwriting a dirty post changed on disk', async () => {
    const file = path.join(site, DELVE);
    await page.getByRole('textbox', { name: 'Editor', exact: true }).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('Mine, unsaved.');
    await writeFile(file, (await readFile(file, 'utf8')) + '\nTheirs, from another editor.\n');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'changed on disk' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await readFile(file, 'utf8')).toContain('Theirs, from another editor.');
    await page.getByRole('button', { name: 'Keep mine' }).click();
    await expect.poll(() => readFile(file, 'utf8')).toContain('Mine, unsaved.');
  });

  it('unsaved work survives a crash and is offered back on the next start', async () => {
    await openPost('Using Liquid');
    await page.getByRole('textbox', { name: 'Editor', exact: true }).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('Words typed just before a crash.');
    // The buffer is stashed 400 ms after the last key (autosave would come at 1.5 s): wait until the
    // recovery copy holds the whole text, however loaded the machine is, then kill the window.
    const userData = web.web ? (web.web.service as { userDataDir?: string }).userDataDir! : web.desktop!.userData;
    const stashed = async () => {
      const dir = path.join(userData, 'recovery');
      const names = (await readdir(dir, { recursive: true }).catch(() => [])) as string[];
      const texts = await Promise.all(names.filter((n) => n.endsWith('.json')).map((n) => readFile(path.join(dir, n), 'utf8').catch(() => '')));
      return texts.some((t) => t.includes('Words typed just before a crash.'));
    };
    await expect.poll(stashed, { timeout: 10_000 }).toBe(true);
    await page.close(); // the window dies without saving
    page = await web.reopen(850);
    const banner = page.getByRole('alert').filter({ hasText: 'Unsaved changes from last time' });
    await banner.waitFor();
    await banner.getByRole('button', { name: 'Open' }).click();
    const file = path.join(site, '_posts/2026-05-21-liquid-in-posts.md');
    await expect.poll(() => readFile(file, 'utf8'), { timeout: 10_000 }).toContain('Words typed just before a crash.');
  });

  it('renders hostile content without running anything', async () => {
    await openPost('Hostile');
    const preview = page.frameLocator('iframe[title="Preview"]');
    await expect.poll(() => preview.locator('#content').innerText()).toContain('Safe text here.');
    await expect.poll(() => preview.locator('.pw-unknown-tag').count()).toBe(1);
    await preview.getByText('click').click().catch(() => undefined);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null)).toBeNull();
    expect(await preview.locator('script, iframe, form').count()).toBe(0);
    expect(page.url()).toContain(transport === 'web' ? '127.0.0.1' : STANDIN_ORIGIN);
  });

  itOn(transport, 'web')('serves nothing without the token, and refuses a foreign Host or Origin', async () => {
    const base = `http://127.0.0.1:${web.host!.port}`;
    expect((await fetch(`${base}/`)).status).toBeGreaterThanOrEqual(401);
    expect((await fetch(`${base}/api/call/listPosts`, { method: 'POST', body: '{}' })).status).toBeGreaterThanOrEqual(401);
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await fetch(`${base}/api/call/getSite`, { method: 'POST', body: '{}', headers: { cookie, origin: 'http://evil.example', 'content-type': 'application/json' } })).status).toBe(403);
    const http = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      http.get({ host: '127.0.0.1', port: web.host!.port, path: '/', headers: { host: 'evil.example', cookie } }, (res) => resolve(res.statusCode ?? 0));
    });
    expect(status).toBe(403);
  });
});
});
