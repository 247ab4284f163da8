/**
 * Status parsing (a table of porcelain v2 records), `gitStatus` and `diffPost` on real
 * repositories, and `runGit`'s typed errors.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rename, rm, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { requireTool } from '../support/require-tool';
import { parsePorcelainV2, type PorcelainStatus } from '../../electron/core/git/porcelain-status';
import { gitStatus } from '../../electron/core/git/git-status';
import { diffPost } from '../../electron/core/git/diff-post';
import { GitError, runGit } from '../../electron/core/git/run-git';
import { FIRST, SECOND, hermeticGit, makeRepos, post, sh, write, type Repos } from './git-fixture';

const OID = 'a'.repeat(40);
const M = '100644 100644 100644';
const H = `${OID} ${OID}`;

describe('parsePorcelainV2', () => {
  const table: [string, string[], Partial<PorcelainStatus>][] = [
    ['branch headers', ['# branch.oid ' + OID, '# branch.head main', '# branch.upstream origin/main', '# branch.ab +2 -5'], { head: OID, branch: 'main', upstream: 'origin/main', ahead: 2, behind: 5, files: [] }],
    ['a fresh repository', ['# branch.oid (initial)', '# branch.head main'], { head: null, branch: 'main', upstream: null, ahead: 0, behind: 0 }],
    ['detached HEAD', ['# branch.oid ' + OID, '# branch.head (detached)'], { branch: null }],
    ['modified in the working folder', [`1 .M N... ${M} ${H} _posts/a.md`], { files: [{ path: '_posts/a.md', state: 'modified', staged: false }] }],
    ['modified and staged', [`1 M. N... ${M} ${H} _posts/a.md`], { files: [{ path: '_posts/a.md', state: 'modified', staged: true }] }],
    ['added', [`1 A. N... 000000 100644 100644 ${H} _posts/new post.md`], { files: [{ path: '_posts/new post.md', state: 'new', staged: true }] }],
    ['deleted', [`1 .D N... ${M} ${H} _posts/gone.md`, `1 D. N... 100644 000000 000000 ${H} x.md`], { files: [{ path: '_posts/gone.md', state: 'deleted', staged: false }, { path: 'x.md', state: 'deleted', staged: true }] }],
    ['renamed (the old path follows)', [`2 R. N... ${M} ${H} R100 _posts/2024-01-01-new-name.md`, '_posts/2024-01-01-old name.md'], { files: [{ path: '_posts/2024-01-01-new-name.md', from: '_posts/2024-01-01-old name.md', state: 'renamed', staged: true }] }],
    ['conflicted', [`u UU N... 100644 100644 100644 100644 ${OID} ${OID} ${OID} _posts/a b.md`], { files: [{ path: '_posts/a b.md', state: 'conflicted', staged: false }] }],
    ['untracked and ignored', ['? _drafts/idée.md', '! _site/index.html'], { files: [{ path: '_drafts/idée.md', state: 'new', staged: false }] }],
  ];
  for (const [name, records, expected] of table) {
    it(name, () => {
      expect(parsePorcelainV2(records.join('\0') + '\0')).toMatchObject(expected);
    });
  }
});

describe.skipIf(!requireTool('git'))('gitStatus and diffPost', () => {
  let r: Repos;
  beforeEach(async () => {
    r = await makeRepos();
  });
  afterEach(async () => {
    await r.cleanup();
  });

  it('reports a clean repository with its upstream and no fetch yet', async () => {
    expect(await gitStatus(r.blog)).toEqual({ isRepo: true, branch: 'main', upstream: 'origin/main', ahead: 0, behind: 0, files: [], lastFetch: null, operation: null });
  });

  it('lists new, modified, deleted and renamed files', async () => {
    await write(r.blog, '_posts/2024-03-01-new one.md', post('New', 'x'));
    await write(r.blog, FIRST, post('First', 'changed'));
    await unlink(path.join(r.blog, SECOND));
    await write(r.blog, '_posts/deep/2024-03-02-n.md', 'x\n');
    sh(r.blog, 'mv', '_config.yml', 'config-old.yml');
    const status = await gitStatus(r.blog);
    const byPath = Object.fromEntries(status.files.map((f) => [f.path, f.state]));
    expect(byPath).toEqual({
      '_posts/2024-03-01-new one.md': 'new',
      '_posts/deep/2024-03-02-n.md': 'new',
      [FIRST]: 'modified',
      [SECOND]: 'deleted',
      'config-old.yml': 'renamed',
    });
    expect(status.files.find((f) => f.state === 'renamed')?.from).toBe('_config.yml');
  });

  it('counts ahead and behind after a fetch, and records when it fetched', async () => {
    await r.pushFromOther(SECOND, post('Second', 'remote'));
    await write(r.blog, FIRST, post('First', 'local'));
    sh(r.blog, 'commit', '--quiet', '-am', 'local');
    sh(r.blog, 'fetch', '--quiet');
    const status = await gitStatus(r.blog);
    expect(status).toMatchObject({ ahead: 1, behind: 1 });
    expect(Date.now() - Date.parse(status.lastFetch!)).toBeLessThan(60_000);
  });

  it('answers isRepo: false outside a repository', async () => {
    const plain = await mkdtemp(path.join(os.tmpdir(), 'pw-plain-'));
    try {
      expect(await gitStatus(plain)).toMatchObject({ isRepo: false, files: [] });
    } finally {
      await rm(plain, { recursive: true, force: true });
    }
  });

  it('diffs a changed post, a new post and an unchanged post against HEAD', async () => {
    await write(r.blog, FIRST, post('First', 'line one\nline 2\nline three'));
    const diff = await diffPost(r.blog, FIRST);
    expect(diff).toContain(`--- a/${FIRST}`);
    expect(diff).toContain('-line two\n+line 2\n');
    expect(await diffPost(r.blog, SECOND)).toBe('');
    await write(r.blog, '_posts/2024-05-05-fresh.md', 'hello\n');
    const fresh = await diffPost(r.blog, '_posts/2024-05-05-fresh.md');
    expect(fresh).toContain('+++ b/_posts/2024-05-05-fresh.md');
    expect(fresh).toContain('+hello');
    await expect(diffPost(r.blog, '../outside.md')).rejects.toThrow(/outside/);
  });

  it('shows a deleted post as all removed lines', async () => {
    await unlink(path.join(r.blog, SECOND));
    expect(await diffPost(r.blog, SECOND)).toContain('-beta');
  });

  it('shows a renamed post as deleted at its old path', async () => {
    await rename(path.join(r.blog, SECOND), path.join(r.blog, '_posts/2024-01-02-renamed.md'));
    expect(await diffPost(r.blog, SECOND)).toContain('deleted file mode');
  });
});

describe.skipIf(!requireTool('git'))('runGit errors', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'pw-rungit-'));
    hermeticGit(dir);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function caught(promise: Promise<unknown>): Promise<GitError> {
    const error = await promise.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    return error as GitError;
  }

  it('says how to make a folder a repository', async () => {
    const error = await caught(runGit(dir, ['status']));
    expect(error.kind).toBe('not-a-repo');
    expect(error.message).toMatch(/git init.*git remote add origin/);
  });

  it('tells a missing folder from a missing git', async () => {
    expect((await caught(runGit(path.join(dir, 'nope'), ['status']))).kind).toBe('no-folder');
    const saved = process.env.PATH;
    process.env.PATH = path.join(dir, 'empty-bin');
    try {
      const error = await caught(runGit(dir, ['--version']));
      expect(error.kind).toBe('git-missing');
      expect(error.message).toMatch(/install git/);
    } finally {
      process.env.PATH = saved;
    }
  });

  it('stops on timeout and on abort', async () => {
    sh(dir, '-c', 'init.defaultBranch=main', 'init', '--quiet');
    const slow = ['-c', 'alias.slow=!sleep 5', 'slow'];
    const started = Date.now();
    expect((await caught(runGit(dir, slow, { timeoutMs: 200 }))).kind).toBe('timeout');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    expect((await caught(runGit(dir, slow, { signal: controller.signal }))).kind).toBe('aborted');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('runs without prompts, in the C locale, and returns the exit code', async () => {
    sh(dir, '-c', 'init.defaultBranch=main', 'init', '--quiet');
    const out = await runGit(dir, ['var', 'GIT_EDITOR']);
    expect(out.stdout.trim()).toBe('true');
    const bad = await runGit(dir, ['rev-parse', '--verify', 'nope']);
    expect(bad.code).toBe(128);
    expect(bad.stderr).toMatch(/fatal: Needed a single revision/);
  });
});
