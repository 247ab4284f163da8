/**
 * What the next commit will contain, as `CommitChange`s with post titles filled in.
 *
 * The default commit message names the post by its title ("Add post: My Trip"), so the titles
 * are read from the staged text: the index version, or the last commit's for a deleted post.
 */
import { git, runGit } from './run-git';
import { isPostPath, type CommitChange } from './commit-message';
import type { FileState } from './porcelain-status';
import { frontMatterData } from '../../../shared/front-matter/read-front-matter';

const STATUS_LETTER: Record<string, FileState> = { A: 'new', M: 'modified', D: 'deleted', R: 'renamed', C: 'new', T: 'modified', U: 'conflicted' };

/** Parses `git diff --cached --name-status -z -M`. */
export function parseNameStatus(output: string): CommitChange[] {
  const fields = output.split('\0');
  const changes: CommitChange[] = [];
  for (let i = 0; i < fields.length; i++) {
    const code = fields[i];
    if (!code) continue;
    const state = STATUS_LETTER[code[0]] ?? 'modified';
    if (code[0] === 'R' || code[0] === 'C') {
      i += 2;
      changes.push({ path: fields[i], state });
    } else {
      changes.push({ path: fields[++i], state });
    }
  }
  return changes;
}

/** The title in a post's front matter, or null. */
export function titleOfPost(text: string): string | null {
  const title = frontMatterData(text).title;
  return typeof title === 'string' || typeof title === 'number' ? String(title) : null;
}

/** The staged changes; titles are read when exactly one post changed (the only time they show). */
export async function stagedChanges(root: string): Promise<CommitChange[]> {
  const { stdout } = await git(root, ['-c', 'core.quotePath=false', 'diff', '--cached', '--name-status', '-z', '-M', '--no-ext-diff']);
  const changes = parseNameStatus(stdout);
  const posts = changes.filter((c) => isPostPath(c.path));
  if (posts.length === 1) {
    const post = posts[0];
    const source = post.state === 'deleted' ? `HEAD:${post.path}` : `:0:${post.path}`;
    const shown = await runGit(root, ['show', source]);
    if (shown.code === 0) post.title = titleOfPost(shown.stdout);
  }
  return changes;
}
