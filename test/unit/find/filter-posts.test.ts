/**
 * The post list's filter: every typed word in the title or path (or a body hit from the core),
 * and the tag/category names with their counts for the typeable filters.
 */
import { describe, expect, it } from 'vitest';
import type { PostRecord } from '../../../shared/jekyll/site-types';
import { filterPosts, termCounts, type PostFilter } from '../../../renderer/posts/filter-posts';

const post = (path: string, title: string, tags: string[], date: string): PostRecord => ({ path, title, tags, date, draft: false, slug: '', categories: [], published: true, layout: 'post', url: '/' });
const POSTS = [
  post('_posts/2025-11-02-wyse.md', 'Debian 12 SystemD Nightly Reboots on Dell Wyse 3040s', ['homelab', 'debian'], '2025-11-02'),
  post('_posts/2025-09-01-teardown.md', 'Wyse 3040 Thin Client Teardown', ['homelab', 'hardware', 'homelab'], '2025-09-01'),
  post('_posts/2025-07-01-timers.md', 'SystemD Timers Instead of Cron', ['debian'], '2025-07-01'),
];
const base: PostFilter = { query: '', sort: 'date-desc', state: 'all', category: '', tag: '', bodyHits: null };
const titles = (f: Partial<PostFilter>) => filterPosts(POSTS, { ...base, ...f }).map((p) => p.title.split(' ')[0]);

describe('post list filter', () => {
  it.each([
    [{ query: 'wyse reboots' }, ['Debian']],
    [{ query: 'REBOOTS   wyse' }, ['Debian']],
    [{ query: 'systemd' }, ['Debian', 'SystemD']],
    [{ query: 'teardown 2025-09' }, ['Wyse']],
    [{ query: 'cron', bodyHits: new Set(['_posts/2025-11-02-wyse.md']) }, ['Debian', 'SystemD']],
    [{ tag: 'homelab' }, ['Debian', 'Wyse']],
    [{ tag: 'homelab', query: 'thin' }, ['Wyse']],
    [{ sort: 'date-asc' as const }, ['SystemD', 'Wyse', 'Debian']],
  ])('%j shows %j', (f, expected) => expect(titles(f)).toEqual(expected));

  it('counts each name once per post, most used first', () => {
    expect(termCounts(POSTS, (p) => p.tags)).toEqual([
      { name: 'debian', count: 2 },
      { name: 'homelab', count: 2 },
      { name: 'hardware', count: 1 },
    ]);
  });
});
