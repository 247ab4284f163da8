/**
 * Jekyll is the oracle: on fixture sites we wrote to hit every rule, `indexSite` must read
 * exactly the posts Jekyll reads, with the same title, date, slug, categories, tags, layout,
 * URL, draft and published state.
 */
import { describe, expect, it } from 'vitest';
import { utimes } from 'node:fs/promises';
import path from 'node:path';
import { indexSite, recordsOf } from '../../electron/core/site/site-index';
import { copySite, jekyllPosts, type JekyllPost } from '../support/jekyll-oracle';
import { requireTool } from '../support/require-tool';

const FIXTURES = path.resolve(__dirname, '../fixtures/sites');

describe.skipIf(!requireTool('jekyll'))('index agrees with jekyll', () => {
  it.each(['edge-cases', 'pretty-site', 'defaults-scopes', 'collections-dir', 'permalink-placeholders'])('%s', async (name) => {
    const site = await copySite(path.join(FIXTURES, name));
    // Undated drafts take the file's mtime; whole seconds keep the comparison exact.
    const fixed = new Date('2021-06-01T12:00:00Z');
    for (const draft of ['_drafts/undated.md']) await utimes(path.join(site, draft), fixed, fixed).catch(() => undefined);
    const jekyll = await jekyllPosts(site);
    const ours = recordsOf(await indexSite(site, { cacheDir: false }));

    const readable = ours.filter((p) => !p.skipped);
    expect(readable.map((p) => p.path).sort()).toEqual(jekyll.map((p) => p.path).sort());

    const byPath = new Map<string, JekyllPost>(jekyll.map((p) => [p.path, p]));
    for (const post of readable) {
      if (post.error) continue;
      const j = byPath.get(post.path)!;
      expect({ path: post.path, title: post.title, date: post.date, slug: post.slug, categories: post.categories, tags: post.tags, layout: post.layout, url: post.url, draft: post.draft, published: post.published }).toEqual({
        path: j.path,
        title: j.title,
        date: j.date,
        slug: j.slug,
        categories: j.categories,
        tags: j.tags,
        layout: j.layout,
        url: j.url,
        draft: j.draft,
        published: j.published,
      });
    }
  });
});
