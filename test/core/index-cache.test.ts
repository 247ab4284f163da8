/**
 * The index cache as a user meets it: a second open gives the same records without reading the
 * posts, and anything that changed in between (an edit, a file turned into a link, a broken
 * cache, time passing a future post's date) is noticed.
 */
import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { indexSite, recordsOf } from '../../electron/core/site/site-index';
import { runCli } from '../../electron/cli/run-cli';

let root: string;
let cacheDir: string;

const POSTS: Record<string, string> = {
  '_posts/2024-01-02-first.md': '---\ntitle: "First: a colon"\ntags: a b\n---\nbody\n',
  '_posts/2024-02-03-second.md': '---\ntitle: Second\ncategories: [x, y]\n---\nbody\n',
  '_posts/2030-05-06-future.md': '---\ntitle: Later\ndate: 2030-05-06 10:00:00 +0000\n---\nbody\n',
  '_posts/2024-03-04-bad.md': '---\ntitle: [unclosed\n---\nbody\n',
  '_posts/notes.md': 'no date in the name\n',
  '_drafts/idea.md': '---\ntitle: An idea\n---\n',
  '_posts/2024-05-06-café-crème.md': '---\ntitle: "Crème brûlée, “quoted” — ünïcödé"\ntags: [é, ß]\n---\nbody\n',
};

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'pw-cache-site-'));
  cacheDir = await mkdtemp(path.join(os.tmpdir(), 'pw-cache-dir-'));
  await writeFile(path.join(root, '_config.yml'), 'title: Cache test\ntimezone: UTC\n');
  for (const [rel, text] of Object.entries(POSTS)) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), text);
  }
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(cacheDir, { recursive: true, force: true });
});

const NOW = Date.UTC(2026, 0, 1);

