/**
 * Run by `npm start` before building: stops at once, with the real cause and the ways out, when the
 * Electron binary is missing.
 *
 * Why: the `electron` package downloads its binary from GitHub on first use; where that is blocked,
 * `npm start` used to build for 30 s and then print Electron's own "failed to install correctly"
 * stack. This script reads `node_modules/electron/path.txt` and `dist/` itself and never requires the
 * package (requiring it starts the download).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const electronDir = path.join(root, 'node_modules', 'electron');

/** Where the binary should be and why it is not there, or null when it is. */
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
  return 'the electron package is installed but its binary is not: the download from GitHub that it makes on first use was blocked or failed.';
}

const why = missingBinary();
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
