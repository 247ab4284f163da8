/**
 * The core behind the writer's dialogs, through the real service on temp copies of the sample
 * blog: publish on a chosen date (file name and `date:` agree, and Jekyll reads them so), new
 * posts from the blog's own templates, images named after the post in the folder the blog uses
 * for inline images (and taken back when the paste is undone), and a sync that commits only the
 * ticked files to a real bare remote.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { copySampleBlog } from '../contract/contract-suite';
import { directClient, startService } from '../support/service-harness';
import { checkTool } from '../support/require-tool';
import { jekyllPosts } from '../support/jekyll-oracle';
import { configure, hermeticGit, sh } from '../git/git-fixture';
import { learnImagePlacement } from '../../electron/core/images/image-placement';

const hasJekyll = checkTool('jekyll').available;
const hasGit = checkTool('git').available;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const DELVE = '_posts/2026-03-02-delve-1-first-steps.md';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function open(site: string) {
  const service = await startService();
  closers.push(() => service.close());
  const api = directClient(service);
  await api.openSite({ path: site });
  return api;
}

describe('publish on a chosen date', () => {
  it('names the file and writes date: for the same moment in the site zone, and Jekyll reads that date', async () => {
    const site = await copySampleBlog();
    const api = await open(site);
    const draft = await api.createPost({ title: 'Late Snow', draft: true });
    // 2027-01-01 00:30 Berlin is still 2026-12-31 in UTC: the file name must follow the site's zone.
    const at = Date.parse('2026-12-31T23:30:00Z');
    const published = await api.publishPost({ path: draft.path, at });
    expect(published.path).toBe('_posts/2027-01-01-late-snow.md');
    const text = await readFile(path.join(site, published.path), 'utf8');
    expect(text).toMatch(/^---\ntitle: Late Snow\n(?:.*\n)*date: 2027-01-01 00:30:00 \+0100\n---\n/);
    if (hasJekyll) {
      const seen = (await jekyllPosts(site)).find((p) => p.path === published.path)!;
      expect(seen.date).toBe('2027-01-01T00:30:00+01:00');
      expect(seen.slug).toBe('late-snow');
    }
  });
});

describe('new post from a template', () => {
  it('lists the scaffolds postwright.templates names and keeps a scaffold byte for byte but title and date', async () => {
    const site = await copySampleBlog();
    const config = path.join(site, '_config.yml');
    await writeFile(config, `${await readFile(config, 'utf8')}\npostwright:\n  templates: _templates\n`);
    await mkdir(path.join(site, '_templates'));
    const scaffold = '---\nlayout: post\ntitle: TITLE\n# the usual keys\ntags: [trail]\nbanner:\n  image: /assets/images/banners/lake.svg\n---\n## Where\n\n## Notes\n';
    await writeFile(path.join(site, '_templates', 'trip.md'), scaffold);
    await writeFile(path.join(site, '_templates', 'notes.txt'), 'not a template');
    const api = await open(site);
    const list = await api.listTemplates();
    expect(list).toEqual({ folder: '_templates', templates: [{ name: 'trip.md', label: 'trip.md (TITLE)' }] });
    const made = await api.createPost({ title: 'Over the Ridge', template: 'trip.md' });
    const text = await readFile(path.join(site, made.path), 'utf8');
    expect(text).toMatch(/^---\nlayout: post\ntitle: Over the Ridge\n# the usual keys\ntags: \[trail\]\nbanner:\n {2}image: \/assets\/images\/banners\/lake\.svg\ndate: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+0[12]00\n---\n## Where\n\n## Notes\n$/);
    await expect(api.createPost({ title: 'x', template: '../_config.yml' })).rejects.toThrow();
    await expect(api.createPost({ title: 'x', template: 'missing.md' })).rejects.toThrow(/no template/);
  });
});

describe('images placed like a careful author would', () => {
  it('learns the inline folder apart from the banners, per-post folders, and postwright.images', () => {
    const banners = { slug: 'a', front: ['assets/og/a.png'], body: [] };
    expect(learnImagePlacement([banners, { slug: 'b', front: [], body: ['assets/img/posts/x.png', 'assets/img/posts/y.png'] }], null)).toMatchObject({ folder: 'assets/img/posts', perPost: false, bannerFolder: 'assets/og' });
    expect(learnImagePlacement([{ slug: 'trip', front: [], body: ['img/trip/1.png', 'img/trip/2.png'] }, { slug: 'walk', front: [], body: ['img/walk/a.jpg'] }], null)).toMatchObject({ folder: 'img', perPost: true });
    expect(learnImagePlacement([{ slug: 'a', front: ['assets/images/banners/a.svg'], body: [] }], null)).toMatchObject({ folder: 'assets/images', source: 'banner-parent' });
    expect(learnImagePlacement([banners], 'media/posts')).toMatchObject({ folder: 'media/posts', source: 'config' });
  });

  it('names pasted images after the post (next free number) next to, not inside, the banners, and removes an undone one', async () => {
    const site = await copySampleBlog();
    const api = await open(site);
    const data = PNG.toString('base64');
    const first = await api.addImage({ name: 'image.png', data, post: DELVE });
    const second = await api.addImage({ name: 'Screenshot 2026.png', data, post: DELVE });
    expect([first.path, second.path]).toEqual(['assets/images/delve-1-first-steps-1.png', 'assets/images/delve-1-first-steps-2.png']);
    expect(first.markdownPath).toBe('/assets/images/delve-1-first-steps-1.png');
    expect(await readFile(path.join(site, second.path))).toEqual(PNG);

    expect(await api.removeImage({ path: first.path })).toEqual({ removed: true });
    expect(await readdir(path.join(site, 'assets/images'))).not.toContain('delve-1-first-steps-1.png');
    // The freed number is used again; an image the session did not add is never removed.
    expect((await api.addImage({ name: 'again.png', data, post: DELVE })).path).toBe('assets/images/delve-1-first-steps-1.png');
    expect(await api.removeImage({ path: 'assets/images/banners/lake.svg' })).toEqual({ removed: false });
    await writeFile(path.join(site, second.path), 'changed since');
    expect(await api.removeImage({ path: second.path })).toEqual({ removed: false });
    expect(await readFile(path.join(site, second.path), 'utf8')).toBe('changed since');
  });
});

describe.skipIf(!hasGit)('commit only the ticked files', () => {
  it('sync commits the chosen files to the bare remote and leaves the others uncommitted, untouched', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'pw-pick-'));
    hermeticGit(tmp);
    const remote = path.join(tmp, 'remote.git');
    sh(tmp, 'init', '--bare', '-b', 'main', remote);
    const site = await copySampleBlog();
    sh(site, 'init', '-b', 'main');
    configure(site, 'Writer');
    sh(site, 'add', '-A');
    sh(site, 'commit', '-m', 'Initial blog');
    sh(site, 'remote', 'add', 'origin', remote);
    sh(site, 'push', '-u', 'origin', 'main');
    const api = await open(site);
    const delve = path.join(site, DELVE);
    await writeFile(delve, `${await readFile(delve, 'utf8')}\nChosen change.\n`);
    await writeFile(path.join(site, '_drafts/not-yet.md'), '---\ntitle: Not yet\n---\nKeep me local.\n');
    const files = (await api.gitStatus()).files.map((f) => f.path).sort();
    expect(files).toEqual(['_drafts/not-yet.md', DELVE]);

    expect((await api.suggestCommitMessage({ paths: [DELVE] })).message).toBe('Update post: Delve 1: First Steps on the Trail');
    await expect(api.syncSite({ paths: ['_config.yml'] })).rejects.toThrow(/not a changed file/);
    const outcome = await api.syncSite({ message: 'Only Delve', paths: [DELVE] });
    expect(outcome).toMatchObject({ status: 'synced', committed: true, pushed: true });
    expect(sh(remote, 'log', '-1', '--format=%s', 'main')).toBe('Only Delve');
    expect(sh(remote, 'show', '--name-only', '--format=', 'main')).toBe(DELVE);
    expect(sh(remote, 'show', `main:${DELVE}`)).toContain('Chosen change.');
    expect(await readFile(path.join(site, '_drafts/not-yet.md'), 'utf8')).toBe('---\ntitle: Not yet\n---\nKeep me local.\n');
    expect((await api.gitStatus()).files.map((f) => f.path)).toEqual(['_drafts/not-yet.md']);

    // Nothing ticked: nothing is committed (an empty list never means "everything").
    const nothing = await api.syncSite({ paths: [] });
    expect(nothing).toMatchObject({ status: 'synced', committed: false });
    expect(sh(remote, 'rev-list', '--count', 'main')).toBe('2');

    const diff = await api.gitDiff({ path: '_drafts/not-yet.md' });
    expect(diff.before).toBeNull();
    expect(diff.after).toBe('---\ntitle: Not yet\n---\nKeep me local.\n');
  });
});