describe('index cache', () => {
  it('a second open reads nothing and gives the same records, errors and skip reasons', async () => {
    const cold = await indexSite(root, { cacheDir, now: NOW });
    expect(cold.stats).toEqual({ files: 7, read: 7, fromCache: 0, listed: true });
    const warm = await indexSite(root, { cacheDir, now: NOW });
    expect(warm.stats).toMatchObject({ files: 7, read: 0, fromCache: 7 });
    expect(recordsOf(warm)).toEqual(recordsOf(cold));
    expect(recordsOf(warm)).toEqual(recordsOf(await indexSite(root, { cacheDir: false, now: NOW })));
  });

  it('while no folder changes, a second open skips listing the folders; a new file changes its folder and is found', async () => {
    // Folders last changed a minute ago: older than the scan by more than a coarse clock tick.
    const old = new Date(Date.now() - 60_000);
    for (const dir of ['', '_posts', '_drafts']) await utimes(path.join(root, dir), old, old);
    const cold = await indexSite(root, { cacheDir, now: NOW });
    const warm = await indexSite(root, { cacheDir, now: NOW });
    expect(warm.stats).toEqual({ files: 7, read: 0, fromCache: 7, listed: false });
    expect(recordsOf(warm)).toEqual(recordsOf(cold));
    await writeFile(path.join(root, '_posts/2024-06-07-new.md'), '---\ntitle: New\n---\n');
    const added = await indexSite(root, { cacheDir, now: NOW });
    expect(added.stats).toMatchObject({ files: 8, read: 1, listed: true });
    await mkdir(path.join(root, 'notes/_posts'), { recursive: true });
    await writeFile(path.join(root, 'notes/_posts/2024-06-08-note.md'), '---\ntitle: Note\n---\n');
    const nested = await indexSite(root, { cacheDir, now: NOW });
    expect(nested.posts.get('notes/_posts/2024-06-08-note.md')?.record.categories).toEqual(['notes']);
    await rm(path.join(root, '_posts/2024-01-02-first.md'));
    expect((await indexSite(root, { cacheDir, now: NOW })).posts.has('_posts/2024-01-02-first.md')).toBe(false);
  });

  it('while no folder changes, an edit in place is still read again and time still publishes a future post', async () => {
    const old = new Date(Date.now() - 60_000);
    for (const dir of ['', '_posts', '_drafts']) await utimes(path.join(root, dir), old, old);
    const cold = await indexSite(root, { cacheDir, now: NOW });
    const future = '_posts/2030-05-06-future.md';
    expect(cold.posts.get(future)?.record.published).toBe(false);
    const later = await indexSite(root, { cacheDir, now: Date.UTC(2031, 0, 1) });
    expect(later.stats).toEqual({ files: 7, read: 0, fromCache: 7, listed: false });
    expect(later.posts.get(future)?.record.published).toBe(true);
    // Rewriting a file in place leaves its folder's mtime alone: only the file's own stamp tells.
    const file = path.join(root, '_posts/2024-02-03-second.md');
    await writeFile(file, '---\ntitle: Second, edited in place\ncategories: [x, y]\n---\nbody\n');
    const edited = await indexSite(root, { cacheDir, now: NOW });
    expect(edited.stats).toEqual({ files: 7, read: 1, fromCache: 6, listed: false });
    expect(edited.posts.get('_posts/2024-02-03-second.md')?.record.title).toBe('Second, edited in place');
    expect(edited.posts.get(future)?.record.published).toBe(false);
    expect(recordsOf(edited)).toEqual(recordsOf(await indexSite(root, { cacheDir: false, now: NOW })));
  });

  it('a first line longer than the bytes read first (many folders) still opens warm', async () => {
    const folder = (i: number) => `_posts/${'a-rather-long-folder-name-for-its-posts-'.repeat(2)}${i}`;
    for (let i = 0; i < 900; i++) {
      await mkdir(path.join(root, folder(i)), { recursive: true });
      await writeFile(path.join(root, folder(i), '2024-01-02-post.md'), `---\ntitle: Post ${i}\n---\n`);
    }
    const cold = await indexSite(root, { cacheDir, now: NOW });
    const [file] = (await readdir(cacheDir)).filter((f) => f.startsWith('index-'));
    const firstLine = (await readFile(path.join(cacheDir, file), 'utf8')).split('\n')[0];
    expect(firstLine.length).toBeGreaterThan(64 * 1024);
    const warm = await indexSite(root, { cacheDir, now: NOW });
    expect(warm.stats).toMatchObject({ files: 907, read: 0, fromCache: 907 });
    expect(recordsOf(warm)).toEqual(recordsOf(cold));
  });

  it('an edited post is read again', async () => {
    await indexSite(root, { cacheDir, now: NOW });
    const file = path.join(root, '_posts/2024-02-03-second.md');
    await writeFile(file, '---\ntitle: Second, edited\ncategories: [x, y]\n---\nbody\n');
    const warm = await indexSite(root, { cacheDir, now: NOW });
    expect(warm.stats.read).toBe(1);
    expect(warm.posts.get('_posts/2024-02-03-second.md')?.record.title).toBe('Second, edited');
  });

  it('an edit that keeps the size is seen by its modification time', async () => {
    await indexSite(root, { cacheDir, now: NOW });
    const file = path.join(root, '_posts/2024-02-03-second.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('Second', 'Sekond'));
    await utimes(file, new Date(NOW), new Date(NOW + 5000));
    const warm = await indexSite(root, { cacheDir, now: NOW });
    expect(warm.posts.get('_posts/2024-02-03-second.md')?.record.title).toBe('Sekond');
  });

  it('a post replaced by a symbolic link is not followed', async () => {
    await indexSite(root, { cacheDir, now: NOW });
    const rel = '_posts/2024-01-02-first.md';
    await writeFile(path.join(root, 'elsewhere.md'), '---\ntitle: Elsewhere\n---\n');
    await rm(path.join(root, rel));
    await symlink(path.join(root, 'elsewhere.md'), path.join(root, rel));
    const warm = await indexSite(root, { cacheDir, now: NOW });
    expect(warm.posts.get(rel)?.record.skipped).toMatch(/symbolic link/);
    expect(recordsOf(warm)).toEqual(recordsOf(await indexSite(root, { cacheDir: false, now: NOW })));
  });

  it('a post that was not UTF-8 is read again once fixed', async () => {
    const rel = '_posts/2024-04-05-latin.md';
    await writeFile(path.join(root, rel), Buffer.from('---\ntitle: caf\xe9\n---\n', 'latin1'));
    expect((await indexSite(root, { cacheDir, now: NOW })).posts.get(rel)?.record.skipped).toMatch(/UTF-8/);
    expect((await indexSite(root, { cacheDir, now: NOW })).posts.get(rel)?.record.skipped).toMatch(/UTF-8/);
    await writeFile(path.join(root, rel), '---\ntitle: café\n---\n');
    const fixed = await indexSite(root, { cacheDir, now: NOW });
    expect(fixed.posts.get(rel)?.record.skipped).toBeUndefined();
    expect(fixed.posts.get(rel)?.record.title).toBe('café');
  });

  it('a future post becomes published once its date has passed, without a read', async () => {
    const rel = '_posts/2030-05-06-future.md';
    expect((await indexSite(root, { cacheDir, now: NOW })).posts.get(rel)?.record.published).toBe(false);
    const later = await indexSite(root, { cacheDir, now: Date.UTC(2031, 0, 1) });
    expect(later.stats.read).toBe(0);
    expect(later.posts.get(rel)?.record.published).toBe(true);
  });

  it('future: true is kept with the cache: a warm open publishes future posts without parsing the config', async () => {
    await writeFile(path.join(root, '_config.yml'), 'title: Cache test\ntimezone: UTC\nfuture: true\n');
    const rel = '_posts/2030-05-06-future.md';
    expect((await indexSite(root, { cacheDir, now: NOW })).posts.get(rel)?.record.published).toBe(true);
    const warm = await indexSite(root, { cacheDir, now: NOW });
    expect(warm.stats.read).toBe(0);
    expect(warm.posts.get(rel)?.record.published).toBe(true);
    expect(warm.config.config.future).toBe(true);
  });

  it('a damaged cache is ignored: everything is read again', async () => {
    const cold = await indexSite(root, { cacheDir, now: NOW });
    const [name] = (await readdir(cacheDir)).filter((f) => f.endsWith('.json'));
    const file = path.join(cacheDir, name);
    const lines = (await readFile(file, 'utf8')).split('\n');
    // Same length, other bytes: the record no longer starts where the header says.
    lines[2] = `x${lines[2].slice(1)}`;
    await writeFile(file, lines.join('\n'));
    const warm = await indexSite(root, { cacheDir, now: NOW });
    expect(warm.stats.read).toBe(7);
    expect(recordsOf(warm)).toEqual(recordsOf(cold));
  });

  it('a cache of an older format, or one whose first line names another folder, is read again once and rewritten', async () => {
    const cold = await indexSite(root, { cacheDir, now: NOW });
    const [name] = (await readdir(cacheDir)).filter((f) => f.endsWith('.json'));
    const file = path.join(cacheDir, name);
    const text = await readFile(file, 'utf8');
    const prelude = JSON.parse(text.slice(0, text.indexOf('\n')));
    expect(prelude.fileFolders).toEqual(['_drafts', '_posts']);
    for (const changed of [{ ...prelude, format: 6 }, { ...prelude, root: `${prelude.root}-elsewhere` }, { ...prelude, fileFolders: 'not a list' }]) {
      await writeFile(file, `${JSON.stringify(changed)}${text.slice(text.indexOf('\n'))}`);
      const again = await indexSite(root, { cacheDir, now: NOW });
      expect(again.stats.read).toBe(7);
      expect(recordsOf(again)).toEqual(recordsOf(cold));
      const warm = await indexSite(root, { cacheDir, now: NOW });
      expect(warm.stats.read).toBe(0);
    }
  });

  it('a changed _config.yml reads every post again', async () => {
    await indexSite(root, { cacheDir, now: NOW });
    await writeFile(path.join(root, '_config.yml'), 'title: Cache test\ntimezone: UTC\npermalink: /:title/\n');
    const warm = await indexSite(root, { cacheDir, now: NOW });
    expect(warm.stats.read).toBe(7);
    expect(warm.posts.get('_posts/2024-01-02-first.md')?.record.url).toBe('/first/');
  });

  it('the CLI prints the same JSON cold and warm: one line for programs, indented on a terminal', async () => {
    const run = async (pretty: boolean) => {
      let out = '';
      const code = await runCli(['index', root, '--json'], { out: (t) => (out += t), err: () => undefined, cwd: root, env: { POSTWRIGHT_CACHE_DIR: cacheDir }, pretty });
      expect(code).toBe(0);
      return out;
    };
    const cold = await run(false);
    expect((await readdir(cacheDir)).some((f) => f.startsWith('index-'))).toBe(true);
    const warm = await run(false);
    expect(warm).toBe(cold);
    expect(cold.trimEnd().split('\n')).toHaveLength(1);
    const pretty = await run(true);
    expect(pretty.split('\n').length).toBeGreaterThan(20);
    expect(JSON.parse(pretty)).toEqual(JSON.parse(cold));
  });
});
