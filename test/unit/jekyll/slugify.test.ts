/**
 * slugify takes ASCII-only patterns for ASCII text (the common case, several times faster) and
 * returns text that is already a slug as it is: both must give exactly what Jekyll's Unicode
 * patterns give, for every ASCII character.
 */
import { describe, expect, it } from 'vitest';
import { slugify, type SlugMode } from '../../../shared/jekyll/file-names';

const UNICODE: Record<'raw' | 'default' | 'pretty' | 'ascii', RegExp> = {
  raw: /\s+/gu,
  default: /[^\p{M}\p{L}\p{Nd}]+/gu,
  pretty: /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu,
  ascii: /[^A-Za-z0-9]+/g,
};

/** Jekyll's rule written with the Unicode patterns only. */
function reference(input: string, mode: keyof typeof UNICODE, cased: boolean): string {
  const slug = input.replace(UNICODE[mode], '-').replace(/^-/, '').replace(/-$/, '');
  return cased ? slug : slug.toLowerCase();
}

const ALL_ASCII = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));
const SAMPLES = [
  ...ALL_ASCII.map((c) => `a${c}b`),
  ...ALL_ASCII.map((c) => `${c}${c}x${c}`),
  'Hello, World!',
  '  spaced   out  ',
  'C++ & Rust: a (short) tour',
  "it's 100% ~done~ @home; ok=yes",
  '2019-01-01-my-first-post',
  'Crème brûlée',
  'naïve café',
  'Ελληνικά και English',
  'emoji 🎉 party',
  // Already slugs (one test answers them), and near misses that must take the full path.
  'already-a-slug',
  'Cased-Slug-42',
  "rock-&-roll!-(live)",
  'a',
  '',
  '-',
  '-leading',
  'trailing-',
  'double--dash',
  'dots.and_under~scores',
  'é-accented',
];

describe('slugify', () => {
  for (const mode of ['raw', 'default', 'pretty', 'ascii'] as const) {
    it.each([false, true])(`${mode} (cased %s) gives what the Unicode patterns give`, (cased) => {
      const wrong = SAMPLES.filter((s) => slugify(s, mode as SlugMode, cased) !== reference(s, mode, cased));
      expect(wrong).toEqual([]);
    });
  }

  it.each([
    ['My First Post', 'default', 'my-first-post'],
    ['My First Post', 'pretty', 'my-first-post'],
    ['Rock & Roll!', 'pretty', 'rock-&-roll!'],
    ['Crème brûlée', 'latin', 'creme-brulee'],
    ['Crème brûlée', 'default', 'crème-brûlée'],
    ['Keep As Is', 'none', 'keep as is'],
  ] as const)('%s in %s mode is %s', (input, mode, want) => {
    expect(slugify(input, mode)).toBe(want);
  });
});
