/**
 * WCAG AA contrast of what the app shows, read from the computed colours in Chromium, in light and
 * dark: every piece of editor text (4.5:1) and Markdown markup (3:1) on the page, on the active line,
 * in the selection and both at once; and the app's visible text around it (4.5:1, 3:1 when large).
 * Dark mode once had links and punctuation dark on dark and backticks vanishing on the active line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable } from '../support/chromium';
import { forEachTransport, openAppInChromium, type AppHarness } from '../support/app-in-chromium';
import { copySampleBlog } from '../contract/contract-suite';
import { AA_MARKUP, AA_TEXT, composite, contrastRatio, effectiveBackground, formatRatio, parseColor, type Rgba } from '../support/contrast';

const POST = `---
title: Every kind of markup
date: 2026-06-03 09:00:00 +0000
tags: [contrast]
---
# A first-level heading

Plain text with *emphasis*, **strong words**, ~~struck~~ and \`inline code\` in one line.

## Links and addresses

A [link to somewhere](https://example.org/path "With a title") and an autolink <https://example.net/>.
![A small picture](/assets/images/picture.png)

### Lists and quotes

- a bullet item
- another with \`code\`
  1. a numbered item
  2. and one more

> A quoted sentence that goes on for a while.
> With a second line of *quote*.

---

\`\`\`js
// a comment in code
const answer = 42;
function greet(name) { return "hello " + name; }
\`\`\`

Escaped \\* star and an entity &amp; here.
<!-- an HTML comment -->
`;

/** Every highlight class the post above produces. */
const KINDS = ['pw-md-heading', 'pw-md-emphasis', 'pw-md-strong', 'pw-md-link', 'pw-md-url', 'pw-md-code', 'pw-md-quote', 'pw-md-mark', 'pw-md-comment', 'pw-code-keyword', 'pw-code-number', 'pw-code-string'];

/** What the page reports for one run of text. */
interface Sample {
  text: string;
  classes: string;
  color: string;
  opacity: number;
  /** Backgrounds from the text's element outwards, leaving out the active-line highlight. */
  layers: string[];
  fontSize: number;
  fontWeight: number;
}

interface Reading {
  samples: Sample[];
  activeLine: string;
  selection: string;
}

/** Reads every text run under `rootSelector` with its colour and the backgrounds beneath it. */
async function readSamples(page: Page, rootSelector: string, skipSelector: string | null, onScreenOnly: boolean): Promise<Sample[]> {
  return page.evaluate(
    ({ rootSelector, skipSelector, onScreenOnly }) => {
      const out: Sample[] = [];
      const roots = [...document.querySelectorAll(rootSelector)];
      for (const root of roots) {
        // Text nodes, and the values typed into fields (which are not text nodes).
        const runs: { text: string; el: Element }[] = [];
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.parentElement) runs.push({ text: node.textContent?.trim() ?? '', el: node.parentElement });
        for (const field of root.querySelectorAll<HTMLInputElement>('input:not([type=checkbox], [type=radio], [type=range], [type=file], [type=hidden], [type=color]), textarea')) {
          runs.push({ text: field.value.trim(), el: field });
        }
        for (const { text, el } of runs) {
          if (!text) continue;
          if (skipSelector && el.closest(skipSelector)) continue;
          if (el.closest('[hidden], [aria-hidden=true], :disabled, [aria-disabled=true], option, script, style, .cm-widgetBuffer')) continue;
          if (!el.checkVisibility({ opacityProperty: false, visibilityProperty: true })) continue;
          const rect = el.getBoundingClientRect();
          if (rect.width === 0 || rect.height === 0) continue;
          if (onScreenOnly && (rect.bottom < 0 || rect.top > innerHeight || rect.right < 0 || rect.left > innerWidth)) continue;
          const style = getComputedStyle(el);
          const layers: string[] = [];
          let opacity = 1;
          for (let up: Element | null = el; up; up = up.parentElement) {
            const s = getComputedStyle(up);
            opacity *= Number(s.opacity);
            if (up.classList.contains('cm-activeLine')) continue;
            layers.push(s.backgroundColor);
          }
          out.push({ text: text.slice(0, 40), classes: `${el.className}`, color: style.color, opacity, layers, fontSize: parseFloat(style.fontSize), fontWeight: Number(style.fontWeight) });
        }
      }
      return out;
    },
    { rootSelector, skipSelector, onScreenOnly },
  );
}

/** The post in the editor with the caret in it and everything selected, and what the editor shows. */
async function readEditor(page: Page): Promise<Reading> {
  await page.getByRole('option', { name: /Every kind of markup/ }).click();
  const content = page.locator('.cm-content');
  await content.getByText('A first-level heading').waitFor();
  await content.getByText('Plain text with').click();
  // Highlighting runs in the background: wait until the whole post is highlighted.
  await page.waitForFunction((classes) => classes.every((c) => document.querySelector(`.cm-content .${c}`)), KINDS);
  const samples = await readSamples(page, '.cm-content', null, false);
  await page.keyboard.press('ControlOrMeta+A');
  await page.locator('.cm-selectionBackground').first().waitFor();
  const activeLine = await page.locator('.cm-activeLine').first().evaluate((el) => getComputedStyle(el).backgroundColor);
  const selection = await page.locator('.cm-selectionBackground').first().evaluate((el) => getComputedStyle(el).backgroundColor);
  await page.keyboard.press('ArrowDown');
  return { samples, activeLine, selection };
}

