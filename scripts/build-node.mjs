/**
 * Bundles the Node side (CLI, Electron main, web host, bench) and the preload with esbuild.
 *
 * One bundle per entry keeps CLI start-up fast (no module resolution at run time) and lets
 * `npm install` (via `prepare`) make `bin/postwright` usable in well under a second.
 * The preload is bundled apart for Electron's sandbox: no banner or `import.meta` shim (the
 * sandbox has no `__filename`), and only `electron` left to `require`.
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
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

const bundle = ([src, out, options]) =>
  build({
    absWorkingDir: root,
    entryPoints: [src],
    outfile: out,
    bundle: true,
    format: 'cjs',
    sourcemap: 'linked',
    logLevel: 'warning',
    ...options,
  });

const started = Date.now();
const [launcher, ...rest] = entries.filter(([src]) => existsSync(path.join(root, src)));
await Promise.all(rest.map(bundle));
// The launcher names its code cache by the CLI bundle's hash and length, taken here: the command
// line then never loads node:crypto to hash 0.5 MB at every start (see electron/cli/code-cache.ts).
const cliMain = readFileSync(path.join(root, 'dist/electron/cli-main.cjs'), 'utf8');
const cliMainKey = `${createHash('sha1').update(cliMain).digest('hex').slice(0, 20)}:${cliMain.length}`;
await bundle([launcher[0], launcher[1], { ...launcher[2], define: { ...launcher[2].define, CLI_MAIN_KEY: JSON.stringify(cliMainKey) } }]);
if (process.env.POSTWRIGHT_BUILD_QUIET !== '1') {
  console.log(`node bundles built in ${Date.now() - started} ms`);
}
