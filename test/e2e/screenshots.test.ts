/**
 * Screenshots of every main view (editor, form, tags, images, git, conflict, welcome, dialogs) at
 * 1280×800 and 900×700, light and dark, saved under test-output/screenshots/ and checked as they
 * are taken: nothing scrolls sideways (the document, the preview's document, every scrolling
 * container), the header is one line at 1280 px with no control cut off, the body editor keeps
 * ≥ 60% of the window at 1280×800 with the front matter showing, and visible text meets WCAG AA
 * contrast. The figures go to test-output/screenshots/checks.json and the log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../support/chromium';
import { forEachTransport, openAppInChromium, type AppHarness, type TransportName } from '../support/app-in-chromium';
import { startWeb, type WebHarness } from '../support/service-harness';
import { startDesktop, type DesktopApp } from '../support/desktop-harness';
import { copySampleBlog } from '../contract/contract-suite';
import { requireTool } from '../support/require-tool';
import { configure, hermeticGit, sh } from '../git/git-fixture';
import { formatRatio } from '../support/contrast';
import { contrastSummary, readPage, type ContrastSummary, type PageReading } from '../support/layout-checks';
import { openPersonPost, writePersonPost } from './person-support';

const OUT = path.resolve(__dirname, '../../test-output/screenshots');
const SIZES = [
  [1280, 800],
  [900, 700],
] as const;
const SCHEMES = ['light', 'dark'] as const;
const DELVE = '_posts/2026-03-02-delve-1-first-steps.md';

interface Check {
  transport: TransportName;
  view: string;
  size: string;
  scheme: string;
  file: string;
  headerHeight: number | null;
  headerRows: number | null;
  editorShare: number | null;
  overflow: PageReading['overflow'];
  clippedHeader: string[];
  contrast: Omit<ContrastSummary, 'failures'> & { failures: number };
}

const checks: Check[] = [];
const failures: string[] = [];
/** Findings in other parts of the app, reported to their owners: printed on every run, not failed on. Remove when fixed. */
const KNOWN: { match: RegExp; why: string }[] = [];
const known: string[] = [];

function fail(message: string): void {
  const hit = KNOWN.find((k) => k.match.test(message));
  if (hit) known.push(`${message} — known: ${hit.why}`);
  else failures.push(message);
}

/** Takes the four screenshots of one view and checks each. */
async function shoot(page: Page, transport: TransportName, view: string, opts: { editor?: boolean } = {}): Promise<void> {
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      // The pointer rests over the text (no tooltip); layout, fonts and the frame settle; transitions end.
      await page.mouse.move(Math.round(width * 0.45), Math.round(height * 0.6));
      await page.waitForTimeout(350);
      const size = `${width}x${height}`;
      const file = path.join(OUT, `${transport}-${view}-${size}-${scheme}.png`);
      await page.screenshot({ path: file });
      const reading = await readPage(page);
      const contrast = contrastSummary(reading.runs, scheme === 'dark' ? { r: 0, g: 0, b: 0, a: 1 } : { r: 255, g: 255, b: 255, a: 1 });
      const check: Check = {
        transport,
        view,
        size,
        scheme,
        file: path.relative(process.cwd(), file),
        headerHeight: reading.headerHeight,
        headerRows: reading.headerRows,
        editorShare: reading.editorShare === null ? null : Math.round(reading.editorShare * 1000) / 1000,
        overflow: reading.overflow,
        clippedHeader: reading.clippedHeader,
        contrast: { ...contrast, failures: contrast.failures.length },
      };
      checks.push(check);
      const at = `${transport} ${view} ${size} ${scheme}`;
      if (reading.overflow.length) fail(`${at}: scrolls sideways: ${reading.overflow.map((o) => `${o.where} ${o.scrollWidth}>${o.clientWidth}`).join(', ')}`);
      if (reading.clippedHeader.length) fail(`${at}: header controls cut off: ${reading.clippedHeader.join(', ')}`);
      if (width === 1280 && reading.headerRows !== null && (reading.headerRows > 1 || (reading.headerHeight ?? 0) > 48)) fail(`${at}: header is not one line (${reading.headerRows} rows, ${reading.headerHeight}px)`);
      if (opts.editor && width === 1280 && height === 800) {
        if (!reading.frontMatterVisible) fail(`${at}: the front matter is not visible`);
        if ((reading.editorShare ?? 0) < 0.6) fail(`${at}: the body editor has ${reading.editorShare} of the window height`);
      }
      for (const f of contrast.failures.slice(0, 5)) fail(`${at}: contrast ${formatRatio(f.ratio)} < ${f.needed} for "${f.text}" (${f.where})`);
    }
  }
  // Back to the wide window the journeys continue in (a narrow one folds the post list away).
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForTimeout(100);
}

function summaryLine(c: Check): string {
  const share = c.editorShare === null ? '' : ` editor ${(c.editorShare * 100).toFixed(1)}%`;
  const worst = c.contrast.worst ? ` contrast min ${formatRatio(c.contrast.min)} ("${c.contrast.worst.text}")` : '';
  return `${c.transport} ${c.view.padEnd(8)} ${c.size} ${c.scheme.padEnd(5)} header ${c.headerHeight ?? '-'}px/${c.headerRows ?? '-'} row${share} overflow ${c.overflow.length}${worst}`;
}

async function setUpGitSite(): Promise<{ site: string; other: string }> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'pw-shots-'));
  hermeticGit(tmp);
  const remote = path.join(tmp, 'remote.git');
  sh(tmp, 'init', '--bare', '-b', 'main', remote);
  const site = await copySampleBlog();
  await writePersonPost(site);
  sh(site, 'init', '-b', 'main');
  configure(site, 'Writer');
  sh(site, 'add', '-A');
  sh(site, 'commit', '-m', 'Initial blog');
  sh(site, 'remote', 'add', 'origin', remote);
  sh(site, 'push', '-u', 'origin', 'main');
  const other = path.join(tmp, 'other');
  sh(tmp, 'clone', '-b', 'main', remote, other);
  configure(other, 'Coauthor');
  return { site, other };
}

