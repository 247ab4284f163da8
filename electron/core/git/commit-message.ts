/**
 * `suggestCommitMessage(changes)`: a readable default message for a sync commit.
 *
 * Bloggers rarely write commit messages; "Add post: My Trip to Lisbon" or "Update 12 posts"
 * keeps the blog's history useful without asking them to.
 */
import type { FileState } from './porcelain-status';

export interface CommitChange {
  /** Relative to the repository's top folder. */
  path: string;
  state: FileState;
  /** The post's title when known (front matter); the file name is used otherwise. */
  title?: string | null;
}

type Verb = 'Add' | 'Update' | 'Delete' | 'Rename';

const VERB: Record<FileState, Verb> = { new: 'Add', modified: 'Update', deleted: 'Delete', renamed: 'Rename', conflicted: 'Update' };

/** True for files under `_posts/` or `_drafts/` at any depth (Jekyll's rule). */
export function isPostPath(file: string): boolean {
  return /(^|\/)_(posts|drafts)\//.test(file);
}

function kindOf(file: string): 'post' | 'draft' | 'file' {
  if (/(^|\/)_drafts\//.test(file)) return 'draft';
  return isPostPath(file) ? 'post' : 'file';
}

function nameOf(change: CommitChange): string {
  const title = change.title?.trim().replace(/\s+/g, ' ');
  return title || change.path.slice(change.path.lastIndexOf('/') + 1);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * One line, e.g. "Add post: Hello", "Add post: Hello and 1 other file" (its image), "Update 12 posts",
 * "Delete draft: x.md", "Update _config.yml", "Update 3 files".
 */
export function suggestCommitMessage(changes: readonly CommitChange[]): string {
  if (changes.length === 0) return 'Update site';
  if (changes.length === 1 && kindOf(changes[0].path) === 'file') return `${VERB[changes[0].state]} ${changes[0].path}`;
  const posts = changes.filter((c) => kindOf(c.path) !== 'file');
  const others = changes.length - posts.length;
  const tail = others ? ` and ${plural(others, 'other file')}` : '';
  if (posts.length === 0) return `Update ${plural(others, 'file')}`;
  if (posts.length === 1) return `${VERB[posts[0].state]} ${kindOf(posts[0].path)}: ${nameOf(posts[0])}${tail}`;
  const verbs = new Set(posts.map((c) => VERB[c.state]));
  const word = posts.every((c) => kindOf(c.path) === 'draft') ? 'draft' : 'post';
  const head = verbs.size === 1 ? `${[...verbs][0]} ${plural(posts.length, word)}` : `Update ${plural(posts.length, word)}`;
  return head + tail;
}
