/**
 * The "Blog look" preview against the real thing: each fixture site is built with Debian's
 * `jekyll` (minima from its gem, and a theme vendored in the site), then every post's preview in
 * the app (both transports) is compared with the built page: the article body's block structure
 * and text, title, computed font, colours and content width, and a pixel diff of the article's
 * visible area. Also: the Plain look's title and banner, conflict markers, a missing theme.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { chromiumAvailable } from '../support/chromium';
import { forEachTransport, openAppInChromium, type AppHarness } from '../support/app-in-chromium';
import { requireTool } from '../support/require-tool';
import { runJekyll } from '../support/jekyll-oracle';
import { findGemDir } from '../../electron/core/theme/find-theme';
import { pageFacts, pixelDiff, serveSite } from './blog-look-support';

const FIXTURES = path.resolve(__dirname, '../fixtures/sites');
const SHOTS = path.join(os.tmpdir(), 'postwright-blog-look');
/** Share of differing pixels (any channel off by more than 48/255) allowed in the article area. */
const PIXEL_THRESHOLD = 0.02;

interface SiteCase {
  name: string;
  dir: string;
  baseurl: string;
  article: string;
  body: string;
  title: string;
  posts: { title: string; url: string }[];
}

const SITES: SiteCase[] = [
  {
    name: 'minima',
    dir: 'minima-blog',
    baseurl: '',
    article: 'article.post',
    body: '.post-content',
    title: '.post-title',
    posts: [
      { title: 'Mending a Sail by Lamplight', url: '/2024/03/04/mending-a-sail.html' },
      { title: 'Reading the Tide Table', url: '/2024/05/19/reading-the-tide-table.html' },
      { title: 'A New Mooring Line', url: '/2024/08/02/a-new-mooring-line.html' },
    ],
  },
  {
    name: 'vendored',
    dir: 'vendored-blog',
    baseurl: '/workshop',
    article: 'article.entry',
    body: '.entry-body',
    title: '.entry-title',
    posts: [
      { title: 'A Spoon from Green Birch', url: '/2024/a-spoon-from-birch/' },
      { title: 'A Small Box with Finger Joints', url: '/2024/a-small-box/' },
    ],
  },
];

const haveJekyll = requireTool('jekyll');
const haveChromium = chromiumAvailable();
const haveMinima = (await findGemDir('minima')) !== null;
if (!haveMinima) console.warn('skipped: minima comparison: the minima gem is not installed (apt install jekyll-theme-minima)');

async function copyFixture(dir: string): Promise<string> {
  const site = await mkdtemp(path.join(os.tmpdir(), 'pw-blog-look-'));
  await cp(path.join(FIXTURES, dir), site, { recursive: true });
  return site;
}

function previewFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.name() === '' && f !== page.mainFrame() && f.parentFrame() === page.mainFrame());
  if (!frame) throw new Error('no preview frame');
  return frame;
}

async function imagesLoaded(target: Page | Frame): Promise<void> {
  await target.waitForFunction(() => [...document.images].every((i) => i.complete) && document.fonts.status === 'loaded');
}

/** Scrolls the article's top to the top and shoots the part of it the viewport shows. */
async function shootArticle(page: Page, target: Page | Frame, selector: string, file: string): Promise<Buffer> {
  await target.evaluate((sel) => {
    const el = document.querySelector(sel)!;
    window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY);
  }, selector);
  const box = (await target.locator(selector).boundingBox())!;
  const viewport = page.viewportSize()!;
  const frameBox = target === page ? { y: 0, height: viewport.height } : (await page.locator('iframe[title="Preview"]').boundingBox())!;
  const height = Math.min(box.height, frameBox.y + frameBox.height - box.y);
  return page.screenshot({ path: file, clip: { x: box.x, y: box.y, width: box.width, height } });
}

