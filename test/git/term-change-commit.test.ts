/**
 * A tag rename across the blog as one git commit of exactly the changed files.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { copySampleBlog } from '../contract/contract-suite';
import { directClient, startService } from '../support/service-harness';
import { requireTool } from '../support/require-tool';
import { configure, hermeticGit, sh } from './git-fixture';

describe.skipIf(!requireTool('git'))('tag rename with a commit', () => {
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of closers) await close();
  });

  it('commits exactly the files the batch changed, with the batch as message', async () => {
    hermeticGit(await mkdtemp(path.join(os.tmpdir(), 'pw-tc-')));
    const site = await copySampleBlog();
    sh(site, 'init', '-b', 'main');
    configure(site, 'Writer');
    sh(site, 'add', '-A');
    sh(site, 'commit', '-m', 'Initial');
    const service = await startService();
    closers.push(() => service.close());
    const api = directClient(service);
    await api.openSite({ path: site });
    const events: number[] = [];
    api.on('batch-progress', (p) => events.push(p.done));
    const r = await api.applyTermChange({ op: 'rename', kind: 'tag', names: ['hiking'], to: 'walking', commit: true });
    expect(r).toMatchObject({ label: 'Rename tag hiking → walking', committed: true });
    expect(sh(site, 'log', '-1', '--format=%s')).toBe('Rename tag hiking → walking');
    const files = sh(site, 'show', '--name-only', '--format=', 'HEAD').split('\n').filter(Boolean).sort();
    expect(files).toEqual(['_drafts/ideas-for-summer.md', '_posts/2026-03-02-delve-1-first-steps.md']);
    expect(sh(site, 'status', '--porcelain')).toBe('');
    expect(events.at(-1)).toBe(r.written);
  });
});
