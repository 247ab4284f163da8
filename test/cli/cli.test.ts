/**
 * The `postwright` command line as a blogger uses it: JSON output, exit codes, one-line errors,
 * and edits that touch only the field's lines.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runCli } from '../../electron/cli/run-cli';
import { copySite } from '../support/jekyll-oracle';

const FIXTURES = path.resolve(__dirname, '../fixtures/sites');
const ROOT = path.resolve(__dirname, '../..');

async function cli(args: string[], cwd = ROOT): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t), cwd, env: { POSTWRIGHT_CACHE_DIR: process.env.POSTWRIGHT_CACHE_DIR } });
  return { code, out, err };
}

describe('postwright index', () => {
  let site: string;
  beforeAll(async () => {
    site = await copySite(path.join(FIXTURES, 'edge-cases'));
  });

  it('prints every post with Jekyll fields, errors and skip reasons', async () => {
    const r = await cli(['index', site, '--json']);
    expect(r.code).toBe(0);
    const { posts } = JSON.parse(r.out) as { posts: Record<string, unknown>[] };
    const byPath = new Map(posts.map((p) => [p.path, p]));
    expect(byPath.get('_posts/2021-03-04-quoted-colon.md')).toEqual({
      path: '_posts/2021-03-04-quoted-colon.md',
      draft: false,
      title: 'Part 1: The Colon',
      date: '2021-03-04T00:00:00+01:00',
      slug: 'quoted-colon',
      categories: ['Two Words', 'misc'],
      tags: ['solo'],
      published: true,
      layout: 'post',
      url: '/two%20words/misc/2021/03/04/quoted-colon.html',
    });
    expect(byPath.get('_posts/notes.md')?.skipped).toMatch(/YYYY-MM-DD/);
    expect(byPath.get('_posts/2021-01-02-backup.md~')?.skipped).toMatch(/backup/);
    expect(byPath.get('_posts/2021-04-17-bad-yaml.md')?.error).toMatch(/^\d+:\d+: /);
    expect(byPath.get('_drafts/a-draft.md')?.draft).toBe(true);
  });

  it('a second run uses the cache and gives the same answer', async () => {
    const cacheDir = path.join(site, '..', `${path.basename(site)}-cache`);
    const run = async () => {
      let out = '';
      await runCli(['index', site, '--json'], { out: (t) => (out += t), err: () => undefined, cwd: ROOT, env: { POSTWRIGHT_CACHE_DIR: cacheDir } });
      return out;
    };
    expect(await run()).toBe(await run());
    // The cache went where the environment given to the command line said.
    expect(existsSync(cacheDir)).toBe(true);
  });
});

describe('postwright get and set', () => {
  let site: string;
  let file: string;
  beforeAll(async () => {
    site = await copySite(path.resolve(ROOT, 'resources/sample-blog'));
    file = path.join(site, '_posts/2026-03-02-delve-1-first-steps.md');
  });

  it('gets a field and a nested field', async () => {
    expect((await cli(['get', file, 'title'])).out).toBe('Delve 1: First Steps on the Trail\n');
    expect(JSON.parse((await cli(['get', file, 'banner.image', '--json'])).out)).toMatch(/^\/assets\/images\/banners\//);
    expect(JSON.parse((await cli(['get', file, '--json'])).out).categories).toEqual(['Field Notes']);
  });

  it('sets one field and changes only its line', async () => {
    const before = await readFile(file, 'utf8');
    const r = await cli(['set', file, 'title', '"Delve 1: The Very First Steps"']);
    expect(r).toMatchObject({ code: 0, err: '' });
    const after = await readFile(file, 'utf8');
    const a = before.split('\n');
    const b = after.split('\n');
    expect(b.length).toBe(a.length);
    const changed = a.map((line, i) => (line === b[i] ? null : i)).filter((i) => i !== null);
    expect(changed).toHaveLength(1);
    expect(b[changed[0]!]).toBe('title: "Delve 1: The Very First Steps"');
  });

  it('takes YAML values and deletes fields', async () => {
    expect((await cli(['set', file, 'tags', '[hiking, alps]'])).code).toBe(0);
    expect(JSON.parse((await cli(['get', file, 'tags', '--json'])).out)).toEqual(['hiking', 'alps']);
    expect((await cli(['set', file, 'featured', 'true'])).code).toBe(0);
    expect(JSON.parse((await cli(['get', file, 'featured', '--json'])).out)).toBe(true);
    expect((await cli(['set', file, 'featured', '--delete'])).code).toBe(0);
    expect((await cli(['get', file, 'featured'])).code).toBe(1);
  });

  it('refuses bad input with one line and leaves the file alone', async () => {
    const before = await readFile(file, 'utf8');
    const bad = await cli(['set', file, 'tags', '[unclosed']);
    expect(bad.code).not.toBe(0);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
    const broken = path.join(site, '_posts/2026-01-01-broken.md');
    await writeFile(broken, '---\ntitle: ok\ntags: [a\n---\nbody\n');
    const r = await cli(['set', broken, 'title', 'x']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/2026-01-01-broken\.md:3:\d+: /);
    expect(await readFile(broken, 'utf8')).toBe('---\ntitle: ok\ntags: [a\n---\nbody\n');
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('reports user mistakes without a stack trace', async () => {
    for (const args of [['nope'], ['get', '/no/such/file.md'], ['set', 'x'], ['index']]) {
      const r = await cli(args);
      expect(r.code).not.toBe(0);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });
});

describe('postwright check and tags', () => {
  it('check exits 1 on errors and lists problems with lines', async () => {
    const site = await copySite(path.join(FIXTURES, 'edge-cases'));
    const r = await cli(['check', site, '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { problems: { path: string; code: string; line?: number }[] };
    const codes = (p: string) => report.problems.filter((x) => x.path === p).map((x) => x.code);
    expect(codes('_posts/2021-04-17-bad-yaml.md')).toContain('invalid-front-matter');
    expect(report.problems.find((x) => x.path === '_posts/2021-04-17-bad-yaml.md')?.line).toBe(2);
    expect(codes('_posts/2021-03-07-no-title-here.md')).toContain('missing-title');
    expect(codes('_posts/2021-03-06-date-override.md')).toContain('date-mismatch');
    expect(codes('_posts/2099-01-01-far-future.md')).toContain('future-date');
    expect(codes('_posts/notes.md')).toContain('skipped');
  });

  it('check passes on the sample blog', async () => {
    const site = await copySite(path.resolve(ROOT, 'resources/sample-blog'));
    const r = await cli(['check', site]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/0 errors/);
  });

  it('tags counts like site.tags and site.categories', async () => {
    const site = await copySite(path.join(FIXTURES, 'pretty-site'));
    const r = await cli(['tags', site, '--json']);
    const t = JSON.parse(r.out) as { tags: { name: string; count: number }[]; categories: { name: string; count: number }[] };
    expect(t.categories).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'News', count: 1 }), expect.objectContaining({ name: 'Big News', count: 1 }), expect.objectContaining({ name: 'blog', count: 1 })]));
    expect(t.tags).toEqual([expect.objectContaining({ name: 't1', count: 1 })]);
  });
});

describe('bin/postwright', () => {
  it('runs from the project root', () => {
    const r = spawnSync(path.join(ROOT, 'bin/postwright'), ['--version'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^postwright \d+\.\d+\.\d+/);
  });
});
