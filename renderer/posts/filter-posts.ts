/**
 * Sorting and filtering of the post list (pure, so it stays fast for 10,000 posts). Every word of the
 * query must be in the title or path, unless the core's full-text search found the post.
 */
import type { PostRecord } from '../../shared/jekyll/site-types';

export type SortKey = 'date-desc' | 'date-asc' | 'title';
export type StateFilter = 'all' | 'published' | 'drafts' | 'unpublished' | 'problems';

export interface PostFilter {
  query: string;
  sort: SortKey;
  state: StateFilter;
  category: string;
  tag: string;
  /** Paths matching the query in their bodies (from the core's full-text search). */
  bodyHits: Set<string> | null;
}

export function filterPosts(posts: readonly PostRecord[], f: PostFilter): PostRecord[] {
  const words = f.query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const inTitle = (p: PostRecord) => {
    const title = p.title.toLowerCase();
    const where = p.path.toLowerCase();
    return words.every((w) => title.includes(w) || where.includes(w));
  };
  const out = posts.filter((p) => {
    if (f.state === 'published' && (p.draft || !p.published || p.skipped)) return false;
    if (f.state === 'drafts' && !p.draft) return false;
    if (f.state === 'unpublished' && (p.published || p.draft)) return false;
    if (f.state === 'problems' && !p.error && !p.skipped) return false;
    if (f.category && !p.categories.includes(f.category)) return false;
    if (f.tag && !p.tags.includes(f.tag)) return false;
    if (words.length && !inTitle(p) && !f.bodyHits?.has(p.path)) return false;
    return true;
  });
  const byDate = (a: PostRecord, b: PostRecord) => (a.date ?? '').localeCompare(b.date ?? '') || a.path.localeCompare(b.path);
  if (f.sort === 'date-desc') out.sort((a, b) => byDate(b, a));
  else if (f.sort === 'date-asc') out.sort(byDate);
  else out.sort((a, b) => a.title.localeCompare(b.title));
  return out;
}

/** Each name with the number of posts using it, most used first (then by name), for the filters. */
export function termCounts(posts: readonly PostRecord[], pick: (p: PostRecord) => string[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const p of posts) for (const t of new Set(pick(p))) if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** Distinct values for the filter menus. */
export function termsOf(posts: readonly PostRecord[], pick: (p: PostRecord) => string[]): string[] {
  const set = new Set<string>();
  for (const p of posts) for (const t of pick(p)) if (t) set.add(t);
  return [...set].sort((a, b) => a.localeCompare(b));
}
