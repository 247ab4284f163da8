/**
 * The built command line keeps a V8 code cache of its bundle per user: the first run writes it,
 * later runs use it, a damaged cache is replaced, and the output is the same every time.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { codeCacheDir } from '../../electron/cli/code-cache';
import { copySite } from '../support/jekyll-oracle';

const CLI = path.resolve(__dirname, '../../dist/electron/cli.cjs');
const FIXTURES = path.resolve(__dirname, '../fixtures/sites');
const built = existsSync(CLI) && existsSync(path.join(path.dirname(CLI), 'cli-main.cjs'));

function run(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('code cache', () => {
  it('lives in the user cache folder, can be moved or turned off', () => {
    expect(codeCacheDir({ XDG_CACHE_HOME: '/x/cache' }, 'linux')).toBe(path.join('/x/cache', 'postwright', 'code'));
    expect(codeCacheDir({ POSTWRIGHT_CODE_CACHE_DIR: '/y' }, 'linux')).toBe(path.resolve('/y'));
    expect(codeCacheDir({ POSTWRIGHT_CODE_CACHE: '0', POSTWRIGHT_CODE_CACHE_DIR: '/y' }, 'linux')).toBeNull();
    // The index cache's folder setting does not move it: clearing the index cache keeps the code cache.
    expect(codeCacheDir({ POSTWRIGHT_CACHE_DIR: '/z', XDG_CACHE_HOME: '/x/cache' }, 'linux')).toBe(path.join('/x/cache', 'postwright', 'code'));
  });

  it.skipIf(!built)('is written by the first run, used by the next, replaced when damaged; the output never changes', async () => {
    const site = await copySite(path.join(FIXTURES, 'edge-cases'));
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pw-code-cache-'));
    try {
      const env = { POSTWRIGHT_CODE_CACHE_DIR: dir, POSTWRIGHT_CACHE_DIR: path.join(dir, 'index') };
      const first = run(['index', site, '--json'], env);
      expect(first.code).toBe(0);
      const files = (await readdir(dir)).filter((f) => f.endsWith('.v8'));
      expect(files).toHaveLength(1);
      const second = run(['index', site, '--json'], env);
      expect(second.out).toBe(first.out);
      await writeFile(path.join(dir, files[0]), 'not a code cache');
      const third = run(['index', site, '--json'], env);
      expect(third.code).toBe(0);
      expect(third.out).toBe(first.out);
      expect(third.err).toBe('');
      const off = run(['index', site, '--json'], { ...env, POSTWRIGHT_CODE_CACHE: '0' });
      expect(off.out).toBe(first.out);
    } finally {
      await rm(dir, { recursive: true, force: true });
      await rm(site, { recursive: true, force: true });
    }
  });
});
