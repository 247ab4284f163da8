/**
 * Which remote failure git's stderr describes (auth, offline, rejected push), and the hints
 * shown for each kind of remote URL; plus how many backup refs a sync keeps.
 */
import { describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { requireTool } from '../support/require-tool';
import { authHint, classifyRemoteFailure } from '../../electron/core/git/remote-errors';
import { redactUrl } from '../../electron/core/git/repo-state';
import { backupRefs, createBackupRef, pruneBackupRefs } from '../../electron/core/git/backup-ref';
import { configure, hermeticGit, sh, write } from './git-fixture';

describe('classifyRemoteFailure', () => {
  const table: [string, ReturnType<typeof classifyRemoteFailure>][] = [
    ["fatal: unable to access 'https://github.com/me/blog.git/': Could not resolve host: github.com", 'offline'],
    ["fatal: unable to access 'http://127.0.0.1:9/x.git/': Failed to connect to 127.0.0.1 port 9 after 0 ms: Connection refused", 'offline'],
    ["fatal: '/tmp/gone.git' does not appear to be a git repository\nfatal: Could not read from remote repository.", 'offline'],
    ['ssh: connect to host github.com port 22: Network is unreachable\nfatal: Could not read from remote repository.', 'offline'],
    ['ssh: Could not resolve hostname github.com: Temporary failure in name resolution', 'offline'],
    ["remote: Invalid username or password.\nfatal: Authentication failed for 'https://github.com/me/blog.git/'", 'auth'],
    ['git@github.com: Permission denied (publickey).\nfatal: Could not read from remote repository.', 'auth'],
    ["fatal: could not read Username for 'https://github.com': terminal prompts disabled", 'auth'],
    ["fatal: unable to access 'https://github.com/me/blog.git/': The requested URL returned error: 403", 'auth'],
    ['Host key verification failed.\nfatal: Could not read from remote repository.', 'auth'],
    [" ! [rejected]        main -> main (fetch first)\nerror: failed to push some refs to '/tmp/remote.git'", 'rejected'],
    [' ! [rejected]        main -> main (non-fast-forward)', 'rejected'],
    ['error: Your local changes to the following files would be overwritten by merge', null],
  ];
  for (const [stderr, kind] of table) {
    it(`${kind ?? 'none'}: ${stderr.split('\n')[0].slice(0, 70)}`, () => {
      expect(classifyRemoteFailure(stderr)).toBe(kind);
    });
  }

  it('gives a hint per kind of remote', () => {
    expect(authHint('https://github.com/me/blog.git')).toMatch(/credential helper.*token/);
    expect(authHint('git@github.com:me/blog.git')).toMatch(/ssh-agent.*ssh-add/);
    expect(authHint('ssh://git@host:2222/blog.git')).toMatch(/ssh-agent/);
    expect(authHint('git@github.com:me/blog.git', 'Host key verification failed.')).toMatch(/ssh -T git@github.com/);
    expect(redactUrl('https://me:ghp_secret@github.com/me/blog.git')).toBe('https://github.com/me/blog.git');
    expect(redactUrl('git@github.com:me/blog.git')).toBe('git@github.com:me/blog.git');
  });
});

describe.skipIf(!requireTool('git'))('backup refs', () => {
  it('are unique per sync and pruned to the newest 20', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pw-backup-'));
    try {
      hermeticGit(dir);
      sh(dir, '-c', 'init.defaultBranch=main', 'init', '--quiet');
      configure(dir, 'Blogger');
      await write(dir, 'a.md', 'a\n');
      sh(dir, 'add', '--all');
      sh(dir, 'commit', '--quiet', '-m', 'a');
      const when = new Date('2024-05-06T07:08:09.010Z');
      expect(await createBackupRef(dir, when)).toBe('refs/postwright/backup/20240506T070809010Z');
      expect(await createBackupRef(dir, when)).toBe('refs/postwright/backup/20240506T070809010Z-1');
      for (let i = 0; i < 22; i++) await createBackupRef(dir, new Date(Date.UTC(2024, 0, 1, 0, 0, i)));
      await pruneBackupRefs(dir);
      const kept = await backupRefs(dir);
      expect(kept).toHaveLength(20);
      expect(kept[0]).toBe('refs/postwright/backup/20240506T070809010Z-1');
      expect(kept.at(-1)).toBe('refs/postwright/backup/20240101T000004000Z');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
