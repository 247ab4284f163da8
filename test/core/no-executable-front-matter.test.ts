/**
 * Front matter is data, never code: a `---js` block is not run. Postwright reads front matter
 * itself (shared/front-matter/split.ts and shared/yaml/) as Jekyll does, so there is no
 * JavaScript front-matter engine anywhere to disable.
 */
import { describe, expect, it } from 'vitest';
import { splitPost } from '../../shared/front-matter/split';
import { computePost } from '../../shared/jekyll/post-data';
import { parseConfigText } from '../../shared/jekyll/config';

const EVIL = `---js
{ title: (globalThis.__pwned = 'ran', 'x') }
---
Body
`;

describe('executable front matter', () => {
  it.each(['js', 'javascript'])('our reader treats ---%s as Jekyll does (no front matter) and runs nothing', (lang) => {
    const text = EVIL.replace('---js', `---${lang}`);
    expect(splitPost(text).frontMatter).toBeNull();
    const { record } = computePost({ path: '_posts/2024-01-01-evil.md', text, draft: false, config: parseConfigText('').config, now: Date.now(), mtimeMs: 0 });
    expect(record.title).toBe('Evil');
    expect((globalThis as { __pwned?: string }).__pwned).toBeUndefined();
  });
});
