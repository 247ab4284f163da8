/**
 * Cancelling a sync: it stops before its next step, keeps the local commit, pushes nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { syncSite } from '../../electron/core/git/git-sync';
import { requireTool } from '../support/require-tool';
import { FIRST, makeRepos, post, sh, write, type Repos } from './git-fixture';

describe.skipIf(!requireTool('git'))('cancelling a sync', () => {
  let repos: Repos;
  afterEach(async () => repos?.cleanup());

  it('stops after the commit: local work committed, remote untouched', async () => {
    repos = await makeRepos();
    const before = sh(repos.remote, 'rev-parse', 'main');
    await write(repos.blog, FIRST, post('First', 'line one\nchanged\nline three'));
    const controller = new AbortController();
    const steps: string[] = [];
    const result = await syncSite(repos.blog, {
      signal: controller.signal,
      onProgress: (step) => {
        steps.push(step);
        if (step === 'commit') controller.abort();
      },
    });
    expect(result).toEqual({ status: 'cancelled', committed: true, ahead: 1 });
    expect(steps).toEqual(['commit']);
    expect(sh(repos.remote, 'rev-parse', 'main')).toBe(before);
    expect(sh(repos.blog, 'status', '--porcelain')).toBe('');
    const again = await syncSite(repos.blog, {});
    expect(again).toMatchObject({ status: 'synced', pushed: true });
    repos.checkRemoteGrows();
  });
});
