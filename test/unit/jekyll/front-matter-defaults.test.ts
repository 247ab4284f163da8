/**
 * `defaults:` scopes as Jekyll 4.3 applies them (the oracle test checks the same rules against
 * Jekyll itself on test/fixtures/sites/defaults-scopes and collections-dir).
 */
import { describe, expect, it } from 'vitest';
import { defaultsFor } from '../../../shared/jekyll/front-matter-defaults';
import type { FrontMatterDefault } from '../../../shared/jekyll/site-types';

const defaults: FrontMatterDefault[] = [
  { scope: { path: '' }, values: { layout: 'default', banner: { overlay: 'dark' } } },
  { scope: { path: '', type: 'posts' }, values: { layout: 'post', comments: true } },
  { scope: { path: 'travel/' }, values: { layout: 'journey', banner: { image: 'road.jpg' } } },
  { scope: { path: './garden' }, values: { layout: 'never' } },
  { scope: { path: '/shed' }, values: { layout: 'never' } },
  { scope: { path: '_posts/2019' }, values: { year: 2019 } },
  { scope: { path: 'notes/*/_posts' }, values: { kind: 'note' } },
  { scope: { path: '_drafts', type: 'pages' }, values: { draftPage: true } },
];

const post = { layout: 'post', banner: { overlay: 'dark' }, comments: true };

describe('defaultsFor', () => {
  it.each([
    ['a post at the top', '_posts/2020-01-01-a.md', 'posts', post],
    ['a page gets no posts scope', 'about.md', 'pages', { layout: 'default', banner: { overlay: 'dark' } }],
    ['a folder scope with a trailing slash, maps merged', 'travel/_posts/2020-01-01-b.md', 'posts', { ...post, layout: 'journey', banner: { overlay: 'dark', image: 'road.jpg' } }],
    ['a scope written ./garden matches nothing', 'garden/_posts/2020-01-01-b.md', 'posts', post],
    ['a scope written /shed matches nothing', 'shed/_posts/2020-01-01-b.md', 'posts', post],
    ['a prefix that ends inside a file name', '_posts/2019-05-05-c.md', 'posts', { ...post, year: 2019 }],
    ['the same prefix as a folder', '_posts/2019/2019-05-05-c.md', 'posts', { ...post, year: 2019 }],
    ['a glob scope applies under the folders it finds', 'notes/kitchen/_posts/2020-01-01-d.md', 'posts', { ...post, kind: 'note' }],
    ['a glob whose * needs a folder name', 'notes/_posts/2020-01-01-d.md', 'posts', post],
    ['a glob does not find hidden folders', 'notes/.cellar/_posts/2020-01-01-d.md', 'posts', post],
    ['a type that does not match', '_drafts/e.md', 'posts', post],
  ])('%s', (_name, sitePath, type, expected) => {
    expect(defaultsFor(defaults, sitePath, type)).toEqual(expected);
  });

  it('with collections_dir:, scope paths and file paths are both taken inside that folder', () => {
    const list: FrontMatterDefault[] = [
      { scope: { path: 'coll/_posts' }, values: { a: 1 } },
      { scope: { path: 'sub' }, values: { b: 2 } },
      { scope: { path: '*/kitchen' }, values: { c: 3 } },
    ];
    expect(defaultsFor(list, 'coll/_posts/2020-01-01-a.md', 'posts', 'coll')).toEqual({ a: 1 });
    expect(defaultsFor(list, 'coll/sub/_posts/2020-01-01-a.md', 'posts', 'coll')).toEqual({ b: 2 });
    expect(defaultsFor(list, 'coll/kitchen/_posts/2020-01-01-a.md', 'posts', 'coll')).toEqual({ c: 3 });
    // The same list for a site without the folder: prepared again, not taken from the first.
    expect(defaultsFor(list, 'coll/_posts/2020-01-01-a.md', 'posts', '')).toEqual({ a: 1 });
    expect(defaultsFor(list, 'coll/sub/_posts/2020-01-01-a.md', 'posts', '')).toEqual({});
  });

  it('merges once per combination of scopes: posts under the same scopes share one result', () => {
    expect(defaultsFor(defaults, '_posts/2021-01-01-b.md', 'posts')).toBe(defaultsFor(defaults, '_posts/2020-01-01-a.md', 'posts'));
  });
});
