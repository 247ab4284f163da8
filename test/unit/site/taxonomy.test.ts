import { describe, expect, it } from 'vitest';
import { collectTaxonomy } from '../../../shared/site/taxonomy';
import type { PostRecord } from '../../../shared/jekyll/site-types';

const base: PostRecord = {
  path: '',
  draft: false,
  title: '',
  date: '2024-01-01T00:00:00+00:00',
  slug: '',
  categories: [],
  tags: [],
  published: true,
  layout: null,
  url: '',
};
const post = (path: string, over: Partial<PostRecord>): PostRecord => ({ ...base, path, ...over });

describe('collectTaxonomy', () => {
  const records = [
    post('a', { tags: ['jekyll', 'ruby'], categories: ['Field Notes'], date: '2024-02-01T00:00:00+00:00' }),
    post('b', { tags: ['jekyll'], categories: ['Field Notes', 'Code'] }),
    post('c', { tags: ['hidden'], published: false }),
    post('d', { tags: ['drafty'], draft: true }),
    post('e', { tags: ['broken'], error: '1:1: bad' }),
  ];

  it('counts what Jekyll publishes, most used first, newest post first', () => {
    const t = collectTaxonomy(records);
    expect(t.tags).toEqual([
      { name: 'jekyll', count: 2, posts: ['a', 'b'] },
      { name: 'ruby', count: 1, posts: ['a'] },
    ]);
    expect(t.categories.map((c) => [c.name, c.count])).toEqual([
      ['Field Notes', 2],
      ['Code', 1],
    ]);
  });

  it('includes drafts and unpublished posts when asked', () => {
    const names = collectTaxonomy(records, { drafts: true, unpublished: true }).tags.map((t) => t.name);
    expect(names).toEqual(['jekyll', 'drafty', 'hidden', 'ruby']);
  });
});
