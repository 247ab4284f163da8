/**
 * Form write-back values: tags keep Jekyll's string form while they can, dates keep their format.
 */
import { describe, expect, it } from 'vitest';
import { dateStyleOf, formatDateInStyle, termsValue, termsOf } from '../../../shared/front-matter/form-values';
import { readYaml } from '../../../shared/yaml/read-yaml';

const yamlValue = (src: string) => {
  const r = readYaml(`v: ${src}`);
  return r.ok ? (r.value as Record<string, unknown>).v : undefined;
};

describe('tags and categories', () => {
  it.each<[string, unknown, string[], unknown]>([
    ['string stays a string', 'hiking', ['hiking', 'alps'], 'hiking alps'],
    ['string becomes a list for a name with a space', 'hiking', ['hiking', 'Long Walks'], ['hiking', 'Long Walks']],
    ['list stays a list', ['a'], ['a', 'b'], ['a', 'b']],
    ['missing becomes a list', undefined, ['a'], ['a']],
    ['empty string form becomes an empty list', 'a', [], []],
  ])('%s', (_n, current, names, expected) => expect(termsValue('tags', current, names)).toEqual(expected));

  it('singular keys hold one raw value', () => {
    expect(termsValue('category', 'Old', ['Two Words'])).toBe('Two Words');
    expect(termsOf('category', 'Two Words')).toEqual(['Two Words']);
    expect(termsOf('tags', 'a b  c')).toEqual(['a', 'b', 'c']);
  });
});

describe('dates keep their format', () => {
  const t = { year: 2026, month: 3, day: 4, hour: 18, minute: 5, second: 9 };
  it.each<[string, string]>([
    ['2019-08-08', '2026-03-04 18:05:09 +0100'],
    ['2019-08-08 14:10:00 +0800', '2026-03-04 18:05:09 +0800'],
    ['2019-08-08T14:10:00+08:00', '2026-03-04T18:05:09+08:00'],
    ['2019-08-08 14:10 -0700', '2026-03-04 18:05 -0700'],
    ['2019-08-08T14:10:00Z', '2026-03-04T18:05:09Z'],
  ])('%s → %s', (src, expected) => {
    const out = formatDateInStyle(t, dateStyleOf(yamlValue(src)), 60);
    expect(out).toBe(expected);
    expect(yamlValue(out)).toBeDefined();
  });

  it('date-only stays date-only at midnight', () => {
    expect(formatDateInStyle({ ...t, hour: 0, minute: 0, second: 0 }, dateStyleOf(yamlValue('2019-08-08')), 60)).toBe('2026-03-04');
  });
});
