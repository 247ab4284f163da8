/**
 * Fuzzy matching of posts by title and path for quick open, with fuzzysort: targets are prepared
 * once per post (a changed post list re-prepares only new records), several words must each
 * match, and only the best `limit` results come back, with the matched characters' indexes.
 *
 * Typing narrows: a cheap in-order letter test over each post's folded title and path keeps every
 * post fuzzysort could match (a superset), and when a query extends the previous one only the
 * previous candidates are tested; fuzzysort then scores only the candidates and keeps the best
 * `limit` in its bounded heap.
 */
import fuzzysort, { type KeysResult, type Prepared } from 'fuzzysort';
import type { PostRecord } from '../../shared/jekyll/site-types';

export interface QuickOpenTarget {
  record: PostRecord;
  title: Prepared;
  path: Prepared;
  /** Title and path folded (lower case, no accents) for the in-order letter test. */
  folded: string;
  /** Length of the folded title at the start of `folded`. */
  titleLength: number;
}

export interface QuickOpenResult {
  record: PostRecord;
  /** Indexes of matched characters in the title and in the path. */
  titleIndexes: readonly number[];
  pathIndexes: readonly number[];
}

/** Results under this score are not shown (scattered single letters); they still narrow the next keystroke. */
const SHOW_THRESHOLD = 0.2;

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
      t = {
        record,
        title: fuzzysort.prepare(record.title || record.path),
        path: fuzzysort.prepare(record.path),
        folded: fold(`${record.title || record.path} ${record.path}`),
        titleLength: fold(record.title || record.path).length,
      };
      perRecord.set(record, t);
    }
    targets.push(t);
  }
  perList.set(posts, targets);
  return targets;
}

/** Lower case without accents, as fuzzysort compares letters. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Every word's letters occur in order somewhere in `folded`: true for anything fuzzysort can match. */
function mayMatch(folded: string, words: readonly string[]): boolean {
  for (const word of words) {
    let at = 0;
    for (let i = 0; i < word.length; i++) {
      const found = folded.indexOf(word[i], at);
      if (found < 0) return false;
      at = found + 1;
    }
  }
  return true;
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

/** Many candidates for one or two letters: scoring them all tells little and costs a frame. */
const SHORT_QUERY = 2;
const SHORT_QUERY_POOL = 2000;

/**
 * One or two letters over a big list: posts with a title word starting with them, newest first,
 * then the other candidates newest first. Cheap enough for every keystroke.
 */
function shortQuery(prefix: string, candidates: readonly QuickOpenTarget[], limit: number): QuickOpenResult[] {
  const starts: { t: QuickOpenTarget; at: number }[] = [];
  const rest: QuickOpenTarget[] = [];
  for (const t of candidates) {
    let at = t.folded.indexOf(prefix);
    while (at > 0 && at < t.titleLength && /[\p{L}\p{N}]/u.test(t.folded[at - 1])) at = t.folded.indexOf(prefix, at + 1);
    if (at >= 0 && at + prefix.length <= t.titleLength) starts.push({ t, at });
    else rest.push(t);
  }
  const byDate = (a: QuickOpenTarget, b: QuickOpenTarget) => (b.record.date ?? '').localeCompare(a.record.date ?? '');
  starts.sort((a, b) => byDate(a.t, b.t));
  const out: QuickOpenResult[] = starts.slice(0, limit).map(({ t, at }) => ({
    record: t.record,
    // Marks only where folding kept the title's length (no accents removed), so indexes line up.
    titleIndexes: t.titleLength === (t.record.title || t.record.path).length ? Array.from(prefix, (_, i) => at + i) : [],
    pathIndexes: [],
  }));
  if (out.length < limit) out.push(...newest(rest, limit - out.length));
  return out;
}

/** The best `limit` posts for `query`; the newest posts when the query is empty. */
export function matchPosts(query: string, targets: readonly QuickOpenTarget[], limit = 50): QuickOpenResult[] {
  return createMatcher(targets)(query, limit);
}

/** A matcher over one target list that remembers the last query's matches to narrow the next one. */
export function createMatcher(targets: readonly QuickOpenTarget[]): (query: string, limit?: number) => QuickOpenResult[] {
  let last: { query: string; candidates: QuickOpenTarget[] } | null = null;
  return (query, limit = 50) => {
    if (!query.trim()) {
      last = null;
      return newest(targets, limit);
    }
    const words = fold(query).split(/\s+/).filter(Boolean);
    const from = last && query.startsWith(last.query) ? last.candidates : targets;
    const candidates = from.filter((t) => mayMatch(t.folded, words));
    last = { query, candidates };
    if (words.length === 1 && words[0].length <= SHORT_QUERY && candidates.length > SHORT_QUERY_POOL) return shortQuery(words[0], candidates, limit);
    const found = fuzzysort.go(query, candidates, { keys: KEYS, limit, threshold: SHOW_THRESHOLD, scoreFn });
    return shown(found, limit);
  };
}
