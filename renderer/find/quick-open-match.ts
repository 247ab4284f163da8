/**
 * Fuzzy matching of posts by title and path for quick open, with fuzzysort: targets are prepared
 * once per post (a changed post list re-prepares only new records), several words must each
 * match, and only the best `limit` results come back, with the matched characters' indexes.
 *
 * Typing narrows: when a query extends the previous one, only the previous matches can match
 * (each word still has to match, in order), so once the matches are few, each further keystroke
 * scores only them.
 */
import fuzzysort, { type KeysResult, type Prepared } from 'fuzzysort';
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

/** Results under this score are not shown (scattered single letters); they still narrow the next keystroke. */
const SHOW_THRESHOLD = 0.2;
/** Up to this many matches are kept whole, so a longer query can search only them (a bounded heap stays cheap). */
const CAPTURE = 1000;

const perRecord = new WeakMap<PostRecord, QuickOpenTarget>();
const perList = new WeakMap<readonly PostRecord[], QuickOpenTarget[]>();

/** Prepared targets of a post list; the same list or the same records cost nothing the second time. */
export function prepareTargets(posts: readonly PostRecord[]): QuickOpenTarget[] {
  let targets = perList.get(posts);
  if (targets) return targets;
  targets = [];
  for (const record of posts) {
    if (record.skipped) continue;
    let t = perRecord.get(record);
    if (!t) {
      t = { record, title: fuzzysort.prepare(record.title || record.path), path: fuzzysort.prepare(record.path) };
      perRecord.set(record, t);
    }
    targets.push(t);
  }
  perList.set(posts, targets);
  return targets;
}

const KEYS = [(t: QuickOpenTarget) => t.title, (t: QuickOpenTarget) => t.path];
// A title match counts more than the same match in the path.
const scoreFn = (r: KeysResult<QuickOpenTarget>) => Math.max(r[0]?.score ?? 0, (r[1]?.score ?? 0) * 0.9);

function newest(targets: readonly QuickOpenTarget[], limit: number): QuickOpenResult[] {
  return [...targets]
    .sort((a, b) => (b.record.date ?? '').localeCompare(a.record.date ?? ''))
    .slice(0, limit)
    .map((t) => ({ record: t.record, titleIndexes: [], pathIndexes: [] }));
}

function shown(all: readonly KeysResult<QuickOpenTarget>[], limit: number): QuickOpenResult[] {
  const out: QuickOpenResult[] = [];
  for (const r of all) {
    if (out.length >= limit || r.score < SHOW_THRESHOLD) break;
    out.push({ record: r.obj.record, titleIndexes: r[0]?.indexes ?? [], pathIndexes: r[1]?.indexes ?? [] });
  }
  return out;
}

/** The best `limit` posts for `query`; the newest posts when the query is empty. */
export function matchPosts(query: string, targets: readonly QuickOpenTarget[], limit = 50): QuickOpenResult[] {
  return createMatcher(targets)(query, limit);
}

/** A matcher over one target list that remembers the last query's matches to narrow the next one. */
export function createMatcher(targets: readonly QuickOpenTarget[]): (query: string, limit?: number) => QuickOpenResult[] {
  let last: { query: string; matches: QuickOpenTarget[] } | null = null;
  return (query, limit = 50) => {
    if (!query.trim()) {
      last = null;
      return newest(targets, limit);
    }
    const pool = last && query.startsWith(last.query) ? last.matches : targets;
    const found = fuzzysort.go(query, pool, { keys: KEYS, limit: Math.max(limit, CAPTURE), threshold: 0, scoreFn });
    // Every match came back: the next, longer query searches only these. Otherwise keep the pool.
    if (found.total <= found.length) last = { query, matches: found.map((r) => r.obj) };
    else if (pool === targets) last = null;
    return shown(found, limit);
  };
}
