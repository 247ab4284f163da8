/**
 * Post lifecycle on real files, with Jekyll reading the result: new → publish → rename →
 * unpublish → delete, undo, and no operation ever overwriting a file.
 */
import { describe, expect, it } from 'vitest';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createPost, deletePost, duplicatePost, publishPost, renamePost, undoChange, unpublishPost } from '../../electron/core/lifecycle/post-lifecycle';
import { loadSiteConfig } from '../../electron/core/site/site-config';
import { siteSchema } from '../../electron/core/site/site-schema';
import { copySite, jekyllPosts, strictBuild } from '../support/jekyll-oracle';
import { checkTool } from '../support/require-tool';

const SAMPLE = path.resolve(__dirname, '../../resources/sample-blog');
const NOW = Date.parse('2026-07-04T10:20:30Z');
const hasJekyll = checkTool('jekyll').available;

describe('post lifecycle', () => {
  it('new draft → publish → rename → unpublish → delete, and Jekyll agrees at each step', async () => {
    const root = await copySite(SAMPLE);
    const trash = await mkdtemp(path.join(os.tmpdir(), 'pw-trash-'));
    const config = (await loadSiteConfig(root)).config;

    const created = await createPost(root, config, { title: 'Up: the North Ridge', draft: true, now: NOW });
    expect(created.path).toBe('_drafts/up-the-north-ridge.md');
    expect(await readFile(path.join(root, created.path), 'utf8')).toBe('---\ntitle: "Up: the North Ridge"\n---\n\n');

    const published = await publishPost(root, config, created.path, NOW);
    expect(published.path).toBe('_posts/2026-07-04-up-the-north-ridge.md');
    expect(await readdir(path.join(root, '_drafts'))).not.toContain('up-the-north-ridge.md');
    const text = await readFile(path.join(root, published.path), 'utf8');
    expect(text).toBe('---\ntitle: "Up: the North Ridge"\ndate: 2026-07-04 12:20:30 +0200\n---\n\n');

    const renamed = await renamePost(root, published.path, 'north-ridge');
    expect(renamed.path).toBe('_posts/2026-07-04-north-ridge.md');
    if (hasJekyll) {
      const build = await strictBuild(root);
      expect(build.code, build.stderr).toBe(0);
      const post = (await jekyllPosts(root)).find((p) => p.path === renamed.path)!;
      expect(post).toMatchObject({ title: 'Up: the North Ridge', date: '2026-07-04T12:20:30+02:00', url: '/2026/07/04/north-ridge/', draft: false });
    }

    const unpublished = await unpublishPost(root, config, renamed.path);
    expect(unpublished.path).toBe('_drafts/north-ridge.md');
    expect(await readFile(path.join(root, unpublished.path), 'utf8')).toContain('date: 2026-07-04 12:20:30 +0200');

    const deleted = await deletePost(root, unpublished.path, trash);
    expect(await readdir(path.join(root, '_drafts'))).not.toContain('north-ridge.md');
    await undoChange(root, deleted, trash);
    expect(await readFile(path.join(root, unpublished.path), 'utf8')).toContain('title: "Up: the North Ridge"');
  });

  it('a new post gets a dated name and keeps a unique slug', async () => {
    const root = await copySite(SAMPLE);
    const config = (await loadSiteConfig(root)).config;
    const a = await createPost(root, config, { title: 'Café Notes', now: NOW });
    expect(a.path).toBe('_posts/2026-07-04-café-notes.md');
    await expect(createPost(root, config, { title: 'Café Notes', now: NOW })).rejects.toMatchObject({ code: 'exists' });
  });

  it('on a site with collections_dir:, a new draft and post go inside that folder, where Jekyll reads them', async () => {
    const root = await copySite(path.resolve(__dirname, '../fixtures/sites/collections-dir'));
    const config = (await loadSiteConfig(root)).config;
    const draft = await createPost(root, config, { title: 'Kept Inside', draft: true, now: NOW });
    expect(draft.path).toBe('writing/_drafts/kept-inside.md');
    const published = await publishPost(root, config, draft.path, NOW);
    expect(published.path).toBe('writing/_posts/2026-07-04-kept-inside.md');
    const post = await createPost(root, config, { title: 'Second One', now: NOW });
    expect(post.path).toBe('writing/_posts/2026-07-04-second-one.md');
    if (hasJekyll) {
      const read = await jekyllPosts(root);
      expect(read.find((p) => p.path === published.path)).toMatchObject({ title: 'Kept Inside', url: '/2026/kept-inside/', layout: 'stripped-prefix' });
      expect(read.find((p) => p.path === post.path)).toMatchObject({ title: 'Second One', draft: false });
    }
  });

  it('never overwrites: rename onto an existing post is refused and both files stay', async () => {
    const root = await copySite(SAMPLE);
    const a = '_posts/2026-03-02-delve-1-first-steps.md';
    const b = '_posts/2026-03-02-taken.md';
    await writeFile(path.join(root, b), '---\ntitle: Taken\n---\n');
    const before = await readFile(path.join(root, a), 'utf8');
    await expect(renamePost(root, a, 'taken')).rejects.toMatchObject({ code: 'exists' });
    expect(await readFile(path.join(root, a), 'utf8')).toBe(before);
    expect(await readFile(path.join(root, b), 'utf8')).toBe('---\ntitle: Taken\n---\n');
  });

  it('duplicate writes a copy titled "(copy)" and undo removes it', async () => {
    const root = await copySite(SAMPLE);
    const trash = await mkdtemp(path.join(os.tmpdir(), 'pw-trash-'));
    const copy = await duplicatePost(root, '_posts/2026-03-02-delve-1-first-steps.md');
    expect(copy.path).toBe('_posts/2026-03-02-delve-1-first-steps-copy.md');
    expect(await readFile(path.join(root, copy.path), 'utf8')).toContain('title: "Delve 1: First Steps on the Trail (copy)"');
    await undoChange(root, copy, trash);
    expect(await readdir(path.join(root, '_posts'))).not.toContain('2026-03-02-delve-1-first-steps-copy.md');
  });
});

describe('site schema', () => {
  it('infers the sample blog fields', async () => {
    const root = await copySite(SAMPLE);
    const schema = await siteSchema(root, (await loadSiteConfig(root)).config);
    const field = (key: string) => schema.fields.find((f) => f.key === key)!;
    expect(field('title')).toMatchObject({ type: 'text', required: true });
    expect(field('date').type).toBe('date-time');
    expect(field('tags').type).toBe('tags');
    expect(field('categories')).toMatchObject({ type: 'tags', suggestions: expect.arrayContaining(['Field Notes']) });
    expect(field('layout')).toMatchObject({ type: 'select', choices: expect.arrayContaining(['default', 'post']), default: 'post' });
    expect(field('banner').type).toBe('map');
    expect(field('banner').fields?.find((f) => f.key === 'image')?.type).toBe('image');
    expect(schema.fields.slice(0, 2).map((f) => f.key)).toEqual(['title', 'date']);
  });
});
