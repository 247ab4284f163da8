/**
 * Packaging as `npm run dist` does it, without Electron: electron-builder packs the real bundles
 * against a stand-in `electronDist` (nothing is downloaded), then the produced `app.asar` is read
 * back with `@electron/asar` and the fuse wire is read back from the packed executable.
 *
 * Why: the asar must hold only what runs (no source maps, no node_modules copies of code the
 * bundles already contain), and the security fuses must really be flipped in the shipped binary.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listPackage, statFile, extractFile } from '@electron/asar';
import { makeStandInElectronDist, readFuseWire } from './stand-in-electron-dist';

const ROOT = path.resolve(__dirname, '../..');
// About 5 MB of it is the Sass compiler (dist/electron/sass.cjs), loaded only when Blog look compiles a stylesheet.
const MAX_ASAR_BYTES = 12 * 1024 * 1024;

interface BuilderRun {
  code: number | null;
  log: string;
  ms: number;
}

/** Runs the electron-builder CLI from node_modules with config overrides; kills it after `timeoutMs`. */
function runElectronBuilder(args: string[], timeoutMs: number): Promise<BuilderRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    // builder-util silences its log when it sees VITEST; the log is part of what is checked.
    const { VITEST: _vitest, ...env } = process.env;
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/electron-builder/cli.js'), ...args], {
      cwd: ROOT,
      env: { ...env, CSC_IDENTITY_AUTO_DISCOVERY: 'false', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, log, ms: Date.now() - started });
    });
  });
}

describe('electron-builder --dir --linux with a stand-in Electron', () => {
  let work: string;
  let appOut: string;
  let asarPath: string;
  let run: BuilderRun;
  let entries: string[];

  beforeAll(async () => {
    for (const bundle of ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html']) {
      if (!existsSync(path.join(ROOT, bundle))) throw new Error(`${bundle} is missing: run \`npm run build\` first`);
    }
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8'));
    work = await mkdtemp(path.join(tmpdir(), 'pw-pack-'));
    const dist = await makeStandInElectronDist(path.join(work, 'electron-dist'), pkg.version);
    run = await runElectronBuilder(
      [
        '--dir',
        '--linux',
        '--x64',
        '--publish',
        'never',
        `-c.electronDist=${dist}`,
        `-c.electronVersion=${pkg.version}`,
        `-c.directories.output=${path.join(work, 'out')}`,
      ],
      90_000,
    );
    appOut = path.join(work, 'out', 'linux-unpacked');
    asarPath = path.join(appOut, 'resources', 'app.asar');
    if (run.code === 0) entries = listPackage(asarPath, { isPack: false });
  }, 120_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('packs offline, in under 90 s', () => {
    expect(run.code, run.log).toBe(0);
    expect(run.ms).toBeLessThan(90_000);
    expect(run.log).toContain('using custom unpacked Electron distribution');
    expect(run.log).not.toMatch(/downloading/i);
  });

  it('holds only the main and preload bundles, the renderer and package.json', async () => {
    const sizes = new Map<string, number>();
    for (const e of entries) {
      const entry = statFile(asarPath, e.slice(1), false);
      if ('size' in entry) sizes.set(e, entry.size);
    }
    const files = [...sizes.keys()];
    const unexpected = files.filter(
      (f) => !/^\/dist\/electron\/[\w-]+\.cjs$/.test(f) && !f.startsWith('/dist/renderer/') && f !== '/package.json',
    );
    expect(unexpected).toEqual([]);
    expect(files).toContain('/dist/electron/main.cjs');
    expect(files).toContain('/dist/electron/preload.cjs');
    // The index's worker thread is loaded from next to main.cjs (Electron reads workers inside the asar).
    expect(files).toContain('/dist/electron/read-worker.cjs');
    expect(files).toContain('/dist/renderer/index.html');
    expect(files).not.toContain('/dist/electron/cli.cjs');
    expect(files).not.toContain('/dist/electron/cli-main.cjs');
    expect(files).not.toContain('/dist/electron/web.cjs');
    expect(entries.filter((e) => e.includes('node_modules'))).toEqual([]);
    expect(entries.filter((e) => e.endsWith('.map'))).toEqual([]);

    const packedPkg = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8'));
    expect(packedPkg.main).toBe('dist/electron/main.cjs');

    const total = [...sizes.values()].reduce((sum, n) => sum + n, 0);
    const onDisk = (await stat(asarPath)).size;
    expect(total).toBeLessThan(MAX_ASAR_BYTES);
    expect(onDisk).toBeLessThan(MAX_ASAR_BYTES);
    console.log(`app.asar: ${files.length} files, ${(onDisk / 1024 / 1024).toFixed(2)} MB (packed in ${(run.ms / 1000).toFixed(1)} s)`);
  });

  it('needs nothing from node_modules at run time: the bundles require only Node built-ins and electron', async () => {
    const allowed = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'electron']);
    for (const bundle of entries.filter((e) => e.endsWith('.cjs'))) {
      const code = extractFile(asarPath, bundle.slice(1)).toString('utf8');
      const required = [...code.matchAll(/\brequire\((["'])([^"']+)\1\)/g)].map((m) => m[2]);
      expect(required.filter((r) => !allowed.has(r)), bundle).toEqual([]);
    }
  });

  it('flips the security fuses in the packed executable', async () => {
    const fuses = await readFuseWire(path.join(appOut, 'postwright'));
    expect(fuses).toMatchObject({
      RunAsNode: 'off',
      EnableCookieEncryption: 'on',
      EnableNodeOptionsEnvironmentVariable: 'off',
      EnableNodeCliInspectArguments: 'off',
      EnableEmbeddedAsarIntegrityValidation: 'on',
      OnlyLoadAppFromAsar: 'on',
      GrantFileProtocolExtraPrivileges: 'off',
    });
  });
});

describe('packaging configuration', () => {
  it('gives deb a homepage and an author with an e-mail', async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.author.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
  });

  it('grants the macOS hardened runtime JIT and nothing else', async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.build.mac.hardenedRuntime).toBe(true);
    for (const file of new Set([pkg.build.mac.entitlements, pkg.build.mac.entitlementsInherit])) {
      const plist = await readFile(path.join(ROOT, file), 'utf8');
      const granted = [...plist.matchAll(/<key>([^<]+)<\/key>\s*<true\/>/g)].map((m) => m[1]);
      expect(granted, file).toEqual(['com.apple.security.cs.allow-jit']);
      expect(plist).not.toMatch(/allow-unsigned-executable-memory|allow-dyld-environment-variables|disable-library-validation/);
    }
  });
});
