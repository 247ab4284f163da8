/**
 * The reach reproductions of issue 9, tried again as a caller holding the web token would (over
 * HTTP) and as a compromised renderer would (through dispatchCall, like IPC): each is refused with
 * a 4xx and a message, and the file it aimed at is unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, realpath, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MAX_BUFFERS_PER_SITE, MAX_BYTES_PER_SITE, RecoveryBuffers } from '../../electron/core/app-data/recovery-buffers';
import type { CoreService } from '../../electron/core/service/dispatch';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { RENDERER_DIR, startService } from '../support/service-harness';
import { requireTool } from '../support/require-tool';
import { directCaller, hostileSite, httpCaller, TINY_PNG, treeHashes, changedPaths, type RawCaller } from './reach-support';

const DELVE = '_posts/2026-03-02-delve-1-first-steps.md';

for (const transport of ['HTTP', 'direct'] as const) {
  describe.skipIf(!requireTool('git'))(`issue 9 reach reproductions (${transport})`, () => {
    let site: string;
    let service: CoreService;
    let host: WebHost | null = null;
    let call: RawCaller;

    beforeAll(async () => {
      ({ site } = await hostileSite());
      service = await startService();
      if (transport === 'HTTP') {
        host = await startWebHost({ service, rendererDir: RENDERER_DIR, port: 0 });
        call = httpCaller(host.port, host.token);
      } else call = directCaller(service);
      expect((await call('openSite', { path: site })).ok).toBe(true);
    });
    afterAll(async () => {
      await host?.close();
      await service?.close();
    });

    it('resolveConflict with no conflict under way reaches neither .git/config, _config.yml nor a plugin', async () => {
      const before = await treeHashes(site);
      const text = '[core]\n\tfsmonitor = touch /tmp/pwned\n';
      // A path into .git is refused before git is even asked; any other with "no conflict".
      for (const target of ['.git/config', '.git/hooks/pre-commit', 'link-git/config']) {
        expect(await call('resolveConflict', { path: target, text })).toMatchObject({ ok: false, status: 403, code: 'forbidden' });
      }
      for (const target of ['_config.yml', '_plugins/existing.rb', '_plugins/evil.rb', DELVE]) {
        const out = await call('resolveConflict', { path: target, text });
        expect(out).toMatchObject({ ok: false, status: 409, code: 'conflict' });
        if (!out.ok) expect(out.message).toMatch(/no sync is stopped on a conflict/);
      }
      expect(changedPaths(before, await treeHashes(site))).toEqual([]);
      expect(await readFile(path.join(site, '.git', 'config'), 'utf8')).not.toContain('fsmonitor');
    });

    it('openSite refuses /etc in web mode (with or without allowNonJekyll), so gitInit and gitDiff cannot follow', async () => {
      for (const extra of [{}, { allowNonJekyll: true }]) {
        const out = await call('openSite', { path: '/etc', ...extra });
        expect(out).toMatchObject({ ok: false, status: 403, code: 'forbidden' });
      }
      const current = await call('getSite', {});
      expect(current.ok && (current.result as { root: string }).root).toBe(await realpath(site));
      expect(await call('gitDiff', { path: 'passwd' })).toMatchObject({ ok: true, result: { diff: '' } });
    });

    it('openSite answers a missing folder or a file with a 4xx and a message, never a 500', async () => {
      const missing = await call('openSite', { path: path.join(site, 'no-such-folder') });
      expect(missing).toMatchObject({ ok: false, status: 404, code: 'not-found' });
      if (!missing.ok) expect(missing.message).toContain('no such folder');
      expect(await call('openSite', { path: path.join(site, DELVE) })).toMatchObject({ ok: false, status: 400, code: 'bad-request' });
      expect(await call('openSite', { path: 'relative/blog' })).toMatchObject({ ok: false, status: 400, code: 'bad-request' });
    });

    it('gitDiff never returns .git/config (remote URLs can hold credentials), by name or through a link', async () => {
      for (const target of ['.git/config', '.git/HEAD', 'link-git/config', '_posts/link-git/config', '.git\\config']) {
        const out = await call('gitDiff', { path: target });
        expect(out.ok).toBe(false);
        if (!out.ok) expect(out.status).toBeGreaterThanOrEqual(400);
        if (!out.ok) expect(out.status).toBeLessThan(500);
      }
      await writeFile(path.join(site, DELVE), (await readFile(path.join(site, DELVE), 'utf8')).replace('The first walk', 'The first long walk'));
      const diff = await call('gitDiff', { path: DELVE });
      expect(diff.ok && (diff.result as { diff: string }).diff).toContain('+The first long walk');
    });

    it('addImage goes only into image folders: never .git/hooks, _plugins, _includes, _layouts, _data or a linked .git', async () => {
      const before = await treeHashes(site);
      for (const folder of ['.git/hooks', '_plugins', '_includes', '_layouts', '_data', '_sass', '_site', '_config.yml', 'node_modules', 'vendor', 'assets/.hidden', 'assets/link-hooks', 'link-git']) {
        const out = await call('addImage', { name: 'pre-commit.png', data: TINY_PNG, folder });
        expect(out, folder).toMatchObject({ ok: false, status: 403, code: 'forbidden' });
      }
      expect(changedPaths(before, await treeHashes(site))).toEqual([]);
      const added = await call('addImage', { name: 'Photo 1.PNG', data: TINY_PNG, folder: 'assets/images' });
      expect(added).toMatchObject({ ok: true, result: { path: 'assets/images/photo-1.png' } });
      const byDefault = await call('addImage', { name: 'second.png', data: TINY_PNG });
      expect(byDefault.ok).toBe(true);
      expect(await call('addImage', { name: '../../.git/hooks/x.png', data: TINY_PNG })).toMatchObject({ ok: false, status: 400 });
    });

    it('stashBuffer refuses 30 MB and one over the post size, and keeps at most 50 buffers for 1,000 posts', async () => {
      const huge = await call('stashBuffer', { path: DELVE, text: 'x'.repeat(30 * 1024 * 1024), baseVersion: 'v' });
      expect(huge).toMatchObject({ ok: false, code: 'bad-request' });
      // 413 from the web host (the body is over its limit), 400 from request validation.
      expect(huge.status).toBe(transport === 'HTTP' ? 413 : 400);
      const large = await call('stashBuffer', { path: DELVE, text: 'x'.repeat(10 * 1024 * 1024 + 1), baseVersion: 'v' });
      expect(large).toMatchObject({ ok: false, status: 400, code: 'invalid-input' });
      let kept = 0;
      let refused = 0;
      for (let i = 0; i < 1000; i++) {
        const out = await call('stashBuffer', { path: `_drafts/buffer-${i}.md`, text: `draft ${i}`, baseVersion: '' });
        if (out.ok) kept++;
        else {
          expect(out).toMatchObject({ status: 403, code: 'forbidden' });
          refused++;
        }
      }
      expect(kept).toBe(MAX_BUFFERS_PER_SITE);
      expect(refused).toBe(1000 - MAX_BUFFERS_PER_SITE);
      const listed = await call('listBuffers', {});
      expect(listed.ok && (listed.result as unknown[]).length).toBe(MAX_BUFFERS_PER_SITE);
      // A kept buffer can still be updated, and dropping one makes room for another.
      expect((await call('stashBuffer', { path: '_drafts/buffer-0.md', text: 'newer', baseVersion: '' })).ok).toBe(true);
      expect((await call('dropBuffer', { path: '_drafts/buffer-1.md' })).ok).toBe(true);
      expect((await call('stashBuffer', { path: '_drafts/buffer-999.md', text: 'late', baseVersion: '' })).ok).toBe(true);
      for (let i = 0; i < 1000; i++) await call('dropBuffer', { path: `_drafts/buffer-${i}.md` });

      const after = await call('listBuffers', {});
      expect(after.ok && (after.result as unknown[]).length).toBe(0);
    }, 60_000);
  });
}

describe('the buffer store', () => {
  it('keeps a few buffers of the largest post size, then refuses until some are dropped', async () => {
    const store = new RecoveryBuffers(await mkdtemp(path.join(os.tmpdir(), 'pw-user-')));
    const big = 'y'.repeat(9 * 1024 * 1024);
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => store.stash('/site', { path: `_drafts/big-${i}.md`, text: big, baseVersion: '' })));
    expect(results.filter((r) => r.status === 'fulfilled').length).toBe(Math.floor(MAX_BYTES_PER_SITE / big.length));
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'forbidden' } });
    // Another site has its own room; a dropped buffer makes room again.
    await store.stash('/other-site', { path: '_drafts/big-0.md', text: big, baseVersion: '' });
    await store.drop('/site', '_drafts/big-0.md');
    await store.stash('/site', { path: '_drafts/big-9.md', text: big, baseVersion: '' });
    expect((await store.list('/site')).length).toBe(Math.floor(MAX_BYTES_PER_SITE / big.length));
  });
});

describe('openSite: only a folder from the picker, the recent list, --site, the sample, or (web) a typed Jekyll site', () => {
  let jekyll: string;
  let plain: string;
  let userDataDir: string;

  beforeAll(async () => {
    ({ site: jekyll } = await hostileSite());
    plain = await mkdtemp(path.join(os.tmpdir(), 'pw-plain-'));
    await writeFile(path.join(plain, 'notes.txt'), 'not a blog\n');
    userDataDir = await mkdtemp(path.join(os.tmpdir(), 'pw-user-'));
  });

  async function desktop(options: { chooseFolder?: () => Promise<string | null>; allowedRoots?: string[] } = {}) {
    const { createCoreService } = await import('../../electron/core/service/create-service');
    const { SAMPLE_BLOG } = await import('./contract-suite');
    const service = await createCoreService({ userDataDir, sampleDir: SAMPLE_BLOG, host: 'electron', assetBase: 'app://site/', canChooseFolder: true, cacheDir: false, watch: false, ...options });
    return { service, call: directCaller(service) };
  }

  it('desktop: a typed path is refused; the folder picked in the native picker opens (not-jekyll first for a plain folder)', async () => {
    let pick: string | null = plain;
    const { service, call } = await desktop({ chooseFolder: async () => pick });
    try {
      expect(await call('openSite', { path: jekyll })).toMatchObject({ ok: false, code: 'forbidden' });
      expect(await call('openSite', { path: plain, allowNonJekyll: true })).toMatchObject({ ok: false, code: 'forbidden' });
      const chosen = await call('chooseSiteFolder', {});
      expect(chosen).toMatchObject({ ok: true, result: { path: await realpath(plain), isJekyll: false } });
      expect(await call('openSite', { path: plain })).toMatchObject({ ok: false, status: 409, code: 'not-jekyll' });
      expect(await call('openSite', { path: plain, allowNonJekyll: true })).toMatchObject({ ok: true });
      pick = jekyll;
      expect(await call('chooseSiteFolder', {})).toMatchObject({ ok: true, result: { isJekyll: true } });
      expect(await call('openSite', { path: jekyll })).toMatchObject({ ok: true, result: { isJekyll: true } });
      pick = null;
      expect(await call('chooseSiteFolder', {})).toMatchObject({ ok: true, result: { path: null } });
    } finally {
      await service.close();
    }
  });

  it('desktop: the recent list, --site (allowedRoots), allowSiteRoot and the sample open; other typed paths do not', async () => {
    const { service, call } = await desktop();
    try {
      // Opened before (by the picker, in the previous test), so on the recent list.
      expect(await call('openSite', { path: jekyll })).toMatchObject({ ok: true });
      expect(await call('openSite', { path: '/etc', allowNonJekyll: true })).toMatchObject({ ok: false, code: 'forbidden' });
    } finally {
      await service.close();
    }
    const other = await hostileSite();
    const withSite = await desktop({ allowedRoots: [other.site] });
    try {
      expect(await withSite.call('openSite', { path: other.site })).toMatchObject({ ok: true });
    } finally {
      await withSite.service.close();
    }
    const third = await hostileSite();
    const handed = await desktop();
    try {
      expect(await handed.call('openSite', { path: third.site })).toMatchObject({ ok: false, code: 'forbidden' });
      await handed.service.allowSiteRoot!(third.site);
      expect(await handed.call('openSite', { path: third.site })).toMatchObject({ ok: true });
    } finally {
      await handed.service.close();
    }
    const fresh = await mkdtemp(path.join(os.tmpdir(), 'pw-user-'));
    const { createCoreService } = await import('../../electron/core/service/create-service');
    const { SAMPLE_BLOG } = await import('./contract-suite');
    const first = await createCoreService({ userDataDir: fresh, sampleDir: SAMPLE_BLOG, host: 'electron', assetBase: 'app://site/', canChooseFolder: true, cacheDir: false, watch: false });
    try {
      const sample = await directCaller(first)('openSite', {});
      expect(sample).toMatchObject({ ok: true, result: { isSample: true } });
      const root = (sample as { result: { root: string } }).result.root;
      expect(await directCaller(first)('openSite', { path: root })).toMatchObject({ ok: true });
    } finally {
      await first.close();
    }
  });

  it('web: a typed path opens only when it holds a Jekyll site, even with allowNonJekyll', async () => {
    const service = await startService();
    const call = directCaller(service);
    try {
      expect(await call('openSite', { path: jekyll })).toMatchObject({ ok: true });
      for (const extra of [{}, { allowNonJekyll: true }]) {
        expect(await call('openSite', { path: plain, ...extra })).toMatchObject({ ok: false, status: 403, code: 'forbidden' });
      }
      const nested = path.join(plain, 'inner');
      await mkdir(nested);
      expect(await call('openSite', { path: nested })).toMatchObject({ ok: false, code: 'forbidden' });
      expect(await call('chooseSiteFolder', {})).toMatchObject({ ok: false, code: 'forbidden' });
    } finally {
      await service.close();
    }
  });
});
