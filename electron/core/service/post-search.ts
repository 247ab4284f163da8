/**
 * Full-text search over titles and bodies of every post: every word of the query must occur
 * (any order, any case), and each hit carries up to three lines with the words' ranges.
 *
 * Texts are read lazily on the first search and kept in memory, so typing a query re-reads
 * nothing. An entry is dropped when the watcher or a save says the file changed, and is
 * re-read when the index holds a new record for the path (a reindex after a git pull).
 * The cache is bounded: past MAX_CACHED_CHARS further posts are read for each search instead.
 */
import path from 'node:path';
import type { SearchHit, SearchMatch } from '../../../shared/api/contract';
import type { PostRecord } from '../../../shared/jekyll/site-types';
import { readPostFileSync } from '../store/post-file';
import { foldCase, queryWords, snippetOf } from './search-text';

export interface SearchSource {
  records(): Iterable<PostRecord>;
  /** The text of a post and a key that changes when the file does. */
  read(path: string): Promise<{ text: string; key: string } | null>;
  /** The same, read synchronously: used in batches to fill the cache (see readSearchTextSync). */
  readSync?(path: string): { text: string; key: string } | null;
}

/**
 * Reads an indexed post synchronously, for filling the search cache in batches.
 *
 * The indexer's exception to async fs, for the same reason: 10,000 async reads of 4 KB spend
 * more time in thread-pool hops than in reading (about 2.3 s against 0.4 s here). Batches of
 * READ_BATCH files with a yield between keep the app responsive; `rel` comes from the index.
 */
export function readSearchTextSync(root: string, rel: string): { text: string; key: string } | null {
  try {
    const file = readPostFileSync(path.join(root, ...rel.split('/')));
    return { text: file.text, key: file.version };
  } catch {
    return null;
  }
}

interface Entry {
  record: PostRecord;
  text: string;
  lower: string;
  title: string;
}

const MAX_MATCHES_PER_POST = 3;
/** Characters kept (text and its case-folded copy both count): 10,000 posts of 4 KB fit twice over. */
const MAX_CACHED_CHARS = 120 * 1024 * 1024;
const MAX_LIMIT = 2000;
const READ_WIDTH = 32;
const READ_BATCH = 200;

export class PostSearch {
  private readonly texts = new Map<string, Entry>();
  private cachedChars = 0;
  private loading: Promise<void> | null = null;

  constructor(private readonly source: SearchSource) {}

  /** Forgets a post's cached text (after a save or an external change). */
  invalidate(path: string): void {
    const entry = this.texts.get(path);
    if (!entry) return;
    this.cachedChars -= entry.text.length * 2;
    this.texts.delete(path);
  }

  /** Reads every post's text into the cache ahead of the first query (an empty query starts it). */
  warm(): Promise<void> {
    this.loading ??= this.load([...this.source.records()].filter((r) => !r.skipped))
      .then(() => undefined)
      .finally(() => (this.loading = null));
    return this.loading;
  }

  async search(query: string, limit = 200): Promise<SearchHit[]> {
    const words = queryWords(query);
    if (!words.length) {
      void this.warm();
      return [];
    }
    const max = Math.max(1, Math.min(MAX_LIMIT, Math.floor(limit)));
    const records = [...this.source.records()].filter((r) => !r.skipped);
    if (this.loading) await this.loading;
    const uncached = await this.load(records);
    const found: { record: PostRecord; entry: Entry; inTitle: boolean }[] = [];
    for (const record of records) {
      const entry = this.texts.get(record.path) ?? uncached.get(record.path);
      if (!entry) continue;
      const { title, lower } = entry;
      if (words.every((w) => title.includes(w) || lower.includes(w))) found.push({ record, entry, inTitle: words.every((w) => title.includes(w)) });
    }
    // Plain comparisons: ISO dates and paths sort by code unit, and localeCompare is slow on 10,000 hits.
    const newer = (a: PostRecord, b: PostRecord) => ((a.date ?? '') > (b.date ?? '') ? -1 : (a.date ?? '') < (b.date ?? '') ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
    found.sort((a, b) => Number(b.inTitle) - Number(a.inTitle) || newer(a.record, b.record));
    return found.slice(0, max).map(({ record, entry }) => ({ path: record.path, title: record.title, matches: matchingLines(entry, words) }));
  }

  /** Fills the cache for `records`; posts past the bound are returned instead of kept. */
  private async load(records: PostRecord[]): Promise<Map<string, Entry>> {
    const extra = new Map<string, Entry>();
    const missing = records.filter((r) => this.texts.get(r.path)?.record !== r);
    const keep = (record: PostRecord, read: { text: string } | null) => {
      this.invalidate(record.path);
      if (!read) return;
      const entry = { record, text: read.text, lower: foldCase(read.text), title: foldCase(record.title) };
      if (this.cachedChars + read.text.length * 2 > MAX_CACHED_CHARS) return void extra.set(record.path, entry);
      this.texts.set(record.path, entry);
      this.cachedChars += read.text.length * 2;
    };
    const { readSync } = this.source;
    if (readSync) {
      for (let i = 0; i < missing.length; i += READ_BATCH) {
        for (const record of missing.slice(i, i + READ_BATCH)) keep(record, readSync(record.path));
        if (i + READ_BATCH < missing.length) await new Promise((resolve) => setImmediate(resolve));
      }
      return extra;
    }
    for (let i = 0; i < missing.length; i += READ_WIDTH) {
      await Promise.all(missing.slice(i, i + READ_WIDTH).map(async (record) => keep(record, await this.source.read(record.path).catch(() => null))));
    }
    return extra;
  }
}

/** The lines holding the most query words, best first (then in file order), 1-based, with the words' ranges. */
function matchingLines(entry: Entry, words: string[]): SearchMatch[] {
  const { text, lower } = entry;
  const lines = new Map<number, { start: number; words: Set<string> }>();
  for (const word of words) {
    let from = 0;
    for (let n = 0; n < 20; n++) {
      const at = lower.indexOf(word, from);
      if (at < 0) break;
      const start = text.lastIndexOf('\n', at) + 1;
      const line = lines.get(start) ?? { start, words: new Set<string>() };
      line.words.add(word);
      lines.set(start, line);
      const end = text.indexOf('\n', at);
      from = end < 0 ? text.length : end + 1;
    }
  }
  const best = [...lines.values()].sort((a, b) => b.words.size - a.words.size || a.start - b.start).slice(0, MAX_MATCHES_PER_POST);
  return best.map(({ start }) => {
    const endNl = text.indexOf('\n', start);
    const end = endNl < 0 ? text.length : endNl;
    return { line: lineNumberAt(text, start), ...snippetOf(text.slice(start, end), lower.slice(start, end), words) };
  });
}

function lineNumberAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
