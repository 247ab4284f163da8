/**
 * The contract suite: one set of behaviours every transport must show, run against the
 * service directly and through the web host's HTTP transport.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '../../shared/api/api-error';
import type { ApiClient } from '../../shared/api/create-client';
import type { ApiEvents } from '../../shared/api/contract';
import { checkTool } from '../support/require-tool';

export const SAMPLE_BLOG = path.resolve(__dirname, '../../resources/sample-blog');
const DELVE = '_posts/2026-03-02-delve-1-first-steps.md';

export interface ContractHarness {
  client: ApiClient;
  close(): Promise<void>;
}

/** Copies the sample blog into a temp folder so tests can write to it. */
export async function copySampleBlog(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pw-site-'));
  await cp(SAMPLE_BLOG, dir, { recursive: true });
  return dir;
}

function nextEvent<E extends keyof ApiEvents>(client: ApiClient, name: E, match: (p: ApiEvents[E]) => boolean, ms = 10_000): Promise<ApiEvents[E]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no ${name} event within ${ms} ms`));
    }, ms);
    const off = client.on(name, (payload) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      off();
      resolve(payload);
    });
  });
}

export function defineContractSuite(transport: string, start: (site: string) => Promise<ContractHarness>): void {
  describe(`contract over ${transport}`, () => {
    let site: string;
    let h: ContractHarness;
    let api: ApiClient;

    beforeAll(async () => {
      site = await copySampleBlog();
      h = await start(site);
      api = h.client;
    });
    afterAll(async () => h?.close());

    it('describes the host', async () => {
      const info = await api.getAppInfo();
      expect(typeof info.version).toBe('string');
      expect(info.assetBase.length).toBeGreaterThan(0);
      expect(info.canStoreGitToken).toBe(false);
    });

    it('keeps a git token only where a keychain exists', async () => {
      await expect(api.setGitToken({ token: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
    });

    it('opens the sample blog on request, and refuses a path and the sample together', async () => {
      const summary = await api.openSite({ sample: true });
      expect(summary.isSample).toBe(true);
      expect(summary.postCount).toBeGreaterThan(0);
      await expect(api.openSite({ sample: true, path: site })).rejects.toMatchObject({ code: 'bad-request' });
    });

    it('opens a site and lists its posts and drafts as Jekyll reads them', async () => {
      const summary = await api.openSite({ path: site });
      expect(summary.isJekyll).toBe(true);
      expect(summary.title).toBe('Field Notes');
      const posts = await api.listPosts();
      const delve = posts.find((p) => p.path === DELVE)!;
      expect(delve).toMatchObject({
        title: 'Delve 1: First Steps on the Trail',
        categories: ['Field Notes'],
        tags: ['hiking'],
        draft: false,
        published: true,
        layout: 'post',
      });
      expect(delve.date).toBe('2026-03-02T09:30:00+01:00');
      expect(posts.find((p) => p.path === '_drafts/ideas-for-summer.md')?.draft).toBe(true);
      expect(summary.postCount).toBe(posts.filter((p) => !p.skipped).length);
      expect((await api.getSite())?.root).toBe(summary.root);
    });

    it('reads a post byte for byte', async () => {
      const post = await api.readPost({ path: DELVE });
      expect(post.text).toBe(await readFile(path.join(site, DELVE), 'utf8'));
      expect(post.version.length).toBeGreaterThan(0);
    });

    it('saves a body edit without touching the front matter', async () => {
      const before = await api.readPost({ path: DELVE });
      const text = before.text.replace('The first walk', 'The very first walk');
      const saved = await api.savePost({ path: DELVE, text, baseVersion: before.version });
      expect(saved.status).toBe('saved');
      const disk = await readFile(path.join(site, DELVE), 'utf8');
      expect(disk).toBe(text);
      expect(disk.slice(0, disk.indexOf('\n---\n'))).toBe(before.text.slice(0, before.text.indexOf('\n---\n')));
      if (saved.status === 'saved') expect(saved.version).not.toBe(before.version);
    });

    it('refuses to overwrite a change made on disk since the buffer was loaded', async () => {
      const loaded = await api.readPost({ path: DELVE });
      const theirs = loaded.text + '\nAdded in another editor.\n';
      await writeFile(path.join(site, DELVE), theirs);
      const result = await api.savePost({ path: DELVE, text: loaded.text + '\nMine.\n', baseVersion: loaded.version });
      expect(result.status).toBe('conflict');
      if (result.status === 'conflict') expect(result.diskText).toBe(theirs);
      expect(await readFile(path.join(site, DELVE), 'utf8')).toBe(theirs);
    });

    it('refuses invalid front matter with a line number and leaves the file as it was', async () => {
      const loaded = await api.readPost({ path: DELVE });
      const broken = loaded.text.replace('tags: hiking', 'tags: [hiking');
      const result = await api.savePost({ path: DELVE, text: broken, baseVersion: loaded.version });
      expect(result.status).toBe('invalid');
      if (result.status === 'invalid') expect(result.line).toBeGreaterThan(1);
      expect(await readFile(path.join(site, DELVE), 'utf8')).toBe(loaded.text);
    });

    it('never writes outside the posts of the site', async () => {
      const attempt = (p: string) => api.savePost({ path: p, text: 'x', baseVersion: 'none' });
      for (const p of ['../outside.md', '/etc/passwd', '_config.yml', '.git/hooks/pre-commit', '_posts/../_config.yml']) {
        await expect(attempt(p)).rejects.toBeInstanceOf(ApiError);
      }
      await expect(api.readPost({ path: '../../etc/passwd' })).rejects.toMatchObject({ code: 'outside-site' });
    });

    it('refuses malformed requests', async () => {
      await expect((api.readPost as (r: unknown) => Promise<unknown>)({ path: 42 })).rejects.toMatchObject({ code: 'bad-request' });
      await expect((api.readPost as (r: unknown) => Promise<unknown>)({ path: 'a', extra: true })).rejects.toMatchObject({ code: 'bad-request' });
    });

    it('searches titles and bodies', async () => {
      const hits = await api.searchPosts({ query: 'thermos' });
      expect(hits.map((h) => h.path)).toContain(DELVE);
      expect(hits[0].matches[0].line).toBeGreaterThan(10);
      expect((await api.searchPosts({ query: 'Liquid in Posts' }))[0]?.title).toBe('Using Liquid in Posts');
    });

    it('gives the preview its Liquid context', async () => {
      const ctx = await api.getPreviewContext();
      expect(ctx.includes['note.html']).toContain('include.text');
      expect(ctx.site.title).toBe('Field Notes');
      expect(ctx.posts.some((p) => p.slug === 'delve-1-first-steps')).toBe(true);
    });

    it('keeps unsaved buffers for recovery until they are dropped', async () => {
      await api.stashBuffer({ path: DELVE, text: 'unsaved words', baseVersion: 'v0' });
      expect((await api.listBuffers()).map((b) => b.text)).toEqual(['unsaved words']);
      await api.dropBuffer({ path: DELVE });
      expect(await api.listBuffers()).toEqual([]);
    });

    it('tells every window when a post changes on disk', async () => {
      const target = '_posts/2026-05-21-liquid-in-posts.md';
      const event = nextEvent(api, 'post-changed', (p) => p.path === target);
      const file = path.join(site, target);
      await writeFile(file, (await readFile(file, 'utf8')).replace('title: Using Liquid in Posts', 'title: Liquid, Revisited'));
      const payload = await event;
      expect(payload.kind).toBe('changed');
      expect(payload.record?.title).toBe('Liquid, Revisited');
    });

    it.skipIf(!checkTool('git').available)('offers to set up git in a folder that is not a repository', async () => {
      expect((await api.gitStatus()).isRepo).toBe(false);
      const status = await api.gitInit({ remote: '/nonexistent/remote.git' });
      expect(status).toMatchObject({ isRepo: true, branch: 'main' });
      await expect(api.gitInit({})).rejects.toMatchObject({ code: 'conflict' });
    });
  });
}
