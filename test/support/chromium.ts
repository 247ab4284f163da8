/**
 * Launches Debian's Chromium through playwright-core with the flags this environment needs.
 *
 * `npx playwright install` cannot download browsers here, so tests always use /usr/bin/chromium
 * (CHROMIUM_PATH overrides it).
 */
import { chromium, type Browser } from 'playwright-core';
import { checkTool, requireTool } from './require-tool';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** True when Chromium can run (else the calling suite is skipped, or fails in CI). */
export function chromiumAvailable(): boolean {
  return requireTool('chromium', checkTool(CHROMIUM_PATH, ['--version']));
}

export async function launchChromium(): Promise<Browser> {
  // Playwright gives each launch a fresh, empty profile of its own.
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
}
