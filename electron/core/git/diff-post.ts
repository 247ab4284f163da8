/**
 * `diffPost(root, path)`: the unified diff of one file against the last commit.
 *
 * The editor shows it before a sync ("what will I publish?"); a new, untracked post has no
 * HEAD version, so it is diffed against nothing and shows as all added lines.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { normaliseRelPath } from '../store/confine';
import { git, runGit } from './run-git';
import { headCommit } from './repo-state';

const DIFF_FLAGS = ['--no-color', '--no-ext-diff', '--no-textconv'];

/** Unified diff text of `relPath` (relative to `root`) against HEAD; '' when unchanged. */
export async function diffPost(root: string, relPath: string): Promise<string> {
  const rel = normaliseRelPath(relPath);
  const hasHead = (await headCommit(root)) !== null;
  const tracked = hasHead && (await runGit(root, ['cat-file', '-e', `HEAD:./${rel}`])).code === 0;
  if (tracked) return (await git(root, ['diff', ...DIFF_FLAGS, 'HEAD', '--', rel])).stdout;
  if (!(await isFile(path.join(root, rel)))) return '';
  // Not in HEAD: compare with nothing. `--no-index` exits 1 when the files differ.
  const out = await git(root, ['diff', ...DIFF_FLAGS, '--no-index', '--', '/dev/null', rel], { okCodes: [1] });
  return out.stdout;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** Texts larger than this are not shown side by side (the unified diff still is). */
const MAX_SIDE_BYTES = 2 * 1024 * 1024;

/**
 * The last commit's text and the working file's text of `relPath`, for a side-by-side view;
 * null for a side that does not exist (a new or a deleted file) or is too large to show.
 */
export async function diffSides(root: string, relPath: string): Promise<{ before: string | null; after: string | null }> {
  const rel = normaliseRelPath(relPath);
  const hasHead = (await headCommit(root)) !== null;
  const shown = hasHead ? await runGit(root, ['show', '--no-textconv', `HEAD:./${rel}`]) : null;
  const before = shown && shown.code === 0 && shown.stdout.length <= MAX_SIDE_BYTES ? shown.stdout : null;
  let after: string | null = null;
  const file = path.join(root, ...rel.split('/'));
  if (await isFile(file)) {
    const bytes = await readFile(file);
    if (bytes.length <= MAX_SIDE_BYTES) after = bytes.toString('utf8');
  }
  return { before, after };
}
