/**
 * Draws build/icon.png (1024×1024) from renderer/public/favicon.svg, so the app icon and the
 * favicon are the same picture. Renders the SVG in Debian's Chromium through playwright-core.
 * Run with `node scripts/make-icon.mjs` after changing the SVG; the PNG is committed for electron-builder.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const size = 1024;
const svg = await readFile(new URL('../renderer/public/favicon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<!doctype html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`);
  const png = await page.screenshot({ omitBackground: true });
  await writeFile(new URL('../build/icon.png', import.meta.url), png);
  console.log(`build/icon.png: ${size}×${size}, ${png.length} bytes`);
} finally {
  await browser.close();
}
