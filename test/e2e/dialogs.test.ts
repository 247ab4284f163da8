/**
 * The in-app dialogs as a person uses them with the keyboard, in web mode and on the desktop path
 * (where window.prompt throws, as in Electron): each action opens its
 * dialog from the button or shortcut, the answer is typed with key presses, Enter submits, Esc
 * cancels with nothing changed on disk, Tab stays inside, focus returns to the opener. Also: open
 * another site by typed path (web) or the native picker (desktop) and from the recent list (the
 * editor keeps nothing of the previous site), the delete confirmation, a folder without a Jekyll
 * site asked about first, and an Undo the core refuses after an edit says why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { access, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable } from '../support/chromium';
import { forEachTransport, openAppInChromium, type AppHarness, itOn } from '../support/app-in-chromium';
import { copySampleBlog } from '../contract/contract-suite';
import { checkTool } from '../support/require-tool';

const NEWEST = '_posts/2026-05-21-liquid-in-posts.md';
const DELVE = '_posts/2026-03-02-delve-1-first-steps.md';
const hasGit = checkTool('git').available;
const exists = (file: string) => access(file).then(() => true, () => false);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

forEachTransport((transport) => {
describe.skipIf(!chromiumAvailable())(`[${transport}] in-app dialogs with the keyboard`, () => {
  let site: string;
  let second: string;
  let web: AppHarness;
  let browser: Browser;
  let page: Page;

  const dialog = (name: string | RegExp) => page.getByRole('dialog', { name });
  const activeInside = (role: 'dialog' | 'alertdialog') => page.evaluate((r) => !!document.activeElement?.closest(`[role=${r}]`), role);
  const activeText = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? '');
  /** Every status message on screen (the notice bar and toasts), as one text. */
  const notice = async () => (await page.getByRole('status').allInnerTexts()).join('\n');
  /** "Open site…" with Ctrl+O: a typed path in web mode, the native picker's answer on the desktop. */
  const openByShortcut = async (folder: string) => {
    if (transport === 'desktop') web.desktop!.world.dialog.answer('showOpenDialog', { canceled: false, filePaths: [folder] });
    await page.keyboard.press('Control+o');
    if (transport === 'desktop') return;
    await dialog('Open site').waitFor();
    await page.keyboard.type(folder, { delay: 5 });
    await page.keyboard.press('Enter');
  };

  beforeAll(async () => {
    site = await copySampleBlog();
    second = await copySampleBlog();
    // The second site differs where it matters: its name and the text of the post open first.
    const config = path.join(second, '_config.yml');
    await writeFile(config, (await readFile(config, 'utf8')).replace(/^title: .*$/m, 'title: Second Notes'));
    const newest = path.join(second, NEWEST);
    await writeFile(newest, `${await readFile(newest, 'utf8')}\nOnly the second site says this.\n`);
    ({ web, browser, page } = await openAppInChromium(site, 900, transport));
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('new post: the button opens a labelled dialog, typing and Enter create it, focus returns', async () => {
    const button = page.getByRole('button', { name: 'New post', exact: true });
    await button.click();
    await expect.poll(() => dialog('New post').isVisible()).toBe(true);
    const field = dialog('New post').getByRole('textbox', { name: 'Title' });
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await dialog('New post').getAttribute('aria-describedby')).toBeTruthy();
    await page.keyboard.type('Keys All the Way', { delay: 10 });
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog('New post').count()).toBe(0);
    await expect.poll(async () => (await readdir(path.join(site, '_posts'))).some((f) => /^\d{4}-\d{2}-\d{2}-keys-all-the-way\.md$/.test(f))).toBe(true);
    await expect.poll(() => page.locator('.post-path').innerText()).toMatch(/keys-all-the-way\.md$/);
    await expect.poll(activeText).toBe('New post');
  });

  it('an empty title is refused in the dialog, not sent', async () => {
    const before = await readdir(path.join(site, '_posts'));
    await page.getByRole('button', { name: 'New post', exact: true }).click();
    await dialog('New post').waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog('New post').getByRole('alert').innerText()).toContain('cannot be empty');
    expect(await dialog('New post').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog('New post').count()).toBe(0);
    expect(await readdir(path.join(site, '_posts'))).toEqual(before);
  });

  it('new draft: Esc cancels and nothing changes on disk; Tab stays inside the dialog', async () => {
    const drafts = await readdir(path.join(site, '_drafts'));
    await page.getByRole('button', { name: 'New draft', exact: true }).click();
    await dialog('New draft').waitFor();
    await page.keyboard.type('Never Written', { delay: 10 });
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
      expect(await activeInside('dialog'), `after Tab ${i + 1}`).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog('New draft').count()).toBe(0);
    await expect.poll(activeText).toBe('New draft');
    expect(await readdir(path.join(site, '_drafts'))).toEqual(drafts);
  });

  it('rename: the slug is offered selected, typing replaces it, Enter renames', async () => {
    const from = (await page.locator('.post-path').innerText()).trim();
    await page.getByRole('button', { name: 'Rename file…' }).click();
    const field = dialog('Rename file').getByRole('textbox', { name: 'New file name (slug)' });
    await expect.poll(() => field.inputValue()).toBe('keys-all-the-way');
    await page.keyboard.type('typed-slug', { delay: 10 });
    await page.keyboard.press('Enter');
    const to = from.replace('keys-all-the-way', 'typed-slug');
    await expect.poll(() => exists(path.join(site, to))).toBe(true);
    await expect.poll(() => exists(path.join(site, from))).toBe(false);
    await expect.poll(() => page.locator('.post-path').innerText()).toBe(to);
  });

  it('undo is refused after the post was edited, and says why', async () => {
    const at = (await page.locator('.post-path').innerText()).trim();
    const undo = page.getByRole('button', { name: /^Undo “Rename/ });
    await undo.waitFor();
    const editor = page.getByRole('textbox', { name: 'Editor', exact: true });
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nWritten after the rename.\n', { delay: 10 });
    await page.keyboard.press('Control+s');
    await expect.poll(() => readFile(path.join(site, at), 'utf8'), { timeout: 10_000 }).toContain('Written after the rename.');
    await undo.click();
    await expect.poll(notice, { timeout: 10_000 }).toMatch(/nothing was undone/i);
    expect(await readFile(path.join(site, at), 'utf8')).toContain('Written after the rename.');
    expect((await readdir(path.join(site, '_posts'))).filter((f) => f.includes('keys-all-the-way'))).toEqual([]);
    expect(await page.getByRole('button', { name: /^Undo/ }).count()).toBe(0);
  });

  it('delete asks first: Esc keeps the post, Delete removes it, Undo brings it back', async () => {
    const at = (await page.locator('.post-path').innerText()).trim();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete this post?' });
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain(at);
    // Destructive: focus starts on Cancel, so Enter alone never deletes.
    await expect.poll(activeText).toBe('Cancel');
    await page.keyboard.press('Escape');
    await expect.poll(() => confirm.count()).toBe(0);
    expect(await exists(path.join(site, at))).toBe(true);
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await confirm.waitFor();
    await page.keyboard.press('Tab');
    expect(await activeInside('alertdialog')).toBe(true);
    await expect.poll(activeText).toBe('Delete');
    await page.keyboard.press('Enter');
    await expect.poll(() => exists(path.join(site, at))).toBe(false);
    await page.getByRole('button', { name: /^Undo “Delete/ }).click();
    await expect.poll(() => exists(path.join(site, at))).toBe(true);
  });

  it('opening a second site clears the editor: its own post, no banner, Save writes there', async () => {
    await page.getByRole('option', { name: /Liquid in posts/i }).click();
    await expect.poll(() => page.locator('.post-path').innerText()).toBe(NEWEST);
    await expect.poll(() => page.getByRole('textbox', { name: 'Editor', exact: true }).innerText()).not.toContain('Only the second site');
    const firstText = await readFile(path.join(site, NEWEST), 'utf8');
    await openByShortcut(second);
    await expect.poll(() => page.locator('.site-title').innerText(), { timeout: 15_000 }).toBe('Second Notes');
    if (transport === 'desktop') expect(web.desktop!.world.dialog.calls.map((c) => c.method)).toContain('showOpenDialog');
    // Nothing of the first site stays: no Undo, no notice, and the post shown is read from the second.
    expect(await page.getByRole('button', { name: /^Undo/ }).count()).toBe(0);
    expect(await page.getByRole('status').count()).toBe(0);
    await page.getByRole('option', { name: /Liquid in posts/i }).click();
    await expect.poll(() => page.locator('.post-path').innerText()).toBe(NEWEST);
    await expect.poll(() => page.getByRole('textbox', { name: 'Editor', exact: true }).innerText(), { timeout: 10_000 }).toContain('Only the second site says this.');
    const editor = page.getByRole('textbox', { name: 'Editor', exact: true });
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nSaved into the second site.\n', { delay: 10 });
    await page.keyboard.press('Control+s');
    await expect.poll(() => readFile(path.join(second, NEWEST), 'utf8'), { timeout: 10_000 }).toContain('Saved into the second site.');
    await page.waitForTimeout(1500);
    expect(await page.getByRole('alert').filter({ hasText: 'changed on disk' }).count()).toBe(0);
    expect(await readFile(path.join(site, NEWEST), 'utf8')).toBe(firstText);
    await expect.poll(() => page.locator('.save-state').innerText()).toBe('Saved');
  });

  it('open site from the recent list: in the typed-path dialog (web), and from "Recent sites…"', async () => {
    if (transport === 'web') {
      await page.getByRole('button', { name: 'Open site…' }).click();
      await dialog('Open site').waitFor();
      await dialog('Open site').getByRole('button', { name: new RegExp(escape(site)) }).click();
    } else {
      await page.getByRole('button', { name: 'Recent sites…' }).click();
      await dialog('Recent sites').getByRole('button', { name: new RegExp(escape(site)) }).click();
    }
    await expect.poll(() => page.locator('.site-title').innerText(), { timeout: 15_000 }).toBe('Field Notes');
    await expect.poll(() => page.getByRole('textbox', { name: 'Editor', exact: true }).innerText(), { timeout: 10_000 }).not.toContain('Saved into the second site.');

    await page.getByRole('button', { name: 'Recent sites…' }).click();
    const recent = dialog('Recent sites');
    await recent.waitFor();
    await expect.poll(activeInside.bind(null, 'dialog')).toBe(true);
    await recent.getByRole('button', { name: /Second Notes|pw-site-/ }).first().waitFor();
    await recent.getByRole('button', { name: new RegExp(escape(second)) }).click();
    await expect.poll(() => page.locator('.site-title').innerText(), { timeout: 15_000 }).toBe('Second Notes');
  });

  itOn(transport, 'desktop')('native menu: File › Open Recent switches site and clears the editor; File › New Post asks in the page', async () => {
    const menu = () => web.desktop!.world.menu.applicationMenu!;
    await expect.poll(() => menu().find('File', 'Open Recent', site) !== undefined).toBe(true);
    await page.getByRole('option', { name: /Liquid in posts/i }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Editor', exact: true }).innerText()).toContain('Only the second site says this.');
    menu().find('File', 'Open Recent', site)!.click();
    await expect.poll(() => page.locator('.site-title').innerText(), { timeout: 15_000 }).toBe('Field Notes');
    await page.getByRole('option', { name: /Liquid in posts/i }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Editor', exact: true }).innerText(), { timeout: 10_000 }).not.toContain('Only the second site says this.');
    expect(await page.getByRole('alert').filter({ hasText: 'changed on disk' }).count()).toBe(0);
    const drafts = await readdir(path.join(site, '_posts'));
    menu().find('File', 'New Post')!.click();
    await dialog('New post').waitFor();
    await page.keyboard.type('Not this time', { delay: 5 });
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog('New post').count()).toBe(0);
    expect(await readdir(path.join(site, '_posts'))).toEqual(drafts);
    // Back to the second site for the journeys below.
    menu().find('File', 'Open Recent', second)!.click();
    await expect.poll(() => page.locator('.site-title').innerText(), { timeout: 15_000 }).toBe('Second Notes');
  });

  itOn(transport, 'web')('a typed path that is not a full path is refused in the dialog', async () => {
    await page.keyboard.press('Control+o');
    await dialog('Open site').waitFor();
    await page.keyboard.type('my-blog', { delay: 5 });
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog('Open site').getByRole('alert').innerText()).toContain('full path');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog('Open site').count()).toBe(0);
  });

  it.skipIf(!hasGit)('git set-up, then Sync shows the changed files in its dialog; Esc commits nothing', async () => {
    await page.getByRole('button', { name: 'Set up git…' }).click();
    const setup = dialog('Set up git');
    await setup.waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => exists(path.join(second, '.git'))).toBe(true);
    await expect.poll(notice).toContain('Git is set up');
    await page.getByRole('button', { name: 'Sync', exact: true }).click();
    const sync = dialog('Sync');
    await sync.waitFor();
    await expect.poll(() => sync.getByRole('list', { name: 'Changed files' }).innerText()).toContain(DELVE);
    expect(await sync.getByRole('textbox', { name: 'Commit message' }).inputValue()).not.toBe('');
    await page.keyboard.press('Escape');
    await expect.poll(() => sync.count()).toBe(0);
    expect(() => execFileSync('git', ['rev-parse', '--verify', 'HEAD'], { cwd: second, stdio: 'pipe' })).toThrow();
  });

  it('a folder without a Jekyll site is not opened silently', async () => {
    const plain = path.join(second, 'not-a-blog');
    await mkdir(plain, { recursive: true });
    await openByShortcut(plain);
    // The app asks first (the desktop picker's folder), or the core refuses a typed one (web mode); it never just opens.
    const asked = page.getByRole('alertdialog', { name: 'Not a Jekyll site' });
    const refused = page.getByRole('status').filter({ hasText: 'Could not open' });
    await expect.poll(async () => (await asked.count()) + (await refused.count())).toBe(1);
    if (transport === 'desktop') expect(await asked.count()).toBe(1);
    if (await asked.count()) {
      expect(await asked.innerText()).toContain('This folder holds no Jekyll site (no _config.yml/_posts). Open it anyway?');
      await page.keyboard.press('Escape');
      await expect.poll(() => asked.count()).toBe(0);
    }
    expect(await page.locator('.site-title').innerText()).toBe('Second Notes');
    if (transport !== 'desktop') return;
    // Asked again and answered with Enter (focus starts on "Open anyway"): it opens.
    await openByShortcut(plain);
    await asked.waitFor();
    await expect.poll(activeText).toBe('Open anyway');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.site-title').innerText(), { timeout: 15_000 }).toBe('not-a-blog');
  });

  itOn(transport, 'desktop')('the HTTPS token is typed hidden; Esc stores nothing', async () => {
    await page.getByRole('button', { name: 'Token…' }).click();
    const token = dialog('HTTPS token');
    await token.waitFor();
    expect(await token.getByRole('textbox', { name: 'Token' }).getAttribute('type')).toBe('password');
    await expect.poll(() => token.getByRole('textbox', { name: 'Token' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('secret-token', { delay: 5 });
    await page.keyboard.press('Escape');
    await expect.poll(() => token.count()).toBe(0);
    expect(await readdir(web.desktop!.userData)).not.toContain('git-token.bin');
  });
});
});