const isMarkup = (classes: string) => /\bpw-md-(mark|url)\b/.test(classes);
/** WCAG "large text": 24 px, or 18.66 px bold. */
const isLarge = (s: Sample) => s.fontSize >= 24 || (s.fontSize >= 18.66 && s.fontWeight >= 700);

function colour(css: string): Rgba {
  const c = parseColor(css);
  if (!c) throw new Error(`unreadable colour ${css}`);
  return c;
}

/** Contrast of a sample over its own backgrounds with extra layers (active line, selection) slipped in below the text's line. */
function ratio(s: Sample, extra: Rgba[] = []): number {
  const layers = s.layers.map(colour);
  // The extra layers lie just above the editor's own background: under the text's spans, over the page.
  const lineIndex = layers.findIndex((l) => l.a > 0);
  const below = lineIndex < 0 ? layers : layers.slice(lineIndex);
  const above = lineIndex < 0 ? [] : layers.slice(0, lineIndex);
  const bg = effectiveBackground([...above, ...extra, ...below]);
  const fg = colour(s.color);
  return contrastRatio({ ...fg, a: fg.a * s.opacity }, bg);
}

interface Worst {
  ratio: number;
  sample: Sample | null;
  where: string;
}

function worstOf(samples: Sample[], pick: (s: Sample) => boolean, variants: Record<string, Rgba[]>): Worst {
  let worst: Worst = { ratio: Infinity, sample: null, where: '' };
  for (const s of samples.filter(pick)) {
    for (const [where, extra] of Object.entries(variants)) {
      const r = ratio(s, extra);
      if (r < worst.ratio) worst = { ratio: r, sample: s, where };
    }
  }
  return worst;
}

const describeWorst = (w: Worst) => `${formatRatio(w.ratio)}:1 (${w.where}: "${w.sample?.text}" .${w.sample?.classes.split(' ').join('.')} ${w.sample?.color})`;

forEachTransport((transport) => {
  describe.skipIf(!chromiumAvailable())(`[${transport}] contrast (WCAG AA)`, () => {
    let web: AppHarness;
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      const site = await copySampleBlog();
      await writeFile(path.join(site, '_posts/2026-06-03-every-kind-of-markup.md'), POST);
      ({ web, browser, page } = await openAppInChromium(site, 900, transport));
    });

    afterAll(async () => {
      await browser?.close();
      await web?.close();
    });

    for (const scheme of ['light', 'dark'] as const) {
      it(`${scheme}: editor text ≥ ${AA_TEXT}:1 and markup ≥ ${AA_MARKUP}:1 on the page, the active line and the selection`, async () => {
        await page.emulateMedia({ colorScheme: scheme });
        const reading = await readEditor(page);
        const active = colour(reading.activeLine);
        const selection = colour(reading.selection);
        expect(active.a, 'the active line is translucent so the selection shows through it').toBeLessThan(1);
        const variants = { page: [], 'active line': [active], selection: [selection], 'selection on the active line': [active, selection] };
        const markup = reading.samples.filter((s) => isMarkup(s.classes));
        const text = reading.samples.filter((s) => !isMarkup(s.classes));
        // Every kind of markup was seen (the post has them all), so none escaped the check.
        for (const cls of KINDS) {
          expect(reading.samples.some((s) => s.classes.includes(cls)), cls).toBe(true);
        }
        const worstText = worstOf(text, () => true, variants);
        const worstMarkup = worstOf(markup, () => true, variants);
        console.log(`[${transport}] ${scheme} editor: ${text.length} text runs, min ${describeWorst(worstText)}; ${markup.length} markup runs, min ${describeWorst(worstMarkup)}`);
        expect(worstText.ratio, describeWorst(worstText)).toBeGreaterThanOrEqual(AA_TEXT);
        expect(worstMarkup.ratio, describeWorst(worstMarkup)).toBeGreaterThanOrEqual(AA_MARKUP);
      });

      it(`${scheme}: the app's visible text ≥ ${AA_TEXT}:1 (large text ≥ ${AA_MARKUP}:1)`, async () => {
        await page.emulateMedia({ colorScheme: scheme });
        const samples = await readSamples(page, '#root, body > [data-radix-popper-content-wrapper]', '.cm-editor', true);
        expect(samples.length).toBeGreaterThan(20);
        const worstBody = worstOf(samples, (s) => !isLarge(s), { page: [] });
        const worstLarge = worstOf(samples, isLarge, { page: [] });
        console.log(`[${transport}] ${scheme} app: ${samples.length} text runs, min ${describeWorst(worstBody)}${worstLarge.sample ? `; large text min ${describeWorst(worstLarge)}` : ''}`);
        expect(worstBody.ratio, describeWorst(worstBody)).toBeGreaterThanOrEqual(AA_TEXT);
        if (worstLarge.sample) expect(worstLarge.ratio, describeWorst(worstLarge)).toBeGreaterThanOrEqual(AA_MARKUP);
      });
    }

    it('data-theme on <html> overrides the system setting', async () => {
      await page.emulateMedia({ colorScheme: 'light' });
      const editorBg = () => page.locator('.cm-editor').evaluate((el) => getComputedStyle(el).backgroundColor);
      const light = colour(await editorBg());
      await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
      const dark = colour(await editorBg());
      await page.evaluate(() => document.documentElement.removeAttribute('data-theme'));
      expect(light.r).toBeGreaterThan(200);
      expect(dark.r).toBeLessThan(60);
      expect(composite(dark, light).r).toBeLessThan(60);
    });
  });
});
