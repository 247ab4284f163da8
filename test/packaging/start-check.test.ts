/**
 * `npm start` tells the truth when Electron's binary is missing: one short message with the cause
 * and the ways out, a non-zero exit, and no 30 s build first.
 *
 * The first test runs the real `npm start` with Electron's download blocked (an unanswered mirror);
 * the others run the same script in a temp project laid out like node_modules/electron in each state,
 * with a stand-in `install.js` for the package's own download.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const SCRIPT = path.join(ROOT, 'scripts/check-electron.mjs');

/** The environment without any Electron override, as a newcomer has it. */
function plainEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { ELECTRON_OVERRIDE_DIST_PATH: _override, ...env } = process.env;
  return { ...env, ...extra };
}

function expectWaysOut(stderr: string): void {
  expect(stderr).toContain('Postwright cannot start the desktop app: no Electron binary.');
  expect(stderr).toMatch(/ELECTRON_MIRROR=\S+ npx install-electron/);
  expect(stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH=/path/to/electron/dist npm start');
  expect(stderr).toContain('npm run web');
  expect(stderr.trim().split('\n').length).toBeLessThanOrEqual(10);
}

const binaryInstalled = existsSync(path.join(ROOT, 'node_modules/electron/path.txt'));

describe('npm start on a machine without the Electron binary', () => {
  let emptyCache: string;
  beforeAll(async () => {
    emptyCache = await mkdtemp(path.join(tmpdir(), 'pw-electron-cache-'));
  });
  afterAll(async () => {
    await rm(emptyCache, { recursive: true, force: true });
  });

  it.skipIf(binaryInstalled)('stops before building, says why and the ways out, and exits non-zero', () => {
    const started = Date.now();
    // Blocked on every machine: an empty download cache and a mirror nobody answers on.
    const env = plainEnv({ ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: emptyCache });
    const run = spawnSync('npm', ['start'], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
    const ms = Date.now() - started;
    expect(run.status).not.toBe(0);
    expect(run.status).not.toBeNull();
    expectWaysOut(run.stderr);
    expect(run.stderr).toContain('blocked or failed');
    expect(run.stderr).not.toMatch(/^\s+at /m); // no stack
    expect(run.stdout + run.stderr).not.toContain('node bundles built');
    expect(run.stdout + run.stderr).not.toContain('failed to install correctly');
    // A guard against the 30 s build coming back first, not a speed target: here the download attempt
    // is refused at once.
    expect(ms).toBeLessThan(20_000);
  });
  if (binaryInstalled) console.warn('skipped: an Electron binary is installed here, so npm start would launch it');
});

describe('scripts/check-electron.mjs in each install state', () => {
  let project: string;
  const electronDir = () => path.join(project, 'node_modules/electron');
  const check = (env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [path.join(project, 'scripts/check-electron.mjs')], {
      cwd: project,
      env: plainEnv(env),
      encoding: 'utf8',
      timeout: 30_000,
    });

  beforeAll(async () => {
    project = await mkdtemp(path.join(tmpdir(), 'pw-start-'));
    await mkdir(path.join(project, 'scripts'));
    await copyFile(SCRIPT, path.join(project, 'scripts/check-electron.mjs'));
  });
  afterAll(async () => {
    await rm(project, { recursive: true, force: true });
  });

  it('says to run npm install when the electron package is absent', () => {
    const run = check();
    expect(run.status).toBe(1);
    expectWaysOut(run.stderr);
    expect(run.stderr).toContain('run `npm install` first');
  });

  it('tries the package\'s own download once and, when it fails, blames it in one line', async () => {
    await mkdir(electronDir(), { recursive: true });
    await writeFile(path.join(electronDir(), 'package.json'), '{"name":"electron","version":"45.4.1"}');
    await writeFile(
      path.join(electronDir(), 'install.js'),
      "console.error('TypeError: fetch failed'); console.error('    at FetchDownloader.download'); process.exit(1);",
    );
    const run = check();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('downloading it (first start only)');
    expectWaysOut(run.stderr);
    expect(run.stderr).toContain('was blocked or failed: TypeError: fetch failed.');
    expect(run.stderr).not.toContain('FetchDownloader');
  });

  it('goes on silently when that download succeeds', async () => {
    await writeFile(
      path.join(electronDir(), 'install.js'),
      "const fs = require('fs'); fs.mkdirSync('dist'); fs.writeFileSync('dist/electron', ''); fs.writeFileSync('path.txt', 'electron');",
    );
    const run = check();
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('downloading it');
    expect(check().stderr).toBe(''); // the next start finds it and says nothing
  });

  it('checks ELECTRON_OVERRIDE_DIST_PATH the way Electron reads it', async () => {
    const override = path.join(project, 'my-electron');
    await mkdir(override);
    const missing = check({ ELECTRON_OVERRIDE_DIST_PATH: override });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(`ELECTRON_OVERRIDE_DIST_PATH is set, but ${path.join(override, 'electron')} does not exist.`);
    await writeFile(path.join(override, 'electron'), '');
    expect(check({ ELECTRON_OVERRIDE_DIST_PATH: override }).status).toBe(0);
  });
});
