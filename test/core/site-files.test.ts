/**
 * The preview's site-file route serves images of the site and nothing in a hidden folder, by name
 * or through a link committed into the site (`assets/x.png -> ../.git/config`).
 */
import { describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readSiteFile } from '../../electron/core/service/site-files';

async function siteWithLinks(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'pw-site-files-'));
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await mkdir(path.join(root, '.git'), { recursive: true });
  await writeFile(path.join(root, '.git', 'config'), '[remote "origin"]\n  url = https://user:secret@example.com/x.git\n');
  await writeFile(path.join(root, '.git', 'logo.png'), 'hidden');
  await writeFile(path.join(root, 'assets', 'a.png'), 'png bytes');
  await symlink('../.git/config', path.join(root, 'assets', 'config.png'));
  await symlink('../.git', path.join(root, 'assets', 'gitdir'));
  await symlink('a.png', path.join(root, 'assets', 'alias.png'));
  return root;
}

describe('readSiteFile', () => {
  it.each([
    ['assets/a.png', 'png bytes'],
    ['assets/alias.png', 'png bytes'],
    ['assets/config.png', null],
    ['assets/gitdir/logo.png', null],
    ['.git/logo.png', null],
    ['../etc/passwd.png', null],
    ['assets/missing.png', null],
    ['assets/a.txt', null],
  ])('%s → %s', async (rel, expected) => {
    const root = await siteWithLinks();
    const file = await readSiteFile(root, rel);
    expect(file ? file.bytes.toString('utf8') : null).toBe(expected);
  });
});
