import { describe, expect, it } from 'vitest';
import { folderFilter, isExcluded, isIncluded } from '../../../electron/core/site/entry-filter';
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

  it('gives the same answers per folder as per file (the scan builds one filter per folder)', () => {
    const configs = [
      { exclude: ['vendor', '_posts/private', '*.tmp.md', '_posts/20??-*-draft*'], include: ['_posts/private/keep.md'] },
      { exclude: ['_po', 'notes/_posts/', '_posts/2015/x', 'x/_posts'], include: ['_posts/2015/xy.md', 'notes'] },
      { exclude: ['_posts'], include: [] },
      { exclude: [], include: ['_drafts/', '*.md'] },
      {},
    ];
    const prefixes = ['_posts/', 'notes/_posts/', '_drafts/', 'x/_posts/', 'a/b/_drafts/'];
    const below = ['2015/2015-01-01-x.md', 'private/a.md', 'private/keep.md', '2021-01-01-draft-one.md', 'a.tmp.md', '2015/x', '2015/xy.md', '.hidden.md', 'x'];
    const wrong: string[] = [];
    for (const raw of configs) {
      const { config } = parseSiteConfig(raw);
      for (const prefix of prefixes) {
        const filter = folderFilter(config, prefix);
        for (const rel of below) {
          const full = prefix + rel;
          if (filter.excluded(full) !== isExcluded(config, full, false) || filter.included(full) !== isIncluded(config, full, false)) wrong.push(`${JSON.stringify(raw)} ${full}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
