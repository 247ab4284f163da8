/**
 * `postwright tags rename|merge|delete` on a fixture site: exactly the files using the term
 * change, only on their tags/categories lines, and Jekyll reads the new names.
 */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { runCli } from '../../electron/cli/run-cli';
import { copySite, jekyllPosts } from '../support/jekyll-oracle';
import { checkTool } from '../support/require-tool';

const FIXTURE = path.resolve(__dirname, '../fixtures/sites/edge-cases');

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t), cwd: process.cwd(), env: {} });
  return { code, out, err };
}

describe('postwright tags rename/merge/delete', () => {
  it('dry run lists each file and line, writes nothing', async () => {
    const site = await copySite(FIXTURE);
    const file = path.join(site, '_posts/2021-04-02-crlf.md');
    const before = await readFile(file, 'utf8');
    const r = await cli(['tags', 'rename', site, 'crlf', 'line-ends', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('_posts/2021-04-02-crlf.md:3: tags: [crlf, windows]\r → tags: [line-ends, windows]\r');
    expect(r.out).toMatch(/1 file would change/);
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('rename keeps CRLF, comments and string forms; Jekyll agrees', async () => {
    const site = await copySite(FIXTURE);
    expect((await cli(['tags', 'rename', site, 'crlf', 'line-ends'])).code).toBe(0);
    expect(await readFile(path.join(site, '_posts/2021-04-02-crlf.md'), 'utf8')).toBe('---\r\ntitle: Windows line ends\r\ntags: [line-ends, windows]\r\n---\r\nBody.\r\n');
    expect((await cli(['tags', 'rename', site, 'x', 'ex'])).code).toBe(0);
    expect(await readFile(path.join(site, '_posts/2021-04-15-trailing-comment.md'), 'utf8')).toContain('tags: [ex, y]     # keep lowercase');
    expect((await cli(['tags', 'rename', site, 'gamma', 'Gamma Ray'])).code).toBe(0);
    expect(await readFile(path.join(site, '_posts/2021-03-05-string-tags.markdown'), 'utf8')).toContain('tags: [alpha, beta, Gamma Ray]');
    expect((await cli(['tags', 'rename', site, 'Solo Cat', 'Duo Cat', '--kind', 'category'])).code).toBe(0);
    expect(await readFile(path.join(site, '_posts/2021-03-05-string-tags.markdown'), 'utf8')).toContain('category: Duo Cat');
    if (checkTool('jekyll').available) {
      const posts = await jekyllPosts(site);
      expect(posts.find((p) => p.path === '_posts/2021-04-02-crlf.md')?.tags).toEqual(['line-ends', 'windows']);
      expect(posts.find((p) => p.path === '_posts/2021-03-05-string-tags.markdown')).toMatchObject({ tags: ['alpha', 'beta', 'Gamma Ray'], categories: ['x', 'y', 'Duo Cat'] });
    }
  });

  it('merge and delete', async () => {
    const site = await copySite(FIXTURE);
    expect((await cli(['tags', 'merge', site, 'alpha', 'beta', '--into', 'greek'])).code).toBe(0);
    expect(await readFile(path.join(site, '_posts/2021-03-05-string-tags.markdown'), 'utf8')).toContain('tags: greek gamma');
    expect((await cli(['tags', 'delete', site, 'dots'])).code).toBe(0);
    expect(await readFile(path.join(site, '_posts/2021-04-04-dots-closer.md'), 'utf8')).toBe('---\ntitle: Closed by dots\n...\nBody.\n');
  });

  it('refuses bad arguments in one line', async () => {
    const r = await cli(['tags', 'rename', '/tmp', 'only-one']);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});
