/**
 * Builds the script that runs a preload in a Chromium page the way Electron runs a sandboxed,
 * context-isolated preload (https://www.electronjs.org/docs/latest/tutorial/sandbox#preload-scripts):
 * its source wrapped in a function whose only Node-ish parameters are the sandbox's `require`
 * (electron, events, timers, url), `process`, `Buffer`, `global`, `setImmediate`, `clearImmediate`,
 * `exports` and `module`. There is no `__filename`, no `__dirname` and no other Node module: a
 * preload that reads them throws, as it does in Electron.
 *
 * The preload is pasted into the page as code, not evaluated from a string, so the page's CSP
 * (no 'unsafe-eval') applies to the page unchanged.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const here = __dirname;
const runtime = readFileSync(path.join(here, 'page-world.js'), 'utf8');
const codec = readFileSync(path.join(here, 'bridge-codec.cjs'), 'utf8');

export interface PageWorldConfig {
  binding: string;
  deliverKey: string;
  preloadPath: string;
  contextIsolation: boolean;
  process: { platform: string; arch: string; versions: Record<string, string> };
}

/** The init script for one window's pages: rules in every frame, the preload in the top frame only. */
export function pageInitScript(config: PageWorldConfig, preloadSource: string | null): string {
  // A sourceMappingURL comment at the end of the preload would end up inside our wrapper: drop it.
  const body = preloadSource?.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n') ?? '';
  return `(function () {
  'use strict';
  const CONFIG = ${JSON.stringify(config)};
  const codec = (function () { const module = { exports: {} }; ${codec}\n; return module.exports; })();
  ${runtime}
  const world = createPageWorld(CONFIG, codec);
  world.installPageRules();
  if (window.top !== window) return; // nodeIntegrationInSubFrames is off: the preload runs in the top frame only
  ${preloadSource === null ? '' : `world.runPreload(function (require, process, Buffer, global, setImmediate, clearImmediate, exports, module, window, self, globalThis) {\n${body}\n});`}
})();`;
}
