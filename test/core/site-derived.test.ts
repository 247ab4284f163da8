/**
 * An open site derives its schema and problems from facts kept per post: the answers equal a
 * from-scratch run, follow saves and outside edits, and identical requests share one pass.
 */
import { describe, expect, it } from 'vitest';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SiteSession } from '../../electron/core/site/site-session';
import { checkSite } from '../../electron/core/site/check-site';
import { siteSchema } from '../../electron/core/site/site-schema';
import { loadSiteConfig } from '../../electron/core/site/site-config';

async function copyFixture(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pw-derived-'));
  await cp(path.resolve(__dirname, '../fixtures/sites', name), dir, { recursive: true });
  return dir;
}

async function waitFor(test: () => Promise<boolean>, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('schema and problems of an open site', () => {
  it.each(['edge-cases', 'pretty-site', 'minima-blog'])('%s: the same as a run from scratch', async (name) => {
    const root = await copyFixture(name);
    const session = await SiteSession.open(root, { cacheDir: false, watch: false });
    try {
      const [problems, schema] = await Promise.all([session.check(), session.schema()]);
      expect(problems).toEqual((await checkSite(root)).problems);
      expect(schema).toEqual(await siteSchema(root, (await loadSiteConfig(root)).config));
      // Asked again: the same answer.
      expect(await session.check()).toEqual(problems);
      expect(await session.schema()).toEqual(schema);
    } finally {
      await session.close();
      await rm(root, { recursive: true, force: true });
    }
  });

  it('a post whose URL, state or title changes is seen by the posts linking to it or sharing its title (their checks are kept otherwise)', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'pw-derived-refs-'));
    const write = (rel: string, text: string) => writeFile(path.join(root, ...rel.split('/')), text);
    await cp(path.resolve(__dirname, '../fixtures/sites/pretty-site/_config.yml'), path.join(root, '_config.yml'));
    await mkdir(path.join(root, '_posts'), { recursive: true });
    await write('_posts/2024-01-01-a.md', '---\ntitle: A\n---\nThe first post.\n');
    const a = '_posts/2024-01-01-a.md';
    const b = '_posts/2024-01-02-b.md';
    const session0 = await SiteSession.open(root, { cacheDir: false, watch: false });
    const aUrl = session0.records().find((r) => r.path === a)!.url;
    await session0.close();
    await write(b, `---\ntitle: B\n---\nSee {% post_url 2024-01-01-a %} and [A](${aUrl}) and ![x](/img/none.png).\n`);
    const session = await SiteSession.open(root, { cacheDir: false, watch: false });
    const save = async (rel: string, edit: (text: string) => string) => {
      const read = await session.readPost(rel);
      expect((await session.savePost(rel, edit(read.text), read.version)).status).toBe('saved');
    };
    try {
      expect(await session.check()).toEqual((await checkSite(root)).problems);
      // B's text changes: its own references are checked again.
      await save(b, (t) => t.replace('The', 'the').replace('See', 'Look at'));
      expect(await session.check()).toEqual((await checkSite(root)).problems);
      // A moves: B's link to its old URL breaks, though B did not change.
      await save(a, (t) => t.replace('title: A', 'title: A\npermalink: /elsewhere/a/'));
      const moved = await session.check();
      expect(moved).toEqual((await checkSite(root)).problems);
      // A is unpublished: B's post_url now names a post that is not built.
      await save(a, (t) => t.replace('title: A', 'title: A\npublished: false'));
      const unpublished = await session.check();
      expect(unpublished).toEqual((await checkSite(root)).problems);
      expect(unpublished.some((p) => p.path === b && p.code === 'broken-post-url')).toBe(true);
      // B takes A's title: both are reported, and again when B's title changes back.
      await save(b, (t) => t.replace('title: B', 'title: A'));
      const same = await session.check();
      expect(same).toEqual((await checkSite(root)).problems);
      expect(same.filter((p) => p.code === 'duplicate-title').map((p) => p.path).sort()).toEqual([a, b]);
      await save(b, (t) => t.replace('title: A', 'title: B'));
      expect(await session.check()).toEqual((await checkSite(root)).problems);
    } finally {
      await session.close();
      await rm(root, { recursive: true, force: true });
    }
  });

  it('a save recomputes that post, and concurrent requests agree', async () => {
    const root = await copyFixture('pretty-site');
    const session = await SiteSession.open(root, { cacheDir: false, watch: false });
    try {
      const post = session.records().find((r) => !r.skipped && !r.error && !r.draft)!;
      const before = await session.check();
      expect(before.some((p) => p.path === post.path && p.code === 'invalid-front-matter')).toBe(false);
      const read = await session.readPost(post.path);
      const saved = await session.savePost(post.path, read.text.replace(/^---\n/, '---\nbench_field: [1, 2]\n'), read.version);
      expect(saved.status).toBe('saved');
      const [a, b, schema] = await Promise.all([session.check(), session.check(), session.schema()]);
      expect(a).toEqual(b);
      expect(a).toEqual((await checkSite(root)).problems);
      expect(schema.fields.some((f) => f.key === 'bench_field')).toBe(true);
    } finally {
      await session.close();
      await rm(root, { recursive: true, force: true });
    }
  });

  it('an edit made outside the app is seen through the watcher', async () => {
    const root = await copyFixture('pretty-site');
    const session = await SiteSession.open(root, { cacheDir: false });
    await session.ready();
    try {
      const post = session.records().find((r) => !r.skipped && !r.error && !r.draft)!;
      await session.schema();
      await session.check();
      const abs = path.join(root, ...post.path.split('/'));
      await writeFile(abs, (await readFile(abs, 'utf8')).replace(/^---\n/, '---\noutside_field: yes\n'));
      await waitFor(async () => (await session.schema()).fields.some((f) => f.key === 'outside_field'));
      expect(await session.check()).toEqual((await checkSite(root)).problems);
    } finally {
      await session.close();
      await rm(root, { recursive: true, force: true });
    }
  });
});
