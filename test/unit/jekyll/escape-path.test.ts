/**
 * escapePath percent-encodes runs of unsafe characters at once: it must give what Jekyll's
 * `URL.escape_path` gives character by character (UTF-8 bytes, upper-case hex), for every ASCII
 * character, for letters beyond ASCII, emoji and a lone surrogate.
 */
import { describe, expect, it } from 'vitest';
import { escapePath } from '../../../shared/jekyll/post-url';

const SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=:@/?]/;

/** One character at a time, as the rule is written. */
function reference(path: string): string {
  let out = '';
  for (const ch of path) {
    if (SAFE.test(ch)) out += ch;
    else for (const byte of new TextEncoder().encode(ch)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const ALL_ASCII = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));

describe('escapePath', () => {
  it('encodes every ASCII character as the character-by-character rule does', () => {
    const samples = [...ALL_ASCII.map((c) => `a${c}b`), ...ALL_ASCII.map((c) => `${c}${c}x${c}`), ALL_ASCII.join('')];
    expect(samples.filter((s) => escapePath(s) !== reference(s))).toEqual([]);
  });

  it.each([
    ['', ''],
    ['/2024/01/02/plain.html', '/2024/01/02/plain.html'],
    ['two words/x', 'two%20words/x'],
    ['Crème brûlée', 'Cr%C3%A8me%20br%C3%BBl%C3%A9e'],
    ['100% [done]', '100%25%20%5Bdone%5D'],
    ["it's/a?b=c&d", "it's/a?b=c&d"],
    ['emoji 🎉', 'emoji%20%F0%9F%8E%89'],
    ['Ελληνικά', '%CE%95%CE%BB%CE%BB%CE%B7%CE%BD%CE%B9%CE%BA%CE%AC'],
    ['lone \uD800 half', 'lone%20%EF%BF%BD%20half'],
    ['end \uDC00', 'end%20%EF%BF%BD'],
  ])('%j → %j', (input, want) => {
    expect(escapePath(input)).toBe(want);
    expect(escapePath(input)).toBe(reference(input));
  });
});
