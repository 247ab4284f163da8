/**
 * The background fetch: reports what the remote has that we lack, never touches the branch or
 * files, does nothing without a remote, and stops cleanly.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { requireTool } from '../support/require-tool';
import { FetchScheduler, type FetchReport } from '../../electron/core/git/fetch-scheduler';
import { FIRST, SECOND, makeRepos, post, read, sh, write, type Repos } from './git-fixture';

describe.skipIf(!requireTool('git'))('FetchScheduler', () => {
  let r: Repos;
  beforeEach(async () => {
    r = await makeRepos();
  });
  afterEach(async () => {
    await r.cleanup();
  });

  it('fetches on start and reports ahead/behind without touching the branch', async () => {
    await r.pushFromOther(SECOND, post('Second', 'remote news'));
    await write(r.blog, FIRST, post('First', 'local'));
    sh(r.blog, 'commit', '--quiet', '-am', 'local');
    const head = sh(r.blog, 'rev-parse', 'HEAD');
    const reports: FetchReport[] = [];
    const scheduler = new FetchScheduler(r.blog, { intervalMinutes: 10, onReport: (rep) => reports.push(rep) });
    scheduler.start();
    expect(scheduler.started).toBe(true);
    const report = await scheduler.fetchNow();
    scheduler.stop();
    expect(scheduler.started).toBe(false);
    expect(report).toMatchObject({ ahead: 1, behind: 1, fetched: true, problem: null });
    expect(report!.status.lastFetch).not.toBeNull();
    expect(reports.length).toBeGreaterThanOrEqual(1);
    expect(sh(r.blog, 'rev-parse', 'HEAD')).toBe(head);
    expect(await read(r.blog, SECOND)).not.toContain('remote news');
  });

  it('reports offline without throwing', async () => {
    sh(r.blog, 'remote', 'set-url', 'origin', path.join(r.work, 'gone.git'));
    const report = await new FetchScheduler(r.blog).fetchNow();
    expect(report).toMatchObject({ fetched: false, problem: 'offline' });
  });

  it('does nothing without a remote', async () => {
    sh(r.blog, 'remote', 'remove', 'origin');
    expect(await new FetchScheduler(r.blog).fetchNow()).toBeNull();
  });
});
