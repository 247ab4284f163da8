/**
 * Loads the Sass compiler on first use: the `sass.cjs` bundle next to the running bundle when
 * there is one (the packaged app has no node_modules), else the `sass` package (tests running
 * from source). Keeping it out of the main bundle keeps the app's start-up parse small.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type SassModule = typeof import('sass');

let loaded: Promise<Pick<SassModule, 'compileString' | 'Logger'>> | null = null;

export function loadSass(): Promise<Pick<SassModule, 'compileString' | 'Logger'>> {
  loaded ??= (async () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const bundled = path.join(here, 'sass.cjs');
    if (existsSync(bundled)) return createRequire(import.meta.url)(bundled) as SassModule;
    // A name the bundler does not follow, so the compiler stays out of the main bundles.
    const name = 'sass';
    return (await import(/* @vite-ignore */ name)) as SassModule;
  })();
  return loaded;
}
