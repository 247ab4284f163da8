/** `{% post_url %}` names as Jekyll 4's PostComparer matches them (shared by the checks and the preview). */
import { describe, expect, it } from 'vitest';
import { findPostForPostUrl, legacyKeyOfName, postUrlName } from '../../../shared/jekyll/post-url-name';

describe('postUrlName', () => {
  it.each([
    ['_posts/2024-01-02-slug.md', '', '2024-01-02-slug'],
    ['sub/_posts/2024-01-02-slug.md', '', 'sub/2024-01-02-slug'],
    ['_posts/sub/2024-01-02-slug.markdown', '', 'sub/2024-01-02-slug'],
    ['_posts/my_posts/2024-01-02-slug.md', '', 'my_posts/2024-01-02-slug'],
    ['writing/_posts/2024-01-02-slug.md', 'writing', '2024-01-02-slug'],
    ['writing/travel/_posts/2024-01-02-slug.md', 'writing', 'travel/2024-01-02-slug'],
    ['writing/_posts/2024-01-02-slug.md', '', 'writing/2024-01-02-slug'],
    ['_drafts/idea.md', '', null],
    ['about.md', '', null],
  ])('%s (collections folder %j) → %j', (path, dir, name) => {
    expect(postUrlName(path, dir)).toBe(name);
  });

  it.each([
    ['2024-1-2-slug', 'slug|2024-01-02'],
    ['sub/2024-01-02-slug', 'slug|2024-01-02'],
    ['no-date-here', null],
  ])('legacy key of %s', (name, key) => {
    expect(legacyKeyOfName(name)).toBe(key);
  });
});

describe('findPostForPostUrl', () => {
  const posts = [
    { path: 'writing/_posts/2024-01-02-top.md', slug: 'top', date: '2024-01-02T10:00:00+00:00', url: '/top/' },
    { path: 'writing/travel/_posts/2024-02-03-trip.md', slug: 'trip', date: '2024-02-03T10:00:00+00:00', url: '/travel/trip/' },
    { path: 'writing/_drafts/idea.md', slug: 'idea', date: null, url: '' },
  ];
  it.each([
    ['2024-01-02-top', '/top/'],
    ['/2024-01-02-top', '/top/'],
    ['travel/2024-02-03-trip', '/travel/trip/'],
    // The deprecated match: the slug and day, whatever the folder.
    ['2024-02-03-trip', '/travel/trip/'],
    ['elsewhere/2024-02-03-trip', '/travel/trip/'],
    ['2024-02-04-trip', undefined],
    ['idea', undefined],
  ])('%s → %s', (name, url) => {
    expect(findPostForPostUrl(posts, name, 'writing')?.url).toBe(url);
  });
});
