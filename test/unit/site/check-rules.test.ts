import { describe, expect, it } from 'vitest';
import { checkAcrossPosts, checkPost, topLevelKeyLines, type PostFacts } from '../../../shared/site/check-rules';
import type { PostRecord } from '../../../shared/jekyll/site-types';

const NOW = new Date('2026-11-24T12:00:00Z');

function record(over: Partial<PostRecord> = {}): PostRecord {
  return {
    path: '_posts/2024-01-02-hello.md',
    draft: false,
    title: 'Hello',
    date: '2024-01-02T00:00:00+00:00',
    slug: 'hello',
    categories: [],
    tags: [],
    published: true,
    layout: 'post',
    url: '/2024/01/02/hello.html',
    ...over,
  };
}

function facts(over: Partial<PostFacts> = {}): PostFacts {
  return { record: record(), data: { title: 'Hello' }, keyLines: { title: 2, date: 3 }, size: 100, ...over };
}

describe('checkPost', () => {
  it.each([
    ['a clean post', facts(), []],
    ['invalid YAML, with its place', facts({ record: record({ error: '4:7: unexpected end of flow sequence' }), data: null }), ['error invalid-front-matter 4:7']],
    ['a file Jekyll skips', facts({ record: record({ skipped: 'no YYYY-MM-DD- date in the file name' }) }), ['warning skipped']],
    ['no title', facts({ data: {}, keyLines: {} }), ['warning missing-title']],
    ['an empty title', facts({ data: { title: '' } }), ['warning missing-title 2:']],
    ['file-name date differs from front matter', facts({ data: { title: 'x', date: {} }, record: record({ date: '2024-03-05T10:00:00+00:00' }) }), ['warning date-mismatch 3:']],
    ['future date', facts({ record: record({ path: '_posts/2027-01-01-x.md', date: '2027-01-01T00:00:00+00:00' }) }), ['warning future-date 3:']],
    ['impossible calendar date', facts({ data: { title: 'x', date: '2024-01-02' }, record: record({ date: '2024-01-02T00:00:00+00:00' }) }), []],
    ['impossible calendar date (June 31st)', facts({ record: record({ path: '_posts/2016-07-01-x.md', date: '2016-07-01T00:00:00+00:00' }), data: { title: 'x', date: '2016-06-31' } }), ['warning impossible-date 3:']],
    ['unreadable date', facts({ data: { title: 'x', date: 'someday' }, record: record({ date: null }) }), ['error invalid-date 3:']],
    ['empty file', facts({ size: 0, data: null, keyLines: {} }), ['warning empty-file', 'warning missing-title']],
  ])('%s', (_name, input, expected) => {
    const got = checkPost(input, NOW).map((p) => `${p.severity} ${p.code}${p.line ? ` ${p.line}:${p.col ?? ''}` : ''}`);
    expect(got).toEqual(expected);
  });
});

describe('checkAcrossPosts', () => {
  it('flags two published posts that write the same URL', () => {
    const a = record({ path: '_posts/2024-01-02-a.md', url: '/same/' });
    const b = record({ path: '_posts/2024-01-02-b.md', url: '/same/' });
    const c = record({ path: '_posts/2024-01-02-c.md', url: '/same/', published: false });
    expect(checkAcrossPosts([a, b, c]).map((p) => p.path)).toEqual([a.path, b.path]);
  });
});

describe('topLevelKeyLines', () => {
  it('finds top-level keys only, in file lines', () => {
    expect(topLevelKeyLines('title: x\nbanner:\n  image: y\ndate: 2020-01-01\n', 2)).toEqual({ title: 2, banner: 3, date: 5 });
  });
});