describe.skipIf(!chromiumAvailable())('screenshots', () => {
  beforeAll(async () => {
    await mkdir(OUT, { recursive: true });
  });

  afterAll(async () => {
    await writeFile(path.join(OUT, 'checks.json'), `${JSON.stringify(checks, null, 1)}\n`);
    console.log(`screenshot checks (${checks.length} screenshots in ${path.relative(process.cwd(), OUT)}):\n${checks.map(summaryLine).join('\n')}`);
    if (known.length) console.log(`known findings (${known.length}), not failed on:\n${[...new Set(known)].join('\n')}`);
  });

  forEachTransport((transport) => {
    describe.skipIf(!requireTool('git'))(`[${transport}] main views`, () => {
      let web: AppHarness;
      let browser: Browser;
      let page: Page;
      let site: string;
      let other: string;

      beforeAll(async () => {
        ({ site, other } = await setUpGitSite());
        ({ web, browser, page } = await openAppInChromium(site, 800, transport));
      });

      afterAll(async () => {
        await browser?.close();
        await web?.close();
      });

      it('editor: a post with the front matter beside the body', async () => {
        await page.getByRole('option', { name: /Delve 1/ }).click();
        await page.getByRole('textbox', { name: 'Editor', exact: true }).waitFor();
        await page.getByRole('form', { name: 'Front matter form' }).waitFor();
        await shoot(page, transport, 'editor', { editor: true });
      });

      it('form: every kind of field, the preview folded away', async () => {
        await openPersonPost(page);
        await page.getByRole('button', { name: 'More actions' }).click();
        await page.getByRole('menuitemcheckbox', { name: /Preview/ }).click();
        await shoot(page, transport, 'form');
        await page.getByRole('button', { name: 'More actions' }).click();
        await page.getByRole('menuitemcheckbox', { name: /Preview/ }).click();
      });

      it('tags and images', async () => {
        await page.getByRole('tab', { name: 'Tags & categories' }).click();
        await page.waitForTimeout(300);
        await shoot(page, transport, 'tags');
        await page.getByRole('tab', { name: 'Images' }).click();
        await page.waitForTimeout(500);
        await shoot(page, transport, 'images');
        await page.getByRole('tab', { name: 'Editor' }).click();
      });

      it('dialogs: the new-post question over the editor', async () => {
        await page.getByRole('button', { name: 'New post', exact: true }).click();
        await page.getByRole('dialog').waitFor();
        await shoot(page, transport, 'dialogs');
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'detached' });
      });

      it('git: an edited post and its changes since the last commit', async () => {
        await page.getByRole('option', { name: /Delve 1/ }).click();
        const editor = page.getByRole('textbox', { name: 'Editor', exact: true });
        await editor.click();
        await page.keyboard.press('Control+Home');
        await page.keyboard.type('A line written here. ', { delay: 5 });
        await page.keyboard.press('Control+s');
        await expect.poll(() => page.getByRole('option', { name: /Delve 1/ }).innerText(), { timeout: 10_000 }).toContain('modified');
        await page.getByRole('button', { name: 'Diff', exact: true }).click();
        await page.getByRole('region', { name: /changes/i }).first().waitFor();
        await shoot(page, transport, 'git');
        const close = page.getByRole('button', { name: 'Close', exact: true });
        if (await close.count()) await close.first().click();
      });

      it('conflict: a sync that stopped on the same line changed on both sides', async () => {
        // Someone else changed the same first line and pushed first.
        const file = path.join(other, DELVE);
        const { readFile } = await import('node:fs/promises');
        const text = await readFile(file, 'utf8');
        const end = text.indexOf('\n---', 4) + 5;
        const nl = text.indexOf('\n', end + 1);
        await writeFile(file, `${text.slice(0, end)}Their version of the first line.${text.slice(nl)}`);
        sh(other, 'commit', '-am', 'Their change');
        sh(other, 'push');
        await page.getByRole('button', { name: 'Sync', exact: true }).click();
        const dialog = page.getByRole('dialog', { name: 'Sync' });
        await dialog.waitFor();
        await dialog.getByRole('button', { name: /Commit and sync/ }).click();
        await page.getByRole('region', { name: 'Sync conflicts' }).waitFor({ timeout: 30_000 });
        await page.waitForTimeout(500);
        await shoot(page, transport, 'conflict');
      });
    });
  });

  describe('welcome', () => {
    let web: WebHarness | undefined;
    let browser: Browser | undefined;
    let desktop: DesktopApp | undefined;

    afterAll(async () => {
      await browser?.close();
      await web?.close();
      await desktop?.quit();
      await desktop?.browser.close();
    });

    it('[web] first start: the welcome above the sample blog', async () => {
      web = await startWeb();
      browser = await launchChromium();
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(web.host.openUrl);
      await page.getByRole('region', { name: 'Welcome to Postwright' }).waitFor({ timeout: 15_000 });
      await shoot(page, 'web', 'welcome');
    });

    it('[desktop] no site to show: the welcome screen', async () => {
      desktop = await startDesktop({ site: path.join(os.tmpdir(), `pw-gone-${process.pid}-${Date.now()}`) });
      await desktop.page.getByRole('region', { name: 'Welcome to Postwright' }).waitFor({ timeout: 15_000 });
      await shoot(desktop.page, 'desktop', 'welcome');
    });
  });

  it('every screenshot passed its checks', () => {
    expect(checks.length).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });
});