forEachTransport((transport) => {
  for (const c of SITES) {
    const skip = !haveJekyll || !haveChromium || (c.name === 'minima' && !haveMinima);
    describe.skipIf(skip)(`[${transport}] Blog look of the ${c.name} fixture against jekyll build`, () => {
      let site: string;
      let built: string;
      let server: Awaited<ReturnType<typeof serveSite>>;
      let web: AppHarness;
      let browser: Browser;
      let page: Page;

      beforeAll(async () => {
        site = await copyFixture(c.dir);
        built = await mkdtemp(path.join(os.tmpdir(), 'pw-blog-look-built-'));
        const run = await runJekyll(['build', '--quiet', '-s', site, '-d', built], site);
        if (run.code !== 0) throw new Error(`jekyll build failed: ${run.stderr || run.stdout}`);
        server = await serveSite(built, c.baseurl);
        ({ web, browser, page } = await openAppInChromium(site, 1000, transport));
        await page.setViewportSize({ width: 1500, height: 2400 });
        await mkdir(SHOTS, { recursive: true });
      });

      afterAll(async () => {
        await browser?.close();
        await web?.close();
        await server?.close();
        await rm(built, { recursive: true, force: true });
      });

      for (const post of c.posts) {
        it(`"${post.title}": same structure, text, font, colours, width; pixel diff under ${PIXEL_THRESHOLD * 100}%`, async () => {
          await page.getByRole('option', { name: new RegExp(post.title) }).click();
          await page.getByRole('textbox', { name: 'Editor', exact: true }).waitFor();
          const frame = previewFrame(page);
          await frame.waitForSelector(`${c.body} #content h2`);
          await frame.waitForFunction((t) => (document.querySelector('.entry-title, .post-title') as HTMLElement | null)?.innerText.trim() === t, post.title);
          await imagesLoaded(frame);
          const frameBox = (await page.locator('iframe[title="Preview"]').boundingBox())!;
          const jekyllPage = await browser.newPage({ viewport: { width: Math.round(frameBox.width), height: Math.round(frameBox.height) } });
          try {
            await jekyllPage.goto(server.origin + c.baseurl + post.url);
            await imagesLoaded(jekyllPage);
            const mine = await pageFacts(frame, c.article, c.body, c.title);
            const theirs = await pageFacts(jekyllPage, c.article, c.body, c.title);
            const stem = path.join(SHOTS, `${transport}-${c.name}-${post.url.replace(/\W+/g, '-')}`);
            const a = await shootArticle(page, frame, c.article, `${stem}-preview.png`);
            const b = await shootArticle(jekyllPage, jekyllPage, c.article, `${stem}-jekyll.png`);
            const diff = pixelDiff(a, b);
            console.log(
              `blog-look [${transport}] ${c.name} ${post.url}: blocks ${mine.blocks.length}/${theirs.blocks.length} equal=${JSON.stringify(mine.blocks) === JSON.stringify(theirs.blocks)}, ` +
                `font "${mine.fontFamily}" vs "${theirs.fontFamily}", colour ${mine.color} vs ${theirs.color}, width ${mine.contentWidth} vs ${theirs.contentWidth} px, ` +
                `pixel diff ${(diff.ratio * 100).toFixed(2)}% of ${diff.width}×${diff.height} (height delta ${diff.heightDelta} px); shots ${stem}-*.png`,
            );
            expect(mine.blocks).toEqual(theirs.blocks);
            expect(mine.text).toBe(theirs.text);
            expect(mine.title).toBe(theirs.title);
            expect(mine.fontFamily).toBe(theirs.fontFamily);
            expect(mine.color).toBe(theirs.color);
            expect(mine.background).toBe(theirs.background);
            expect(mine.headingColor).toBe(theirs.headingColor);
            expect(Math.abs(mine.contentWidth - theirs.contentWidth)).toBeLessThanOrEqual(1);
            expect(diff.ratio).toBeLessThanOrEqual(PIXEL_THRESHOLD);
          } finally {
            await jekyllPage.close();
          }
        });
      }
    });
  }
});
