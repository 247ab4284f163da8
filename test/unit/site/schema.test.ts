/**
 * Schema inference: value shapes, key names, defaults and the explicit `postwright:` block.
 */
import { describe, expect, it } from 'vitest';
import { inferSchema } from '../../../shared/site/schema';
import { YamlDate, YamlTime } from '../../../shared/yaml/read-yaml';

describe('inferSchema', () => {
  const posts = [
    { title: 'A', date: new YamlDate(2020, 1, 1), tags: 'x y', draft: false, rating: 4, header: { overlay_image: '/a.jpg', caption: 'c' }, description: 'short', author: 'Sam' },
    { title: 'B', date: new YamlTime(0, 0, '1970-01-01 00:00:00 +0000'), tags: ['y', 'z'], draft: true, rating: 5, header: { overlay_image: '/b.jpg' }, author: 'Sam' },
    { title: 'C', cover: '/img/c.png', weird: { a: 1 } },
    { title: 'D', weird: 'text', excerpt: 'Line one\nline two' },
  ];

  it.each<[string, string]>([
    ['title', 'text'],
    ['date', 'date-time'],
    ['tags', 'tags'],
    ['draft', 'boolean'],
    ['rating', 'number'],
    ['header', 'map'],
    ['cover', 'image'],
    ['weird', 'yaml'],
    ['excerpt', 'long-text'],
    ['description', 'long-text'],
  ])('%s → %s', (key, type) => {
    expect(inferSchema({ frontMatters: posts, defaults: {}, layouts: [] }).fields.find((f) => f.key === key)?.type).toBe(type);
  });

  it('counts, suggestions, sub-fields', () => {
    const s = inferSchema({ frontMatters: posts, defaults: {}, layouts: [] });
    const f = (k: string) => s.fields.find((x) => x.key === k)!;
    expect(f('title').count).toBe(4);
    expect(f('tags').suggestions).toEqual(['y', 'x', 'z']);
    expect(f('author').suggestions).toEqual(['Sam']);
    expect(f('header').fields?.map((x) => [x.key, x.type])).toEqual([
      ['overlay_image', 'image'],
      ['caption', 'text'],
    ]);
  });

  it('defaults, layouts and the explicit block', () => {
    const s = inferSchema({
      frontMatters: posts,
      defaults: { layout: 'post', comments: true },
      layouts: ['default', 'post', 'page'],
      explicit: { fields: { author: { label: 'Written by', required: true, choices: ['Sam', 'Alex'] }, subtitle: { type: 'text' } }, hidden: ['weird'], order: ['title', 'author'] },
    });
    const f = (k: string) => s.fields.find((x) => x.key === k)!;
    expect(f('layout')).toMatchObject({ type: 'select', choices: ['default', 'page', 'post'], default: 'post' });
    expect(f('comments')).toMatchObject({ type: 'boolean', default: true, count: 0 });
    expect(f('author')).toMatchObject({ label: 'Written by', required: true, type: 'select', choices: ['Sam', 'Alex'] });
    expect(f('subtitle').type).toBe('text');
    expect(f('weird').hidden).toBe(true);
    expect(s.fields.slice(0, 2).map((x) => x.key)).toEqual(['title', 'author']);
  });
});
