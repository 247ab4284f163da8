/**
 * Run by `npm start` before building: makes sure the Electron binary is there, or stops at once with
 * the real cause and the ways out.
 *
 * Why: the `electron` package downloads its binary from GitHub on first use; where that is blocked,
 * `npm start` used to build for 30 s and then print Electron's own "failed to install correctly"
 * stack. This script reads `node_modules/electron/path.txt` and `dist/` itself and never requires the
 * package (requiring it starts the download); when the binary is missing it runs the package's own
 * download once (`install.js`, which honours ELECTRON_MIRROR) and reports its failure in one line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const electronDir = path.join(root, 'node_modules', 'electron');
const DOWNLOAD_TIMEOUT_MS = 5 * 60_000;

/** Why the binary is not usable ('download' when only the first-use download is missing), or null. */
function missingBinary() {
  if (!existsSync(path.join(electronDir, 'package.json'))) {
    return 'the electron package is not installed (run `npm install` first).';
  }
  const pathFile = path.join(electronDir, 'path.txt');
  const recorded = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = path.join(override, recorded || 'electron'); // as electron's own index.js joins it
    return existsSync(binary) ? null : `ELECTRON_OVERRIDE_DIST_PATH is set, but ${binary} does not exist.`;
  }
  if (recorded && existsSync(path.join(electronDir, 'dist', recorded))) return null;
  return 'download';
}

/** Runs the electron package's own download; returns null on success or a one-line reason. */
function download() {
  const installer = path.join(electronDir, 'install.js');
  if (!existsSync(installer)) return 'its installer (node_modules/electron/install.js) is missing';
  process.stderr.write('Electron binary not found: downloading it (first start only)…\n');
  const run = spawnSync(process.execPath, [installer], {
    cwd: electronDir,
    encoding: 'utf8',
    timeout: DOWNLOAD_TIMEOUT_MS,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (run.error?.code === 'ETIMEDOUT') return `no answer within ${DOWNLOAD_TIMEOUT_MS / 60_000} minutes`;
  if (run.status === 0 && missingBinary() === null) return null;
  const firstError = (run.stderr ?? '').split('\n').find((line) => /error|fail/i.test(line));
  return (firstError ?? run.error?.message ?? `installer exited with ${run.status}`).trim();
}

let why = missingBinary();
if (why === 'download') {
  const failure = download();
  const from = process.env.ELECTRON_MIRROR ? `from ${process.env.ELECTRON_MIRROR}` : 'from GitHub';
  why = failure === null ? null : `its download ${from} (made on first use) was blocked or failed: ${failure}.`;
}
if (why) {
  process.stderr.write(
    [
      'Postwright cannot start the desktop app: no Electron binary.',
      `Why: ${why}`,
      'Ways out:',
      '  ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ npx install-electron',
      '      fetch it from a mirror you can reach (or delete node_modules/electron and run npm install again)',
      '  ELECTRON_OVERRIDE_DIST_PATH=/path/to/electron/dist npm start',
      '      use an Electron 45 you already have',
      '  npm run web',
      '      the same app in your browser',
      '',
    ].join('\n'),
  );
  process.exit(1);
}
