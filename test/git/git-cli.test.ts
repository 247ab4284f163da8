/**
 * `postwright status` and `postwright sync` run in-process with a captured CliIo: exit codes,
 * one-line errors and what the user reads.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { requireTool } from '../support/require-tool';
import { UsageError, type CliIo, type Command } from '../../electron/cli/command';
import { statusCommand } from '../../electron/cli/commands/status-command';
import { syncCommand } from '../../electron/cli/commands/sync-command';
import { FIRST, SECOND, makeRepos, post, read, sh, write, type Repos } from './git-fixture';

async function run(command: Command, argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), cwd, env: {} };
  try {
    return { code: await command.run(argv, io), out, err };
  } catch (error) {
    if (error instanceof UsageError) return { code: error.exitCode, out, err: err + `postwright: ${error.message}\n` };
    throw error;
  }
}

describe.skipIf(!requireTool('git'))('postwright status / sync', () => {
  let r: Repos;
  beforeEach(async () => {
    r = await makeRepos();
  });
  afterEach(async () => {
    await r.cleanup();
  });

  it('status prints the branch and changed files, or JSON', async () => {
    await write(r.blog, FIRST, post('First', 'changed'));
    const text = await run(statusCommand, ['blog'], r.work);
    expect(text.code).toBe(0);
    expect(text.out).toContain('on branch main, tracking origin/main: ahead 0, behind 0');
    expect(text.out).toContain(`modified    ${FIRST}`);
    const json = await run(statusCommand, [r.blog, '--json'], r.work);
    expect(JSON.parse(json.out)).toMatchObject({ isRepo: true, branch: 'main', files: [{ path: FIRST, state: 'modified' }] });
  });

  it('status of a folder that is not a repository is one line, exit 2', async () => {
    const res = await run(statusCommand, ['.'], r.work);
    expect(res.code).toBe(2);
    expect(res.err).toMatch(/^postwright: .* is not a git repository: run 'git init'.*\n$/);
    expect((await run(statusCommand, ['missing-folder'], r.work)).err).toMatch(/no such folder/);
    expect((await run(statusCommand, [], r.work)).code).toBe(2);
  });

  it('sync exits 0 when synced', async () => {
    await write(r.blog, FIRST, post('First', 'changed'));
    const res = await run(syncCommand, [r.blog, '-m', 'From the CLI'], r.work);
    expect(res).toMatchObject({ code: 0, out: 'synced: committed and pushed\n' });
    expect(sh(r.remote, 'log', '-1', '--format=%s', 'main')).toBe('From the CLI');
    r.checkRemoteGrows();
  });

  it('sync exits 1 on a conflict, naming the post, keeping local work and pushing nothing', async () => {
    await r.pushFromOther(FIRST, post('First', 'line one\ntheirs\nline three'));
    const remoteHead = sh(r.remote, 'rev-parse', 'main');
    await write(r.blog, FIRST, post('First', 'line one\nmine\nline three'));
    const res = await run(syncCommand, [r.blog], r.work);
    expect(res.code).toBe(1);
    expect(res.err).toContain(`  ${FIRST}\n`);
    expect(res.err).toMatch(/local work is kept.*nothing was pushed/);
    expect(sh(r.remote, 'rev-parse', 'main')).toBe(remoteHead);
    const backup = /backup at (\S+)\)/.exec(res.err)![1];
    expect(sh(r.blog, 'show', `${backup}:${FIRST}`)).toContain('mine');
  });

  it('sync --merge makes a merge commit', async () => {
    await r.pushFromOther(SECOND, post('Second', 'remote'));
    await write(r.blog, FIRST, post('First', 'local'));
    expect((await run(syncCommand, [r.blog, '--merge'], r.work)).code).toBe(0);
    expect(sh(r.remote, 'log', '-1', '--format=%P', 'main').split(' ')).toHaveLength(2);
    expect(await read(r.blog, SECOND)).toContain('remote');
  });

  it('sync exits 3 offline with "committed locally, ahead by N"', async () => {
    sh(r.blog, 'remote', 'set-url', 'origin', path.join(r.work, 'gone.git'));
    await write(r.blog, FIRST, post('First', 'offline'));
    const res = await run(syncCommand, [r.blog], r.work);
    expect(res.code).toBe(3);
    expect(res.err).toContain('committed locally, ahead by 1');
  });

  it('sync exits 4 on an auth failure with the hint', async () => {
    // An ssh remote whose "ssh" refuses the key, as a real server would.
    const fakeSsh = `sh -c 'echo "git@example.com: Permission denied (publickey)." >&2; exit 255' --`;
    sh(r.blog, 'config', 'core.sshCommand', fakeSsh);
    sh(r.blog, 'remote', 'set-url', 'origin', 'git@example.com:me/blog.git');
    await write(r.blog, FIRST, post('First', 'needs a key'));
    const res = await run(syncCommand, [r.blog], r.work);
    expect(res.code).toBe(4);
    expect(res.err).toMatch(/^authentication failed for git@example.com:me\/blog.git .*ssh-agent.*ssh-add/);
  });

  it('sync of a folder that is not a repository is a one-line usage error', async () => {
    const res = await run(syncCommand, ['.'], r.work);
    expect(res.code).toBe(2);
    expect(res.err.trim().split('\n')).toHaveLength(1);
    expect((await run(syncCommand, [r.blog, '--force'], r.work)).code).toBe(2);
  });
});
