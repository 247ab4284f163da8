/**
 * While a sync is stopped on a conflict, the conflict calls reach exactly the files git reports
 * unmerged: the conflicted post can be shown and resolved, while `.git/config`, `_config.yml`
 * and a post without a conflict are refused and stay as they were.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CoreService } from '../../electron/core/service/dispatch';
import { startService } from '../support/service-harness';
import { requireTool } from '../support/require-tool';
import { FIRST, SECOND, makeRepos, post, write, type Repos } from '../git/git-fixture';
import { directCaller, type RawCaller } from './reach-support';

describe.skipIf(!requireTool('git'))('conflict calls while a sync is stopped on a conflict', () => {
  let r: Repos;
  let service: CoreService;
  let call: RawCaller;

  beforeEach(async () => {
    r = await makeRepos();
    await r.pushFromOther(FIRST, post('First', 'line one\nline two by coauthor\nline three'));
    await write(r.blog, FIRST, post('First', 'line one\nline two by me\nline three'));
    service = await startService();
    call = directCaller(service);
    // Opening starts a background fetch; let it finish so it cannot race the sync for the refs.
    const fetched = new Promise<void>((resolve) => {
      const off = service.subscribe((event) => event === 'git-status' && (off(), resolve()));
      setTimeout(() => (off(), resolve()), 15_000);
    });
    expect((await call('openSite', { path: r.blog })).ok).toBe(true);
    await fetched;
  });
  afterEach(async () => {
    await service.close();
    await r.cleanup();
  });

  it('shows and resolves only the unmerged file', async () => {
    const synced = await call('syncSite', {});
    expect(synced).toMatchObject({ ok: true, result: { status: 'conflict', files: [FIRST] } });
    const gitConfig = await readFile(path.join(r.blog, '.git', 'config'), 'utf8');
    const siteConfig = await readFile(path.join(r.blog, '_config.yml'), 'utf8');

    expect(await call('getConflict', { path: '.git/config' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await call('getConflict', { path: '_config.yml' })).toMatchObject({ ok: false, status: 409, code: 'conflict' });
    expect(await call('resolveConflict', { path: '.git/config', text: '[core]\n' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await call('resolveConflict', { path: '_config.yml', text: 'title: taken\n' })).toMatchObject({ ok: false, status: 409, code: 'conflict' });
    expect(await call('resolveConflict', { path: SECOND, text: 'x' })).toMatchObject({ ok: false, status: 409, code: 'conflict' });
    expect(await call('resolveConflict', { path: `../${path.basename(r.blog)}/${FIRST}`, text: 'x' })).toMatchObject({ ok: false, code: 'outside-site' });
    expect(await readFile(path.join(r.blog, '.git', 'config'), 'utf8')).toBe(gitConfig);
    expect(await readFile(path.join(r.blog, '_config.yml'), 'utf8')).toBe(siteConfig);

    const view = await call('getConflict', { path: FIRST });
    expect(view.ok && (view.result as { mine: string }).mine).toContain('line two by me');
    const resolved = post('First', 'line one\nline two by both of us\nline three');
    expect(await call('resolveConflict', { path: FIRST, text: resolved })).toMatchObject({ ok: true });
    expect(await readFile(path.join(r.blog, FIRST), 'utf8')).toBe(resolved);
    // Resolved, so no longer a file git reports unmerged.
    expect(await call('resolveConflict', { path: FIRST, text: 'again' })).toMatchObject({ ok: false, code: 'conflict' });
    expect(await call('continueSync', {})).toMatchObject({ ok: true, result: { status: 'synced' } });
    expect(await call('getConflict', { path: FIRST })).toMatchObject({ ok: false, code: 'conflict' });
  });
});
