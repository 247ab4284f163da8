/**
 * Field paths: parsing, printing and looking values up.
 */
import { describe, expect, it } from 'vitest';
import { formatFieldPath, lookupPath, parseFieldPath, type FieldPath } from '../../../shared/front-matter/field-path';
import { SourceError } from '../../../shared/source-error';

describe('parseFieldPath', () => {
  it.each<[string, FieldPath]>([
    ['title', ['title']],
    ['banner.image', ['banner', 'image']],
    ['tags.0', ['tags', 0]],
    ['tags[0]', ['tags', 0]],
    ['tags[12].name', ['tags', 12, 'name']],
    ['a.b.c', ['a', 'b', 'c']],
    ['"a.b".c', ['a.b', 'c']],
    ["'a.b'.c", ['a.b', 'c']],
    ['c."a.b"', ['c', 'a.b']],
    ['"x[0]"', ['x[0]']],
    ['0', ['0']],
    ['my key', ['my key']],
    ['seo.og:image', ['seo', 'og:image']],
    ['list[0][1]', ['list', 0, 1]],
  ])('%s', (input, expected) => {
    expect(parseFieldPath(input)).toEqual(expected);
  });

  it.each(['', '   ', '.', 'a.', '.a', 'a..b', 'a[', 'a[]', 'a[x]', 'a[-1]', 'a[0', 'a]', 'a[0]b', '"a', '"a"b', '[0'])('refuses %j', (input) => {
    try {
      parseFieldPath(input);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SourceError);
      expect((error as SourceError).code).toBe('bad-path');
    }
  });
});

describe('formatFieldPath', () => {
  it.each<[FieldPath, string]>([
    [['title'], 'title'],
    [['banner', 'image'], 'banner.image'],
    [['tags', 0], 'tags[0]'],
    [['a.b', 'c'], '"a.b".c'],
    [['m', '0'], 'm."0"'],
    [['say "hi"'], `'say "hi"'`],
  ])('%j', (path, expected) => {
    expect(formatFieldPath(path)).toBe(expected);
    expect(parseFieldPath(expected)).toEqual(path);
  });
});

describe('lookupPath', () => {
  const data = { title: 'T', banner: { image: '/a.png', alt: null }, tags: ['a', 'b'], m: { '0': 'zero' } };

  it.each<[FieldPath, boolean, unknown]>([
    [['title'], true, 'T'],
    [['banner', 'image'], true, '/a.png'],
    [['banner', 'alt'], true, null],
    [['banner', 'caption'], false, undefined],
    [['tags', 1], true, 'b'],
    [['tags', 2], false, undefined],
    [['tags', 'x'], false, undefined],
    [['title', 'x'], false, undefined],
    [['m', 0], true, 'zero'],
    [['nope', 'deeper'], false, undefined],
    [['toString'], false, undefined],
  ])('%j', (path, found, value) => {
    expect(lookupPath(data, path)).toEqual({ found, value });
  });

  it('the empty path is the value itself', () => {
    expect(lookupPath(data, [])).toEqual({ found: true, value: data });
  });
});
