import { describe, expect, it } from 'vitest';
import { isExcluded, isIncluded } from '../../../electron/core/site/entry-filter';
import { parseSiteConfig } from '../../../shared/jekyll/config';

describe('entry filter patterns', () => {
  it('matches literal patterns as prefixes and wildcard patterns as fnmatch (where * crosses /)', () => {
    const { config } = parseSiteConfig({ exclude: ['vendor', '_posts/private', '*.tmp.md', '_posts/20??-*-draft*'], include: ['_posts/private/keep.md'] });
    expect(isExcluded(config, 'vendor-notes.md', false)).toBe(true);
    expect(isExcluded(config, '_posts/private/a.md', false)).toBe(true);
    expect(isExcluded(config, '_posts/private/keep.md', false)).toBe(false);
    expect(isIncluded(config, '_posts/private/keep.md', false)).toBe(true);
    expect(isExcluded(config, '_posts/2020/2020-01-01-x.tmp.md', false)).toBe(true);
    expect(isExcluded(config, '_posts/2021-01-01-draft-one.md', false)).toBe(true);
    expect(isExcluded(config, '_posts/2021-01-01-one.md', false)).toBe(false);
  });
});
