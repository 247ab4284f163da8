/**
 * Front matter is data, never code: `---js` blocks are not run, by our reader or by gray-matter.
 */
import { describe, expect, it } from 'vitest';
import { splitPost } from '../../shared/front-matter/split';
import { safeGrayMatter } from '../../electron/core/store/gray-matter-safe';
import { computePost } from '../../shared/jekyll/post-data';
import { parseConfigText } from '../../shared/jekyll/config';

const EVIL = `---js
{ title: (globalThis.__pwned = 'ran', 'x') }
---
Body
`;

describe('executable front matter', () => {
  it('our reader treats ---js as Jekyll does (no front matter) and runs nothing', () => {
    expect(splitPost(EVIL).frontMatter).toBeNull();
    const { record } = computePost({ path: '_posts/2024-01-01-evil.md', text: EVIL, draft: false, config: parseConfigText('').config, now: Date.now(), mtimeMs: 0 });
    expect(record.title).toBe('Evil');
    expect((globalThis as { __pwned?: string }).__pwned).toBeUndefined();
  });

  it.each(['js', 'javascript'])('gray-matter refuses ---%s instead of evaluating it', (lang) => {
    expect(() => safeGrayMatter(EVIL.replace('---js', `---${lang}`))).toThrow(/never run/);
    expect((globalThis as { __pwned?: string }).__pwned).toBeUndefined();
  });

  it('plain YAML still reads', () => {
    expect(safeGrayMatter('---\ntitle: Hi\n---\nBody\n').data).toEqual({ title: 'Hi' });
  });
});
