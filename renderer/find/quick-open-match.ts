/**
 * Fuzzy matching of posts by title and path for quick open, with fuzzysort: targets are prepared
 * once per post list (not per keystroke), several words must each match, and only the best
 * `limit` results come back, with the matched characters' indexes for highlighting.
 */
import fuzzysort, { type Prepared } from 'fuzzysort';
import type { PostRecord } from '../../shared/jekyll/site-types';

export interface QuickOpenTarget {
  record: PostRecord;
  title: Prepared;
  path: Prepared;
}

export interface QuickOpenResult {
  record: PostRecord;
  /** Indexes of matched characters in the title and in the path. */
  titleIndexes: readonly number[];
  pathIndexes: readonly number[];
}

/** Prepared targets per post list, so reopening quick open on the same list prepares nothing. */
const prepared = new WeakMap<readonly PostRecord[], QuickOpenTarget[]>();

export function prepareTargets(posts: readonly PostRecord[]): QuickOpenTarget[] {
  let targets = prepared.get(posts);
  if (!targets) {
    targets = posts.filter((p) => !p.skipped).map((record) => ({ record, title: fuzzysort.prepare(record.title || record.path), path: fuzzysort.prepare(record.path) }));
    prepared.set(posts, targets);
  }
  return targets;
}

/** The best `limit` posts for `query`; the newest posts when the query is empty. */
export function matchPosts(query: string, targets: readonly QuickOpenTarget[], limit = 50): QuickOpenResult[] {
  if (!query.trim()) {
    return [...targets]
      .sort((a, b) => (b.record.date ?? '').localeCompare(a.record.date ?? ''))
      .slice(0, limit)
      .map((t) => ({ record: t.record, titleIndexes: [], pathIndexes: [] }));
  }
  const results = fuzzysort.go(query, targets, {
    keys: [(t: QuickOpenTarget) => t.title, (t: QuickOpenTarget) => t.path],
    limit,
    threshold: 0.2,
    // A title match counts more than the same match in the path.
    scoreFn: (r) => Math.max(r[0]?.score ?? 0, (r[1]?.score ?? 0) * 0.9),
  });
  return results.map((r) => ({ record: r.obj.record, titleIndexes: r[0]?.indexes ?? [], pathIndexes: r[1]?.indexes ?? [] }));
}
