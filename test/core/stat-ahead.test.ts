/**
 * The stats a warm open takes from a child `find` must be the very numbers `lstat` gives, for
 * every kind of name and time a blog's files can have; anything find cannot answer is left to
 * `lstat`, so a warm open still sees every edit.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { lstatSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseFindOutput, startStatAhead } from '../../electron/core/site/stat-ahead';
import { indexSite, recordsOf } from '../../electron/core/site/site-index';
import { requireTool } from '../support/require-tool';

describe('parseFindOutput', () => {
  const rows: [string, string, { size: number; mtimeMs: number } | undefined][] = [
    ['nanoseconds and GNU tenth digit', '12 1700000000.1234567890 ./_posts/a.md\0', { size: 12, mtimeMs: 1700000000 * 1000 + 123456789 / 1e6 }],
    ['whole seconds', '0 1500000000.0000000000 ./_posts/a.md\0', { size: 0, mtimeMs: 1500000000000 }],
    ['no fraction', '7 1500000000 ./_posts/a.md\0', { size: 7, mtimeMs: 1500000000000 }],
    ['short fraction scaled up', '7 1500000000.5 ./_posts/a.md\0', { size: 7, mtimeMs: 1500000000500 }],
    ['a tenth digit that is not 0', '7 1500000000.1234567891 ./_posts/a.md\0', undefined],
    ['before 1970', '7 -5.0000000000 ./_posts/a.md\0', undefined],
    ['a size that is not a number', 'x 1500000000.0 ./_posts/a.md\0', undefined],
    ['a time with a comma', '7 1500000000,5 ./_posts/a.md\0', undefined],
    ['no ./ before the path', '7 1500000000.0 _posts/a.md\0', undefined],
    ['a line cut short', '7 1500000000.0\0', undefined],
  ];
  it.each(rows)('%s', (_name, text, want) => {
    expect(parseFindOutput(text).get('_posts/a.md')).toEqual(want);
  });

  it('keeps spaces and line breaks inside names, and reads every line', () => {
    const text = '1 1500000000.0 ./_posts/with space.md\0' + '2 1500000001.0 ./_posts/two\nlines.md\0' + 'bad\0' + '3 1500000002.0 ./-dash/x.md\0';
    const got = parseFindOutput(text);
    expect([...got.keys()]).toEqual(['_posts/with space.md', '_posts/two\nlines.md', '-dash/x.md']);
    expect(got.get('-dash/x.md')).toEqual({ size: 3, mtimeMs: 1500000002000 });
  });
});

describe('startStatAhead', () => {
  it('is not tried where GNU find is not the system find', () => {
    expect(startStatAhead(os.tmpdir(), ['_posts'], 'darwin')).toBeNull();
    expect(startStatAhead(os.tmpdir(), ['_posts'], 'win32')).toBeNull();
    expect(startStatAhead(os.tmpdir(), [])).toBeNull();
  });
});

const withFind = process.platform === 'linux' && requireTool('find');

describe.skipIf(!withFind)('startStatAhead with GNU find', () => {
  let root: string;
  const folders = ['', '_posts', '_posts/2024', '_drafts', '-dash', 'ünï/_posts'];

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'pw-stat-ahead-'));
    await writeFile(path.join(root, '_config.yml'), 'title: Stat ahead\ntimezone: UTC\n');
    for (const f of folders) await mkdir(path.join(root, f), { recursive: true });
    let n = 0;
    const names = ['2024-01-02-plain.md', '2024-01-03-with space.md', '2024-01-04-two\nlines.md', '2024-01-05-crème.md', '2024-01-06-"quoted".md'];
    for (const f of folders) {
      for (const name of names) {
        const file = path.join(root, f, name);
        await writeFile(file, `---\ntitle: Post ${n}\n---\n${'body '.repeat(n)}\n`);
        // Times with nanoseconds, whole seconds and half seconds, old and recent.
        const seconds = n % 3 === 0 ? 1_600_000_000 + n : n % 3 === 1 ? 1_700_000_000.5 + n : 1_000_000_000 + n * 7919 + ((n * 104729) % 1_000_000_007) / 1e9;
        await utimes(file, seconds, seconds);
        n++;
      }
    }
    await symlink('2024-01-02-plain.md', path.join(root, '_posts', '2024-01-09-link.md'));
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('gives for each file the size and mtime lstat gives, links as links', async () => {
    const stamps = await startStatAhead(root, folders)!.result();
    let compared = 0;
    for (const f of folders) {
      for (const name of readdirSync(path.join(root, f || '.'))) {
        const rel = f ? `${f}/${name}` : name;
        const st = lstatSync(path.join(root, rel));
        expect(stamps?.get(rel), rel).toEqual({ size: st.size, mtimeMs: st.mtimeMs });
        compared++;
      }
    }
    expect(compared).toBe(stamps?.size);
    expect(compared).toBeGreaterThan(30);
  });

  it('written to a file instead of a pipe, gives the same answers and leaves no file behind', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pw-stat-ahead-out-'));
    try {
      const piped = await startStatAhead(root, folders)!.result();
      const viaFile = await startStatAhead(root, folders, 'linux', path.join(dir, 'stats.tmp'))!.result();
      expect(viaFile).toEqual(piped);
      expect(readdirSync(dir)).toEqual([]);
      // Cancelled while find runs: its file is removed once it has stopped.
      const cancelled = startStatAhead(root, folders, 'linux', path.join(dir, 'cancelled.tmp'))!;
      cancelled.cancel();
      await cancelled.result();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('removes stat files that stopped runs left behind, once an hour old, and nothing else', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pw-stat-ahead-sweep-'));
    try {
      const old = Date.now() / 1000 - 2 * 3600;
      for (const name of ['stat-ahead-1-1.tmp', 'stat-ahead-2-2.tmp', 'index-abc.json', 'stat-ahead-notes.txt']) {
        await writeFile(path.join(dir, name), 'x');
        await utimes(path.join(dir, name), old, old);
      }
      await writeFile(path.join(dir, 'stat-ahead-3-3.tmp'), 'a run going on now');
      await startStatAhead(root, folders, 'linux', path.join(dir, 'stat-ahead-4-4.tmp'))!.result();
      expect(readdirSync(dir).sort()).toEqual(['index-abc.json', 'stat-ahead-3-3.tmp', 'stat-ahead-notes.txt']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a folder that is a link is listed as lstat sees the files through it', async () => {
    const linked = path.join(root, 'linked');
    await symlink(path.join(root, '_posts'), linked);
    try {
      const stamps = await startStatAhead(root, ['linked'])!.result();
      const st = lstatSync(path.join(linked, '2024-01-09-link.md'));
      expect(stamps?.get('linked/2024-01-09-link.md')).toEqual({ size: st.size, mtimeMs: st.mtimeMs });
      expect(stamps?.get('linked/2024-01-02-plain.md')?.size).toBe(lstatSync(path.join(linked, '2024-01-02-plain.md')).size);
    } finally {
      await rm(linked);
    }
  });

  it('a folder that is gone only leaves its files out', async () => {
    const stamps = await startStatAhead(root, ['_posts', 'no-such-folder'])!.result();
    expect(stamps?.has('_posts/2024-01-02-plain.md')).toBe(true);
    expect([...stamps!.keys()].some((k) => k.startsWith('no-such-folder'))).toBe(false);
  });

  it('a warm open with and without find gives the same records and sees an edit that keeps the size', async () => {
    const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'pw-stat-ahead-cache-'));
    const savedPath = process.env.PATH;
    try {
      const cold = await indexSite(root, { cacheDir, now: Date.UTC(2026, 0, 1) });
      const warm = await indexSite(root, { cacheDir, now: Date.UTC(2026, 0, 1) });
      // The cache cannot hold a name with a line break: those 4 posts are read on every open.
      const uncached = [...cold.posts.keys()].filter((rel) => rel.includes('\n')).length;
      expect(uncached).toBe(4);
      expect(warm.stats.read).toBe(uncached);
      expect(recordsOf(warm)).toEqual(recordsOf(cold));
      // The same size, another time: read again.
      const rel = '_posts/2024/2024-01-03-with space.md';
      await utimes(path.join(root, rel), 1_650_000_000.25, 1_650_000_000.25);
      const edited = await indexSite(root, { cacheDir, now: Date.UTC(2026, 0, 1) });
      expect(edited.stats.read).toBe(uncached + 1);
      // No find on the PATH: every file is stat'ed here, with the same answers.
      process.env.PATH = '';
      expect(startStatAhead(root, folders)).toBeNull();
      const withoutFind = await indexSite(root, { cacheDir, now: Date.UTC(2026, 0, 1) });
      expect(withoutFind.stats.read).toBe(uncached);
      expect(recordsOf(withoutFind)).toEqual(recordsOf(edited));
    } finally {
      process.env.PATH = savedPath;
      await rm(cacheDir, { recursive: true, force: true });
    }
  });
});
