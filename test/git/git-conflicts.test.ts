/**
 * Both sides edit the same line: the sync stops with every local byte kept, shows mine and
 * theirs the right way round (in rebase and merge mode), and can be resolved with mine, with
 * theirs, with edited text, or aborted back to exactly the state before the sync.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requireTool } from '../support/require-tool';
import { syncSite } from '../../electron/core/git/git-sync';
import { abortSync, conflictVersions, continueSync, resolveConflict } from '../../electron/core/git/git-conflicts';
import { gitStatus } from '../../electron/core/git/git-status';
import { FIRST, SECOND, makeRepos, post, read, sh, write, type Repos } from './git-fixture';

const MINE = post('First', 'line one\nline two by me\nline three');
const THEIRS = post('First', 'line one\nline two by coauthor\nline three');

for (const mode of ['rebase', 'merge'] as const) {
  describe.skipIf(!requireTool('git'))(`conflicts (${mode})`, () => {
    let r: Repos;
    let remoteBefore: string;

    beforeEach(async () => {
      r = await makeRepos({ pullRebase: mode === 'rebase' });
      await r.pushFromOther(FIRST, THEIRS);
      remoteBefore = sh(r.remote, 'rev-parse', 'main');
      await write(r.blog, FIRST, MINE);
      await write(r.blog, SECOND, post('Second', 'alpha\nbeta by me\ngamma'));
    });
    afterEach(async () => {
      await r.cleanup();
    });

    async function conflicted() {
      const result = await syncSite(r.blog, { mode });
      expect(result.status).toBe('conflict');
      if (result.status !== 'conflict') throw new Error('expected a conflict');
      expect(result.files).toEqual([FIRST]);
      expect(result.backupRef).toMatch(/^refs\/postwright\/backup\//);
      // Nothing was pushed; the local commit is kept at the backup ref.
      expect(sh(r.remote, 'rev-parse', 'main')).toBe(remoteBefore);
      expect(sh(r.blog, 'show', `${result.backupRef}:${FIRST}`)).toBe(MINE.trimEnd());
      expect(sh(r.blog, 'show', `${result.backupRef}:${SECOND}`)).toContain('beta by me');
      return result;
    }

    it('reports the conflict and names mine = local, theirs = remote', async () => {
      await conflicted();
      const status = await gitStatus(r.blog);
      expect(status.operation).toBe(mode);
      expect(status.files).toContainEqual({ path: FIRST, state: 'conflicted', staged: false });
      const v = await conflictVersions(r.blog, FIRST);
      expect(v.mine).toBe(MINE);
      expect(v.theirs).toBe(THEIRS);
      expect(v.base).toBe(post('First', 'line one\nline two\nline three'));
      expect(v.merged).toContain('<<<<<<<');
      expect(v.merged).toContain('line two by me');
      expect(v.merged).toContain('line two by coauthor');
    });

    const resolutions: [string, (v: { mine: string; theirs: string }) => string][] = [
      ['mine', (v) => v.mine],
      ['theirs', (v) => v.theirs],
      ['edited text', () => post('First', 'line one\nline two by both of us\nline three')],
    ];
    for (const [name, choose] of resolutions) {
      it(`resolves with ${name}, continues and pushes`, async () => {
        await conflicted();
        const v = await conflictVersions(r.blog, FIRST);
        const text = choose({ mine: v.mine!, theirs: v.theirs! });
        await resolveConflict(r.blog, FIRST, text);
        const result = await continueSync(r.blog, { mode });
        expect(result).toEqual({ status: 'synced', committed: true, pushed: true, ahead: 0 });
        r.checkRemoteGrows();
        expect(await read(r.blog, FIRST)).toBe(text);
        expect(sh(r.remote, 'show', `main:${FIRST}`)).toBe(text.trimEnd());
        // The cleanly merged second post came along.
        expect(sh(r.remote, 'show', `main:${SECOND}`)).toContain('beta by me');
        expect(sh(r.blog, 'status', '--porcelain')).toBe('');
        expect((await gitStatus(r.blog)).operation).toBeNull();
      });
    }

    it('refuses to continue while a file is still conflicted', async () => {
      const first = await conflicted();
      expect(await continueSync(r.blog, { mode })).toEqual({ status: 'conflict', files: [FIRST], backupRef: first.backupRef });
      expect(await syncSite(r.blog, { mode })).toMatchObject({ status: 'error' });
    });

    it('aborts back to exactly the state before the sync', async () => {
      await conflicted();
      const backup = await abortSync(r.blog);
      expect(backup.aborted).toBe(true);
      expect(backup.head).toBe(sh(r.blog, 'rev-parse', backup.backupRef!));
      expect(sh(r.blog, 'symbolic-ref', '--short', 'HEAD')).toBe('main');
      expect(sh(r.blog, 'status', '--porcelain')).toBe('');
      expect(await read(r.blog, FIRST)).toBe(MINE);
      expect(await read(r.blog, SECOND)).toBe(post('Second', 'alpha\nbeta by me\ngamma'));
      expect(sh(r.remote, 'rev-parse', 'main')).toBe(remoteBefore);
      expect((await gitStatus(r.blog)).operation).toBeNull();
      expect(await abortSync(r.blog)).toMatchObject({ aborted: false });
    });

    it('restores uncommitted edits outside the chosen paths when aborting', async () => {
      await write(r.blog, '_config.yml', 'title: Unsaved idea\n');
      const result = await syncSite(r.blog, { mode, paths: ['_posts'] });
      expect(result.status).toBe('conflict');
      await abortSync(r.blog);
      expect(await read(r.blog, '_config.yml')).toBe('title: Unsaved idea\n');
      expect(await read(r.blog, FIRST)).toBe(MINE);
      expect(sh(r.blog, 'status', '--porcelain')).toBe('M _config.yml');
    });
  });
}

describe.skipIf(!requireTool('git'))('conflicts: taking the remote version of the only change', () => {
  it('skips the emptied local commit during a rebase and ends up equal to the remote', async () => {
    const r = await makeRepos();
    try {
      await r.pushFromOther(FIRST, THEIRS);
      await write(r.blog, FIRST, MINE);
      expect((await syncSite(r.blog)).status).toBe('conflict');
      const v = await conflictVersions(r.blog, FIRST);
      await resolveConflict(r.blog, FIRST, v.theirs);
      expect(await continueSync(r.blog)).toEqual({ status: 'synced', committed: true, pushed: false, ahead: 0 });
      expect(sh(r.blog, 'rev-parse', 'HEAD')).toBe(sh(r.remote, 'rev-parse', 'main'));
      expect(await read(r.blog, FIRST)).toBe(THEIRS);
      r.checkRemoteGrows();
      // The local version is still reachable from the backup ref.
      const [backup] = sh(r.blog, 'for-each-ref', '--format=%(refname)', 'refs/postwright/backup/').split('\n');
      expect(sh(r.blog, 'show', `${backup}:${FIRST}`)).toBe(MINE.trimEnd());
    } finally {
      await r.cleanup();
    }
  });
});
