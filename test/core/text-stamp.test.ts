import { describe, expect, it } from 'vitest';
import { textStamp } from '../../electron/core/util/text-stamp';

describe('textStamp', () => {
  const base = 'title: Lichen & Ferry\ntimezone: Europe/Berlin\npermalink: /:categories/:title/\n';
  it.each([
    ['one character changed', base.replace('Berlin', 'Berlim')],
    ['two characters swapped', base.replace('Lichen', 'Lihcen')],
    ['a line break added at the end', `${base}\n`],
    ['CRLF instead of LF', base.replace(/\n/g, '\r\n')],
    ['a space turned into a tab', base.replace(' ', '\t')],
    ['an accent', base.replace('Ferry', 'Férry')],
    ['empty', ''],
  ])('differs when %s', (_name, other) => {
    expect(textStamp(other)).not.toBe(textStamp(base));
  });

  it('is the same for the same text, across calls', () => {
    expect(textStamp(base)).toBe(textStamp(`${base}`));
    expect(textStamp(base)).toMatch(/^[0-9a-f]{16}-[0-9a-f]+$/);
  });

  it('tells apart 20,000 one-line configs that differ in one value', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) seen.add(textStamp(`title: post ${i}\n`));
    expect(seen.size).toBe(20_000);
  });

  it('takes lone surrogates and NUL like any other code unit', () => {
    expect(textStamp('a\ud800b')).not.toBe(textStamp('a\udc00b'));
    expect(textStamp('a\0')).not.toBe(textStamp('a'));
  });
});
