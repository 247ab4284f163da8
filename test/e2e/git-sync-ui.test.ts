/**
 * Git sync from the UI in Chromium (web mode): edit a post, Sync, and the bare remote has the
 * commit with the suggested message; the list shows the post as modified before the sync.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable } from '../support/chromium';
import { forEachTransport, openAppInChromium, type AppHarness } from '../support/app-in-chromium';
import { copySampleBlog } from '../contract/contract-suite';
import { requireTool } from '../support/require-tool';
import { configure, hermeticGit, sh } from '../git/git-fixture';

const DELVE = '_posts/2026-03-02-delve-1-first-steps.md';

forEachTransport((transport) => {
describe.skipIf(!chromiumAvailable() || !requireTool('git'))(`[${transport}] git sync from the UI`, () => {
  let site: string;
  let remote: string;
  let web: AppHarness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'pw-gitui-'));
    hermeticGit(tmp);
    remote = path.join(tmp, 'remote.git');
    sh(tmp, 'init', '--bare', '-b', 'main', remote);
    site = await copySampleBlog();
    sh(site, 'init', '-b', 'main');
    configure(site, 'Writer');
    sh(site, 'add', '-A');
    sh(site, 'commit', '-m', 'Initial blog');
    sh(site, 'remote', 'add', 'origin', remote);
    sh(site, 'push', '-u', 'origin', 'main');
    ({ web, browser, page } = await openAppInChromium(site, 900, transport));
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('edit, save, sync: the bare remote has the commit', async () => {
    await page.getByRole('option', { name: /Delve 1/ }).click();
    const editor = page.getByRole('textbox', { name: 'Editor', exact: true });
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nSynced from Postwright.\n');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByRole('option', { name: /Delve 1/ }).innerText(), { timeout: 10_000 }).toContain('modified');
    await page.getByRole('button', { name: 'Sync', exact: true }).click();
    const message = page.getByRole('dialog', { name: 'Sync' }).getByRole('textbox', { name: 'Commit message' });
    await expect.poll(() => message.inputValue()).toBe('Update post: Delve 1: First Steps on the Trail');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').innerText(), { timeout: 20_000 }).toContain('Synced');
    expect(sh(remote, 'log', '-1', '--format=%s', 'main')).toBe('Update post: Delve 1: First Steps on the Trail');
    expect(sh(remote, 'show', `main:${DELVE}`)).toContain('Synced from Postwright.');
    expect(sh(remote, 'rev-list', '--count', 'main')).toBe('2');
  });
});
});
