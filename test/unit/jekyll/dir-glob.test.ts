/** Ruby's Dir.glob patterns as the defaults scopes use them (see shared/jekyll/dir-glob.ts). */
import { describe, expect, it } from 'vitest';
import { compileDirGlob } from '../../../shared/jekyll/dir-glob';

const matches = (pattern: string, path: string) => {
  const glob = compileDirGlob(pattern);
  return glob !== null && glob.regex.test(path);
};

describe('compileDirGlob', () => {
  it.each([
    ['notes/*/_posts', 'notes/kitchen/_posts', true],
    ['notes/*/_posts', 'notes/a/b/_posts', false],
    ['notes/*', 'notes/.hidden', false],
    ['notes/.*', 'notes/.hidden', true],
    ['*.md', '.md', false],
    ['_posts/*.markdown', '_posts/2020-01-01-a.markdown', true],
    ['_posts/2019*', '_posts/2019-05-05-a.md', true],
    ['a*b', 'a.x.b', true],
    ['**/deep', 'deep', true],
    ['**/deep', 'x/y/deep', true],
    ['**/deep', '.x/deep', false],
    ['{food,shed}/*', 'shed/_posts', true],
    ['{food,shed}/*', 'barn/_posts', false],
    ['x{a,{b,c}}/*', 'xc/y', true],
    ['file?.md', 'file1.md', true],
    ['file?.md', 'file/.md', false],
    ['[ab]*', 'b-side', true],
    ['[!ab]*', 'b-side', false],
    ['[!ab]*', 'c-side', true],
    ['a\\*b/*', 'a*b/c', true],
    ['a\\*b/*', 'axb/c', false],
    ['./notes/*', 'notes/kitchen', true],
    ['notes/./*', 'notes/kitchen', true],
    ['a.b/*', 'axb/c', false],
    ['(x)/*', '(x)/y', true],
  ])('%s on %s: %s', (pattern, path, expected) => {
    expect(matches(pattern, path)).toBe(expected);
  });

  it.each([['/etc/*'], ['../*'], ['a/../*']])('%s can find nothing in the site', (pattern) => {
    expect(compileDirGlob(pattern)).toBeNull();
  });

  it('a trailing slash finds folders only', () => {
    expect(compileDirGlob('notes/*/')).toMatchObject({ foldersOnly: true });
    expect(compileDirGlob('notes/*')).toMatchObject({ foldersOnly: false });
  });
});
