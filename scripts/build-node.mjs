/**
 * Bundles the Node side (CLI, Electron main, web host, bench) and the preload with esbuild.
 *
 * One bundle per entry keeps CLI start-up fast (no module resolution at run time) and lets
 * `npm install` (via `prepare`) make `bin/postwright` usable in well under a second.
 * The preload is bundled apart for Electron's sandbox: no banner or `import.meta` shim (the
 * sandbox has no `__filename`), and only `electron` left to `require`.
 */
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const nodeOptions = {
  platform: 'node',
  target: 'node20',
  external: ['electron', 'playwright-core', 'chromium-bidi/*'],
  define: { 'import.meta.url': 'import_meta_url' },
  banner: { js: "const import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
};
/** Electron's sandboxed preload: a browser-like context whose `require` knows only `electron`, `events`, `timers`, `url`. */
const sandboxOptions = { platform: 'browser', target: 'chrome130', external: ['electron'] };
const entries = [
  // The command line: a small launcher (V8 flags, code cache) and the bundle it runs.
  ['electron/cli/launch.ts', 'dist/electron/cli.cjs', nodeOptions],
  ['electron/cli/main.ts', 'dist/electron/cli-main.cjs', nodeOptions],
  ['electron/main/main.ts', 'dist/electron/main.cjs', nodeOptions],
  ['electron/preload/preload.ts', 'dist/electron/preload.cjs', sandboxOptions],
  ['electron/web/web-main.ts', 'dist/electron/web.cjs', nodeOptions],
  ['test/bench/bench.ts', 'dist/bench/bench.cjs', nodeOptions],
  // The indexer's read worker, next to the bundles that index (found by __dirname).
  ['electron/core/index/read-worker.ts', 'dist/electron/read-worker.cjs', nodeOptions],
  ['electron/core/index/read-worker.ts', 'dist/bench/read-worker.cjs', nodeOptions],
  // The Sass compiler, loaded only when Blog look compiles a stylesheet (electron/core/theme/load-sass.ts).
  ['electron/core/theme/sass-bundle.ts', 'dist/electron/sass.cjs', nodeOptions],
];

const started = Date.now();
await Promise.all(
  entries
    .filter(([src]) => existsSync(path.join(root, src)))
    .map(([src, out, options]) =>
      build({
        absWorkingDir: root,
        entryPoints: [src],
        outfile: out,
        bundle: true,
        format: 'cjs',
        sourcemap: 'linked',
        logLevel: 'warning',
        ...options,
      }),
    ),
);
if (process.env.POSTWRIGHT_BUILD_QUIET !== '1') {
  console.log(`node bundles built in ${Date.now() - started} ms`);
}
