/**
 * `syncSite` against real git: a blog clone, a bare remote and a second clone pushing its own
 * changes. After every sync the remote's history must only have grown (no force push).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { requireTool } from '../support/require-tool';
import { syncSite, type SyncStep } from '../../electron/core/git/git-sync';
import { backupRefs } from '../../electron/core/git/backup-ref';
import { FIRST, SECOND, makeRepos, post, read, sh, write, type Repos } from './git-fixture';

describe.skipIf(!requireTool('git'))('syncSite', () => {
  let r: Repos;
  beforeEach(async () => {
    r = await makeRepos();
  });
  afterEach(async () => {
    await r.cleanup();
  });

  it('commits a changed post with a suggested message and pushes it', async () => {
    await write(r.blog, FIRST, post('First', 'line one\nline two, edited\nline three'));
    const steps: SyncStep[] = [];
    const result = await syncSite(r.blog, { onProgress: (s) => steps.push(s) });
    expect(result).toEqual({ status: 'synced', committed: true, pushed: true, ahead: 0 });
    expect(steps).toEqual(['commit', 'backup', 'pull', 'push']);
    expect(sh(r.remote, 'log', '-1', '--format=%s', 'main')).toBe('Update post: First');
    expect(sh(r.remote, 'rev-parse', 'main')).toBe(sh(r.blog, 'rev-parse', 'HEAD'));
    expect(sh(r.blog, 'status', '--porcelain')).toBe('');
    r.checkRemoteGrows();
    // The backup ref points at the commit made before pulling, and is never pushed.
    const [backup] = await backupRefs(r.blog);
    expect(backup).toMatch(/^refs\/postwright\/backup\/\d{8}T\d{9}Z$/);
    expect(sh(r.remote, 'for-each-ref', 'refs/postwright')).toBe('');
  });

  it('uses the given message, and reports nothing to do on a second run', async () => {
    await write(r.blog, '_posts/2024-02-03-new.md', post('Brand New', 'hello'));
    expect(await syncSite(r.blog, { message: 'My words' })).toMatchObject({ status: 'synced', committed: true, pushed: true });
    expect(sh(r.remote, 'log', '-1', '--format=%s', 'main')).toBe('My words');
    expect(await syncSite(r.blog)).toEqual({ status: 'synced', committed: false, pushed: false, ahead: 0 });
    r.checkRemoteGrows();
  });

  it('suggests "Add post: <title>" for a new post', async () => {
    await write(r.blog, '_posts/2024-02-03-new.md', post('Brand New', 'hello'));
    await syncSite(r.blog);
    expect(sh(r.remote, 'log', '-1', '--format=%s', 'main')).toBe('Add post: Brand New');
  });

  for (const mode of ['rebase', 'merge'] as const) {
    it(`keeps both sides when each edits a different post (${mode})`, async () => {
      await r.pushFromOther(SECOND, post('Second', 'alpha\nbeta from coauthor\ngamma'));
      await write(r.blog, FIRST, post('First', 'line one\nline two from me\nline three'));
      const result = await syncSite(r.blog, { mode });
      expect(result).toEqual({ status: 'synced', committed: true, pushed: true, ahead: 0 });
      r.checkRemoteGrows();
      expect(sh(r.remote, 'show', `main:${FIRST}`)).toContain('line two from me');
      expect(sh(r.remote, 'show', `main:${SECOND}`)).toContain('beta from coauthor');
      expect(await read(r.blog, SECOND)).toContain('beta from coauthor');
      const parents = sh(r.remote, 'log', '-1', '--format=%P', 'main').split(' ').length;
      expect(parents).toBe(mode === 'merge' ? 2 : 1);
    });
  }

  it('pulls in remote commits when there is nothing local to commit', async () => {
    await r.pushFromOther(SECOND, post('Second', 'remote only'));
    expect(await syncSite(r.blog)).toEqual({ status: 'synced', committed: false, pushed: false, ahead: 0 });
    expect(await read(r.blog, SECOND)).toContain('remote only');
  });

  it('retries after the push is rejected because the remote moved on', async () => {
    await write(r.blog, FIRST, post('First', 'line one\nmine\nline three'));
    let pushes = 0;
    let raced = false;
    const steps: SyncStep[] = [];
    const result = await syncSite(r.blog, {
      onProgress: (step) => {
        steps.push(step);
        if (step === 'push' && pushes++ === 0) {
          // Someone else pushes between our pull and our push.
          raced = true;
          sh(r.other, 'pull', '--quiet', '--rebase');
          writeFileSync(path.join(r.other, SECOND), post('Second', 'raced in'));
          sh(r.other, 'commit', '--quiet', '-am', 'race');
          sh(r.other, 'push', '--quiet');
          r.remoteHeads.push(sh(r.remote, 'rev-parse', 'main'));
        }
      },
    });
    expect(raced).toBe(true);
    expect(result).toEqual({ status: 'synced', committed: true, pushed: true, ahead: 0 });
    expect(steps).toEqual(['commit', 'backup', 'pull', 'push', 'retry', 'pull', 'push']);
    r.checkRemoteGrows();
    expect(sh(r.remote, 'show', `main:${SECOND}`)).toContain('raced in');
    expect(sh(r.remote, 'show', `main:${FIRST}`)).toContain('mine');
  });

  it('keeps the commit and reports offline when the remote folder is missing', async () => {
    sh(r.blog, 'remote', 'set-url', 'origin', path.join(r.work, 'gone.git'));
    await write(r.blog, FIRST, post('First', 'offline edit'));
    const before = sh(r.blog, 'rev-parse', 'HEAD');
    const result = await syncSite(r.blog);
    expect(result).toEqual({ status: 'offline', committed: true, ahead: 1 });
    expect(sh(r.blog, 'rev-parse', 'HEAD^')).toBe(before);
    expect(sh(r.blog, 'status', '--porcelain')).toBe('');
    expect(await read(r.blog, FIRST)).toContain('offline edit');
  });

  it('reports offline for an unreachable http remote', async () => {
    sh(r.blog, 'remote', 'set-url', 'origin', 'http://127.0.0.1:9/x.git');
    await write(r.blog, FIRST, post('First', 'offline edit'));
    expect(await syncSite(r.blog)).toEqual({ status: 'offline', committed: true, ahead: 1 });
    await write(r.blog, SECOND, post('Second', 'another offline edit'));
    expect(await syncSite(r.blog)).toEqual({ status: 'offline', committed: true, ahead: 2 });
  });

  it('reports an auth failure with the remote (password removed) and a hint', async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="blog"' });
      res.end('auth required');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      sh(r.blog, 'remote', 'set-url', 'origin', `http://someone:secret@127.0.0.1:${port}/blog.git`);
      await write(r.blog, FIRST, post('First', 'needs auth'));
      const result = await syncSite(r.blog);
      expect(result).toMatchObject({ status: 'auth-failed', remote: `http://127.0.0.1:${port}/blog.git`, committed: true });
      if (result.status !== 'auth-failed') throw new Error('unreachable');
      expect(result.hint).toMatch(/credential helper/);
      expect(result.hint).toMatch(/token/);
      expect(JSON.stringify(result)).not.toContain('secret');
    } finally {
      server.close();
    }
  });

  it('reports no-remote (after committing) when the repository has no remote', async () => {
    sh(r.blog, 'remote', 'remove', 'origin');
    await write(r.blog, FIRST, post('First', 'local only'));
    expect(await syncSite(r.blog)).toEqual({ status: 'no-remote', committed: true });
  });

  it('pushes a new branch and sets its upstream', async () => {
    sh(r.blog, 'switch', '--quiet', '-c', 'drafts-work');
    await write(r.blog, '_drafts/idea.md', post('Idea', 'someday'));
    expect(await syncSite(r.blog)).toEqual({ status: 'synced', committed: true, pushed: true, ahead: 0 });
    expect(sh(r.remote, 'log', '-1', '--format=%s', 'drafts-work')).toBe('Add draft: Idea');
    expect(sh(r.blog, 'rev-parse', '--abbrev-ref', '@{upstream}')).toBe('origin/drafts-work');
  });

  it('stages only the chosen paths', async () => {
    await write(r.blog, FIRST, post('First', 'chosen'));
    await write(r.blog, SECOND, post('Second', 'not chosen'));
    expect(await syncSite(r.blog, { paths: [FIRST] })).toMatchObject({ status: 'synced', committed: true, pushed: true });
    expect(sh(r.remote, 'show', `main:${FIRST}`)).toContain('chosen');
    expect(sh(r.remote, 'show', `main:${SECOND}`)).not.toContain('not chosen');
    expect(await read(r.blog, SECOND)).toContain('not chosen');
    expect(sh(r.blog, 'log', '-1', '--format=%s')).toBe('Update post: First');
  });

  it('keeps unrelated uncommitted edits across a rebase pull (autostash)', async () => {
    await r.pushFromOther('_config.yml', 'title: Renamed blog\n');
    await write(r.blog, FIRST, post('First', 'chosen'));
    await write(r.blog, SECOND, post('Second', 'still editing'));
    expect(await syncSite(r.blog, { paths: [FIRST] })).toMatchObject({ status: 'synced', pushed: true });
    expect(await read(r.blog, SECOND)).toContain('still editing');
    expect(await read(r.blog, '_config.yml')).toBe('title: Renamed blog\n');
    r.checkRemoteGrows();
  });

  it('says what to do when the folder is not a repository', async () => {
    const result = await syncSite(r.work);
    expect(result).toMatchObject({ status: 'error', kind: 'not-a-repo' });
    if (result.status === 'error') expect(result.message).toMatch(/git init.*remote/);
  });
});
