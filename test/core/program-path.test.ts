/**
 * Outside programs are found in PATH's absolute folders only: a blog that ships an executable named
 * `git` or `find` never gets it run, even when PATH has an empty entry (the current folder).
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { programPath } from '../../electron/core/util/program-path';
import { runGit } from '../../electron/core/git/run-git';
import { indexSite } from '../../electron/core/site/site-index';
import { requireTool } from '../support/require-tool';

let dir: string;
let bin: string;
let other: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pw-program-path-'));
  bin = path.join(dir, 'bin');
  other = path.join(dir, 'other');
  await mkdir(bin);
  await mkdir(other);
  await writeFile(path.join(bin, 'tool'), '#!/bin/sh\n');
  await chmod(path.join(bin, 'tool'), 0o755);
  await writeFile(path.join(other, 'tool'), '#!/bin/sh\n');
  await chmod(path.join(other, 'tool'), 0o755);
  await writeFile(path.join(other, 'plain'), 'not a program\n');
  await chmod(path.join(other, 'plain'), 0o644);
  await mkdir(path.join(other, 'folder'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('programPath', () => {
  const rows: [string, () => [string, string], () => string | null][] = [
    ['the first absolute folder that has it', () => ['tool', `${bin}:${other}`], () => path.join(bin, 'tool')],
    ['an empty entry is skipped, not the current folder', () => ['tool', `:${other}`], () => path.join(other, 'tool')],
    ['a relative entry is skipped', () => ['tool', `bin:.:./bin:${other}`], () => path.join(other, 'tool')],
    ['a file that is not executable is not a program', () => ['plain', other], () => null],
    ['a folder is not a program', () => ['folder', other], () => null],
    ['nothing found', () => ['no-such-tool', `${bin}:${other}`], () => null],
    ['no PATH at all', () => ['tool', ''], () => null],
    ['a name with a folder is refused', () => ['bin/tool', dir], () => null],
  ];
  it.each(rows)('%s', (_name, input, want) => {
    const [name, pathVar] = input();
    expect(programPath(name, { PATH: pathVar }, 'linux')).toBe(want());
  });

  it('is how every program the app starts is found: no spawn or execFile names a program itself', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const root = path.resolve(__dirname, '../../electron');
    const offenders: string[] = [];
    for (const rel of await readdir(root, { recursive: true })) {
      if (!rel.endsWith('.ts')) continue;
      const text = await readFile(path.join(root, rel), 'utf8');
      for (const m of text.matchAll(/\b(?:spawn|spawnSync|execFile|execFileSync|exec|execSync)\(\s*['"`]/g)) offenders.push(`${rel}: ${m[0]}`);
    }
    expect(offenders).toEqual([]);
  });

  it('on Windows reads Path in any case and tries PATHEXT', () => {
    expect(programPath('git', { Path: 'relative;;.', PATHEXT: '.EXE' }, 'win32')).toBeNull();
    expect(programPath('git', {}, 'win32')).toBeNull();
  });
});

const withTools = requireTool('git') && (process.platform !== 'linux' || requireTool('find'));

describe.skipIf(!withTools)("a blog's own git and find", () => {
  it('are never run, even with the current folder on PATH', async () => {
    const site = path.join(dir, 'site');
    const marker = path.join(dir, 'ran');
    await mkdir(path.join(site, '_posts'), { recursive: true });
    await writeFile(path.join(site, '_config.yml'), 'title: Hostile\n');
    await writeFile(path.join(site, '_posts', '2024-01-02-a.md'), '---\ntitle: A\n---\nbody\n');
    for (const name of ['git', 'find']) {
      await writeFile(path.join(site, name), `#!/bin/sh\necho ${name} >> '${marker}'\n`);
      await chmod(path.join(site, name), 0o755);
    }
    const saved = process.env.PATH;
    process.env.PATH = `:.:${saved}`;
    const cacheDir = path.join(dir, 'cache');
    try {
      const version = await runGit(site, ['--version']);
      expect(version.stdout).toMatch(/^git version/);
      await indexSite(site, { cacheDir });
      const warm = await indexSite(site, { cacheDir });
      expect(warm.stats.read).toBe(0);
    } finally {
      process.env.PATH = saved;
    }
    expect(existsSync(marker)).toBe(false);
  });
});
