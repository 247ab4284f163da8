/**
 * Bytes kept: lifecycle operations and undo move bytes, refuse invalid UTF-8 where they must
 * change text (leaving the file as it was), symlinks are written through only inside the site,
 * and temp files a killed save left are removed when the site opens.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readFile, readdir, symlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { deletePost, duplicatePost, publishPost, renamePost, undoChange, unpublishPost } from '../../electron/core/lifecycle/post-lifecycle';
import { loadSiteConfig } from '../../electron/core/site/site-config';
import { SiteSession } from '../../electron/core/site/site-session';
import { versionOf } from '../../electron/core/store/post-file';
import { withFileLock } from '../../electron/core/store/file-lock';
import { runCli } from '../../electron/cli/run-cli';
import { copySite } from '../support/jekyll-oracle';
import { directClient, startService } from '../support/service-harness';

const SAMPLE = path.resolve(__dirname, '../../resources/sample-blog');
const NOW = Date.parse('2026-07-04T10:20:30Z');
const LATIN1 = Buffer.concat([Buffer.from('---\ntitle: Caf'), Buffer.from([0xe9]), Buffer.from('\n---\nun caf'), Buffer.from([0xe9]), Buffer.from(' noir\n')]);
const LATIN1_DATED = Buffer.concat([Buffer.from('---\r\ntitle: Caf'), Buffer.from([0xe9]), Buffer.from('\r\ndate: 2026-01-02 10:00:00 +0100\r\n---\r\n'), Buffer.from([0xff, 0xfe, 0x00]), Buffer.from('\r\n')]);
const BOM_CRLF = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('---\r\ntitle: "Café ☕"\r\n---\r\nbody \t \r\n')]);

async function trashDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'pw-trash-'));
}

async function cli(args: string[], cwd: string): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await runCli(args, { out: () => undefined, err: (t) => (err += t), cwd, env: { POSTWRIGHT_CACHE_DIR: process.env.POSTWRIGHT_CACHE_DIR } });
  return { code, err };
}

describe('lifecycle operations keep bytes', () => {
  it('publishing a latin-1 draft is refused with a clear message; the draft stays byte for byte', async () => {
    const root = await copySite(SAMPLE);
    const config = (await loadSiteConfig(root)).config;
    await mkdir(path.join(root, '_drafts'), { recursive: true });
    const draft = path.join(root, '_drafts', 'cafe.md');
    await writeFile(draft, LATIN1);
    const error = await publishPost(root, config, '_drafts/cafe.md', NOW).catch((e: Error & { code?: string }) => e);
    expect(error).toMatchObject({ code: 'invalid-utf8' });
    expect((error as Error).message).toMatch(/_drafts\/cafe\.md is not valid UTF-8 text \(line 2, column 11\).*nothing was changed/);
    expect(Buffer.compare(await readFile(draft), LATIN1)).toBe(0);
    expect((await readdir(path.join(root, '_posts'))).filter((n) => n.includes('cafe'))).toEqual([]);

    // The same through the API: a 4xx with the message, never U+FFFD in a published post.
    const service = await startService();
    try {
      const client = directClient(service);
      await client.openSite({ path: root });
      const apiError = await client.publishPost({ path: '_drafts/cafe.md' }).catch((e: { data?: unknown }) => e.data);
      expect(apiError).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('not valid UTF-8') });
      expect(Buffer.compare(await readFile(draft), LATIN1)).toBe(0);
      expect(await cli(['publish', root, draft], root)).toMatchObject({ code: 1, err: expect.stringContaining('not valid UTF-8') });
      expect(Buffer.compare(await readFile(draft), LATIN1)).toBe(0);
    } finally {
      await service.close();
    }
  });

  it('duplicate of a latin-1 post is refused; the original is untouched and no copy is made', async () => {
    const root = await copySite(SAMPLE);
    await writeFile(path.join(root, '_posts', '2026-01-02-cafe.md'), LATIN1);
    await expect(duplicatePost(root, '_posts/2026-01-02-cafe.md')).rejects.toMatchObject({ code: 'invalid-utf8' });
    expect(Buffer.compare(await readFile(path.join(root, '_posts', '2026-01-02-cafe.md')), LATIN1)).toBe(0);
    expect(existsSync(path.join(root, '_posts', '2026-01-02-cafe-copy.md'))).toBe(false);
  });

  it('rename moves invalid UTF-8 byte for byte, and undo brings back the exact bytes', async () => {
    const root = await copySite(SAMPLE);
    const trash = await trashDir();
    await writeFile(path.join(root, '_posts', '2026-01-02-cafe.md'), LATIN1_DATED);
    const change = await renamePost(root, '_posts/2026-01-02-cafe.md', 'coffee');
    expect(Buffer.compare(await readFile(path.join(root, change.path)), LATIN1_DATED)).toBe(0);
    await undoChange(root, change, trash);
    expect(Buffer.compare(await readFile(path.join(root, '_posts', '2026-01-02-cafe.md')), LATIN1_DATED)).toBe(0);
    expect(existsSync(path.join(root, change.path))).toBe(false);
  });

  it('unpublish moves bytes when the date is already in the front matter; refuses when it must write one', async () => {
    const root = await copySite(SAMPLE);
    const config = (await loadSiteConfig(root)).config;
    const trash = await trashDir();
    await writeFile(path.join(root, '_posts', '2026-01-02-cafe.md'), LATIN1_DATED);
    const change = await unpublishPost(root, config, '_posts/2026-01-02-cafe.md');
    expect(change.path).toBe('_drafts/cafe.md');
    expect(Buffer.compare(await readFile(path.join(root, '_drafts', 'cafe.md')), LATIN1_DATED)).toBe(0);
    await undoChange(root, change, trash);
    expect(Buffer.compare(await readFile(path.join(root, '_posts', '2026-01-02-cafe.md')), LATIN1_DATED)).toBe(0);

    await writeFile(path.join(root, '_posts', '2026-01-03-undated.md'), LATIN1);
    await expect(unpublishPost(root, config, '_posts/2026-01-03-undated.md')).rejects.toMatchObject({ code: 'invalid-utf8' });
    expect(Buffer.compare(await readFile(path.join(root, '_posts', '2026-01-03-undated.md')), LATIN1)).toBe(0);
    expect(existsSync(path.join(root, '_drafts', 'undated.md'))).toBe(false);
  });

  it('delete + undo restores the exact bytes (invalid UTF-8, BOM, CRLF, trailing blanks)', async () => {
    const root = await copySite(SAMPLE);
    const trash = await trashDir();
    for (const [name, bytes] of [['2026-01-02-latin.md', LATIN1_DATED], ['2026-01-03-bom.md', BOM_CRLF]] as const) {
      const rel = `_posts/${name}`;
      await writeFile(path.join(root, rel), bytes);
      const change = await deletePost(root, rel, trash);
      expect(existsSync(path.join(root, rel))).toBe(false);
      await undoChange(root, change, trash);
      expect(Buffer.compare(await readFile(path.join(root, rel)), bytes)).toBe(0);
    }
  });

  it('publish of a BOM + CRLF draft keeps the rest of its bytes, and undo restores the draft exactly', async () => {
    const root = await copySite(SAMPLE);
    const config = (await loadSiteConfig(root)).config;
    const trash = await trashDir();
    await mkdir(path.join(root, '_drafts'), { recursive: true });
    await writeFile(path.join(root, '_drafts', 'bom.md'), BOM_CRLF);
    const change = await publishPost(root, config, '_drafts/bom.md', NOW);
    const published = await readFile(path.join(root, change.path));
    expect([...published.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(published.toString('utf8')).toContain('title: "Café ☕"\r\n');
    await undoChange(root, change, trash);
    expect(Buffer.compare(await readFile(path.join(root, '_drafts', 'bom.md')), BOM_CRLF)).toBe(0);
    expect(existsSync(path.join(root, change.path))).toBe(false);
  });
});

describe('symlinks', () => {
  it('saving a symlinked post writes through to its target inside the site; the link stays a link', async () => {
    const root = await copySite(SAMPLE);
    await mkdir(path.join(root, 'notes'));
    const target = path.join(root, 'notes', 'real.md');
    await writeFile(target, '---\ntitle: Real\n---\nold\n');
    const link = path.join(root, '_posts', '2026-01-04-linked.md');
    await symlink('../notes/real.md', link);
    const session = await SiteSession.open(root, { cacheDir: false, watch: false });
    try {
      const post = await session.readPost('_posts/2026-01-04-linked.md');
      const result = await session.savePost('_posts/2026-01-04-linked.md', post.text.replace('old', 'new'), post.version);
      expect(result.status).toBe('saved');
      expect((await lstat(link)).isSymbolicLink()).toBe(true);
      expect(await readFile(target, 'utf8')).toBe('---\ntitle: Real\n---\nnew\n');
      expect(await readdir(path.join(root, 'notes'))).toEqual(['real.md']);
      // The CLI writes through the same way.
      expect(await cli(['set', link, 'title', 'Via CLI'], root)).toMatchObject({ code: 0 });
      expect((await lstat(link)).isSymbolicLink()).toBe(true);
      expect(await readFile(target, 'utf8')).toBe('---\ntitle: Via CLI\n---\nnew\n');
    } finally {
      await session.close();
    }
  });

  it('a symlinked post or folder that leads out of the site is refused by the app and the CLI; the outside file is untouched', async () => {
    const root = await copySite(SAMPLE);
    const outside = await mkdtemp(path.join(os.tmpdir(), 'pw-outside-'));
    const outsideText = '---\ntitle: Outside\n---\nmine\n';
    await writeFile(path.join(outside, 'secret.md'), outsideText);
    await writeFile(path.join(outside, '2026-01-05-inner.md'), outsideText);
    await symlink(path.join(outside, 'secret.md'), path.join(root, '_posts', '2026-01-05-escape.md'));
    await symlink(outside, path.join(root, '_posts', 'linked'));
    const session = await SiteSession.open(root, { cacheDir: false, watch: false });
    try {
      for (const rel of ['_posts/2026-01-05-escape.md', '_posts/linked/2026-01-05-inner.md']) {
        await expect(session.savePost(rel, '---\ntitle: Pwned\n---\n', versionOf(outsideText))).rejects.toMatchObject({ code: 'outside-site' });
      }
    } finally {
      await session.close();
    }
    for (const file of [path.join(root, '_posts', '2026-01-05-escape.md'), path.join(root, '_posts', 'linked', '2026-01-05-inner.md')]) {
      const r = await cli(['set', file, 'title', 'Pwned'], root);
      expect(r.code).toBe(1);
      expect(r.err).toContain('outside the site folder');
    }
    await expect(renamePost(root, '_posts/linked/2026-01-05-inner.md', 'moved')).rejects.toMatchObject({ code: 'outside-site' });
    expect(await readFile(path.join(outside, 'secret.md'), 'utf8')).toBe(outsideText);
    expect(await readFile(path.join(outside, '2026-01-05-inner.md'), 'utf8')).toBe(outsideText);
    expect((await readdir(outside)).sort()).toEqual(['2026-01-05-inner.md', 'secret.md']);
  });
});

describe('temp files left by a killed save', () => {
  it('opening the site removes stale ones, keeps one a live writer holds, and keeps them out of git', async () => {
    const root = await copySite(SAMPLE);
    const post = path.join(root, '_posts', '2026-03-02-delve-1-first-steps.md');
    const stale = path.join(root, '_posts', '.2026-03-02-delve-1-first-steps.md.postwright-0123456789ab.tmp');
    const old = path.join(root, 'assets', '.x.png.postwright-abcdefabcdef.tmp');
    const held = path.join(root, '_posts', '.2026-05-21-liquid-in-posts.md.postwright-fedcba987654.tmp');
    await mkdir(path.dirname(old), { recursive: true });
    for (const f of [stale, old, held]) await writeFile(f, 'half a save');
    const hour = (Date.now() - 3600_000) / 1000;
    await utimes(old, hour, hour);
    await withFileLock(path.join(root, '_posts', '2026-05-21-liquid-in-posts.md'), async () => {
      const session = await SiteSession.open(root, { cacheDir: false, watch: false });
      await session.close();
    });
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(held)).toBe(true);
    expect(existsSync(post)).toBe(true);
  });
});
