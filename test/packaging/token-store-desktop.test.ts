/**
 * The git token as a person stores it in the desktop app: the real main bundle under the stand-in
 * Electron (test/support/electron-standin), its page in Chromium, "Token…" in the git bar, the token
 * typed into the dialog. On Linux without a keyring (`basic_text`) the app says why it will not keep
 * it and writes nothing; with a keyring it keeps it encrypted in a 0600 file.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../support/chromium';
import { startDesktop, type DesktopApp } from '../support/desktop-harness';
import { requireTool } from '../support/require-tool';
import type { StorageBackend } from '../support/electron-standin/safe-storage';
import { copySampleBlog } from '../contract/contract-suite';

const TOKEN = 'ghp_exampleToken0123';

/** A copy of the sample blog made a git repository, so the git bar offers "Token…". */
async function repoSite(): Promise<string> {
  const site = await copySampleBlog();
  const git = spawnSync('git', ['init', '-q', '-b', 'main'], { cwd: site, encoding: 'utf8' });
  if (git.status !== 0) throw new Error(git.stderr);
  return site;
}

/** Opens the app with `backend`, stores the token through the dialog, and returns what the app said. */
async function storeToken(browser: Browser, backend: StorageBackend): Promise<{ app: DesktopApp; notice: string }> {
  const app = await startDesktop({ site: await repoSite(), browser, safeStorage: { backend, available: true } });
  const page = app.page;
  await page.getByRole('button', { name: 'Token…' }).click();
  const field = page.getByRole('dialog').getByLabel('Token');
  await field.click();
  await page.keyboard.type(TOKEN, { delay: 5 });
  await page.keyboard.press('Enter');
  const notice = page.getByRole('status').filter({ hasText: /token/i });
  await notice.waitFor();
  return { app, notice: (await notice.textContent()) ?? '' };
}

describe.skipIf(!chromiumAvailable() || !requireTool('git'))('[desktop] the git token and the keyring', () => {
  let browser: Browser;
  let app: DesktopApp | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    await app?.quit();
    app = undefined;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('refuses basic_text (no keyring), says why on screen, and writes nothing', async () => {
    const stored = await storeToken(browser, 'basic_text');
    app = stored.app;
    const { notice } = stored;
    expect(notice).toContain('The token was not saved');
    expect(notice).toContain('no keyring');
    expect(notice).toMatch(/GNOME Keyring|KWallet/);
    await expect(stat(path.join(app.userData, 'git-token.bin'))).rejects.toThrow(/ENOENT/);
  });

  it('keeps it encrypted, 0600, with a keyring', async () => {
    const stored = await storeToken(browser, 'gnome_libsecret');
    app = stored.app;
    const { notice } = stored;
    expect(notice).toContain('Token saved in the keychain.');
    const file = path.join(app.userData, 'git-token.bin');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const bytes = await readFile(file);
    expect(bytes.includes(Buffer.from(TOKEN))).toBe(false);
    expect(app.world.safeStorage.decryptString(bytes)).toBe(TOKEN);
  });
});
