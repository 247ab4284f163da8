/**
 * What the form shows: Jekyll's keys first (title, date, categories, tags, then the banner), rare
 * keys only on posts that have them (offered under "Add field…"), and the default an unset boolean means.
 */
import { describe, expect, it } from 'vitest';
import { addableFields, effectiveDefault, formFields, inferSchema } from '../../../shared/site/schema';
import { YamlDate } from '../../../shared/yaml/read-yaml';

/** 40 posts: every one has the common keys; `LABELS` is in one (2.5%), `series` in two (5%). */
function blog(): Record<string, unknown>[] {
  const posts: Record<string, unknown>[] = [];
  for (let i = 0; i < 40; i++) {
    posts.push({ layout: 'post', comments: true, author: 'Sam', banner: { image: `/b${i}.jpg`, caption: 'c' }, tags: ['a'], categories: ['x'], date: new YamlDate(2020, 1, 1 + (i % 27)), title: `Post ${i}` });
  }
  posts[3].LABELS = 'old';
  posts[4].series = 'one';
  posts[5].series = 'one';
  posts[6].published = false;
  return posts;
}

describe('field order', () => {
  it.each<[string, Record<string, unknown>[], string[]]>([
    ['Jekyll keys first, then the banner group, then the rest by use', blog(), ['title', 'date', 'categories', 'tags', 'banner', 'author', 'comments', 'layout']],
    ['singular forms sit next to their plural', [{ tag: 'a', category: 'b', title: 't', cover: '/c.png', rating: 1 }], ['title', 'category', 'tag', 'cover', 'rating']],
    ['an image key comes before more common keys', [{ zeta: 1, hero: '/h.jpg' }, { zeta: 2 }], ['hero', 'zeta']],
  ])('%s', (_name, frontMatters, first) => {
    const keys = inferSchema({ frontMatters, defaults: {}, layouts: [] }).fields.map((f) => f.key);
    expect(keys.slice(0, first.length)).toEqual(first);
  });
});

describe('rare keys', () => {
  const schema = inferSchema({ frontMatters: blog(), defaults: { toc: false }, layouts: [] });
  const rare = (k: string) => schema.fields.find((f) => f.key === k)?.rare;

  it.each<[string, boolean]>([
    ['LABELS', true], // 1 of 40
    ['series', false], // 2 of 40 is 5%: not under 5%
    ['published', true], // 1 of 40
    ['toc', true], // only in defaults
    ['title', false],
    ['banner', false],
  ])('%s rare: %s', (key, expected) => expect(rare(key)).toBe(expected));

  it.each<[string, Record<string, unknown>, string[], boolean]>([
    ['a post without LABELS does not show it', { title: 'x' }, [], false],
    ['a post with LABELS shows it', { title: 'x', LABELS: 'y' }, [], true],
    ['added with "Add field…" shows it', { title: 'x' }, ['LABELS'], true],
  ])('%s', (_name, data, added, shown) => {
    expect(formFields(schema, data, added).some((f) => f.key === 'LABELS')).toBe(shown);
    expect(addableFields(schema, data, added).some((f) => f.key === 'LABELS')).toBe(!shown);
  });

  it('keys the schema does not know show as YAML after the rest', () => {
    const fields = formFields(schema, { title: 'x', mystery: [1] });
    expect(fields[fields.length - 1]).toMatchObject({ key: 'mystery', type: 'yaml' });
  });

  it('a key the blog names in postwright: is never rare', () => {
    const s = inferSchema({ frontMatters: blog(), defaults: {}, layouts: [], explicit: { fields: { LABELS: { label: 'Labels' } } } });
    expect(s.fields.find((f) => f.key === 'LABELS')?.rare).toBe(false);
    const o = inferSchema({ frontMatters: blog(), defaults: {}, layouts: [], explicit: { order: ['title', 'series', 'LABELS'] } });
    expect(o.fields.find((f) => f.key === 'LABELS')?.rare).toBe(false);
  });

  it('hidden keys are not offered', () => {
    const s = inferSchema({ frontMatters: blog(), defaults: {}, layouts: [], explicit: { hidden: ['LABELS'] } });
    expect(addableFields(s, {}).map((f) => f.key)).not.toContain('LABELS');
  });
});

describe('defaults of unset booleans', () => {
  it.each<[string, Record<string, unknown>, unknown]>([
    ['published, left out, is published (Jekyll)', {}, true],
    ['the blog’s defaults: win', { published: false }, false],
    ['comments from defaults:', { comments: true }, true],
  ])('%s', (_name, defaults, expected) => {
    const posts = [{ title: 'a', published: false, comments: false }, { title: 'b' }];
    const s = inferSchema({ frontMatters: posts, defaults, layouts: [] });
    const key = _name.startsWith('comments') ? 'comments' : 'published';
    expect(effectiveDefault(s.fields.find((f) => f.key === key)!)).toBe(expected);
  });

  it('an unknown boolean left out has no default (the form shows it off)', () => {
    const s = inferSchema({ frontMatters: [{ title: 'a', toc: true }, { title: 'b' }], defaults: {}, layouts: [] });
    expect(effectiveDefault(s.fields.find((f) => f.key === 'toc')!)).toBeUndefined();
  });
});
