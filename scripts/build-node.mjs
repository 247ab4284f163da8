/**
 * Bundles the Node side (CLI, Electron main and preload, web host, bench) with esbuild.
 *
 * One bundle per entry keeps CLI start-up fast (no module resolution at run time) and lets
 * `npm install` (via `prepare`) make `bin/postwright` usable in well under a second.
 */
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const entries = [
  ['electron/cli/main.ts', 'dist/electron/cli.cjs'],
  ['electron/main/main.ts', 'dist/electron/main.cjs'],
  ['electron/preload/preload.ts', 'dist/electron/preload.cjs'],
  ['electron/web/web-main.ts', 'dist/electron/web.cjs'],
  ['test/bench/bench.ts', 'dist/bench/bench.cjs'],
];

const started = Date.now();
await Promise.all(
  entries
    .filter(([src]) => existsSync(path.join(root, src)))
    .map(([src, out]) =>
      build({
        absWorkingDir: root,
        entryPoints: [src],
        outfile: out,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        sourcemap: 'linked',
        external: ['electron', 'playwright-core', 'chromium-bidi/*'],
        logLevel: 'warning',
        define: { 'import.meta.url': 'import_meta_url' },
        banner: { js: "const import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
      }),
    ),
);
if (process.env.POSTWRIGHT_BUILD_QUIET !== '1') {
  console.log(`node bundles built in ${Date.now() - started} ms`);
}
