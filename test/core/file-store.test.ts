/**
 * The file store on real temp folders: atomic writes, confinement, and bad input that gives a
 * clear error while the file stays as it was.
 */
import { describe, expect, it } from 'vitest';
import { chmod, mkdir, mkdtemp, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../../electron/core/store/atomic-write';
import { resolveInSite, OutsideSiteError } from '../../electron/core/store/confine';
import { readPostFile } from '../../electron/core/store/post-file';
import { indexSite } from '../../electron/core/site/site-index';
import { readYaml } from '../../shared/yaml/read-yaml';
import { SourceError } from '../../shared/source-error';

const tmp = () => mkdtemp(path.join(os.tmpdir(), 'pw-store-'));

describe('atomic writes', () => {
  it('replace the content, keep the mode and leave no temp file', async () => {
    const dir = await tmp();
    const file = path.join(dir, 'post.md');
    await writeFile(file, 'old');
    await chmod(file, 0o640);
    await writeFileAtomic(file, 'new ✓');
    expect(await readPostFile(file)).toMatchObject({ text: 'new ✓' });
    expect((await stat(file)).mode & 0o777).toBe(0o640);
    expect(await readdir(dir)).toEqual(['post.md']);
  });
});

describe('confinement to the site root', () => {
  it.each(['../x.md', '/etc/passwd', 'a/../../x.md', 'C:\\x.md', '', 'a\0b'])('refuses %j', async (rel) => {
    const site = await tmp();
    await expect(resolveInSite(site, rel)).rejects.toBeInstanceOf(OutsideSiteError);
  });

  it('refuses a symlink that leads outside, accepts one that stays inside', async () => {
    const site = await tmp();
    const outside = await tmp();
    await mkdir(path.join(site, '_posts'));
    await mkdir(path.join(site, 'real'));
    await symlink(outside, path.join(site, '_posts', 'escape'));
    await symlink(path.join(site, 'real'), path.join(site, 'inside'));
    await expect(resolveInSite(site, '_posts/escape/x.md')).rejects.toBeInstanceOf(OutsideSiteError);
    await expect(resolveInSite(site, 'inside/x.md')).resolves.toBe(path.join(site, 'inside', 'x.md'));
  });
});

describe('bad input gives a clear error', () => {
  it('invalid UTF-8 names the line and column', async () => {
    const dir = await tmp();
    const file = path.join(dir, 'bad.md');
    await writeFile(file, Buffer.concat([Buffer.from('---\ntitle: ok\n---\nfine\nab'), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]));
    const error = await readPostFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ code: 'invalid-utf8', line: 5, col: 3 });
  });

  it('a 50 MB file is refused, not loaded', async () => {
    const dir = await tmp();
    const file = path.join(dir, 'huge.md');
    await writeFile(file, Buffer.alloc(50 * 1024 * 1024, 0x61));
    await expect(readPostFile(file)).rejects.toMatchObject({ code: 'too-large' });
  });

  it('an alias bomb is refused quickly', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const started = Date.now();
    const result = readYaml(lines.join('\n'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/alias/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('the index lists empty, broken, huge and non-UTF-8 posts with their problems', async () => {
    const site = await tmp();
    await mkdir(path.join(site, '_posts'));
    await writeFile(path.join(site, '_posts', '2024-01-01-empty.md'), '');
    await writeFile(path.join(site, '_posts', '2024-01-02-broken.md'), '---\ntitle: "unclosed\n---\n');
    await writeFile(path.join(site, '_posts', '2024-01-03-binary.md'), Buffer.from([0x2d, 0xff, 0x00, 0x80]));
    await writeFile(path.join(site, '_posts', '2024-01-04-huge.md'), Buffer.alloc(11 * 1024 * 1024, 0x61));
    const posts = new Map([...(await indexSite(site, { cacheDir: false })).posts.values()].map((p) => [p.record.path.slice(7), p.record]));
    expect(posts.get('2024-01-01-empty.md')).toMatchObject({ title: 'Empty', published: true });
    expect(posts.get('2024-01-02-broken.md')?.error).toMatch(/^\d+:\d+: /);
    expect(posts.get('2024-01-03-binary.md')).toMatchObject({ skipped: expect.stringMatching(/UTF-8/) });
    expect(posts.get('2024-01-04-huge.md')?.error).toMatch(/MB/);
  });

  it('reads thousands of posts without running out of file handles', async () => {
    const site = await tmp();
    await mkdir(path.join(site, '_posts'));
    await Promise.all(Array.from({ length: 3000 }, (_, i) => writeFile(path.join(site, '_posts', `2024-01-01-post-${i}.md`), `---\ntitle: Post ${i}\n---\nBody\n`)));
    const result = await indexSite(site, { cacheDir: false });
    expect(result.posts.size).toBe(3000);
  });
});
