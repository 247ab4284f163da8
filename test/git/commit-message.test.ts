/**
 * The default commit messages a sync suggests, as a table, and the title read from front matter.
 */
import { describe, expect, it } from 'vitest';
import { suggestCommitMessage, type CommitChange } from '../../electron/core/git/commit-message';
import { parseNameStatus, titleOfPost } from '../../electron/core/git/staged-changes';

const p = (path: string, state: CommitChange['state'], title?: string): CommitChange => ({ path, state, title });

describe('suggestCommitMessage', () => {
  const table: [CommitChange[], string][] = [
    [[p('_posts/2024-01-02-hello.md', 'new', 'Hello, World')], 'Add post: Hello, World'],
    [[p('_posts/2024-01-02-hello.md', 'new')], 'Add post: 2024-01-02-hello.md'],
    [[p('_posts/2024-01-02-hello.md', 'modified', 'Hello')], 'Update post: Hello'],
    [[p('_posts/2024-01-02-hello.md', 'deleted', 'Hello')], 'Delete post: Hello'],
    [[p('_posts/2024-01-02-hello.md', 'renamed', 'Hello')], 'Rename post: Hello'],
    [[p('blog/_posts/travel/2024-01-02-x.md', 'modified', '  Spaced \n title ')], 'Update post: Spaced title'],
    [[p('_drafts/idea.md', 'new', 'Idea')], 'Add draft: Idea'],
    [[p('_config.yml', 'modified')], 'Update _config.yml'],
    [[p('assets/a.png', 'new')], 'Add assets/a.png'],
    [[p('_posts/2024-01-02-hello.md', 'new', 'Hello'), p('assets/hello.png', 'new')], 'Add post: Hello and 1 other file'],
    [Array.from({ length: 12 }, (_, i) => p(`_posts/2024-01-${10 + i}-p.md`, 'modified')), 'Update 12 posts'],
    [[p('_posts/a/2024-01-01-a.md', 'new'), p('_posts/2024-01-01-b.md', 'new')], 'Add 2 posts'],
    [[p('_posts/2024-01-01-a.md', 'deleted'), p('_posts/2024-01-01-b.md', 'deleted'), p('_posts/2024-01-01-c.md', 'deleted')], 'Delete 3 posts'],
    [[p('_posts/2024-01-01-a.md', 'new'), p('_posts/2024-01-01-b.md', 'modified')], 'Update 2 posts'],
    [[p('_drafts/a.md', 'modified'), p('_drafts/b.md', 'modified')], 'Update 2 drafts'],
    [[p('_drafts/a.md', 'modified'), p('_posts/2024-01-01-b.md', 'modified'), p('_config.yml', 'modified'), p('about.md', 'modified')], 'Update 2 posts and 2 other files'],
    [[p('_config.yml', 'modified'), p('about.md', 'new')], 'Update 2 files'],
    [[], 'Update site'],
  ];
  for (const [changes, message] of table) {
    it(`${message}`, () => {
      expect(suggestCommitMessage(changes)).toBe(message);
    });
  }
});

describe('titleOfPost and parseNameStatus', () => {
  it('reads the front-matter title the way Jekyll does', () => {
    expect(titleOfPost('---\ntitle: "Part 1: The Colon"\n---\nbody\n')).toBe('Part 1: The Colon');
    expect(titleOfPost('\uFEFF---\r\ntitle: 2024\r\n---\r\n')).toBe('2024');
    expect(titleOfPost('no front matter')).toBeNull();
    expect(titleOfPost('---\ntitle: [unclosed\n---\n')).toBeNull();
  });

  it('parses renames and deletions from name-status -z', () => {
    expect(parseNameStatus('M\0a.md\0R087\0old.md\0new.md\0D\0gone.md\0A\0x y.md\0')).toEqual([
      { path: 'a.md', state: 'modified' },
      { path: 'new.md', state: 'renamed' },
      { path: 'gone.md', state: 'deleted' },
      { path: 'x y.md', state: 'new' },
    ]);
  });
});
