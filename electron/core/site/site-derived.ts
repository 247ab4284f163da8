/**
 * What an open site derives from its posts (schema, problems), kept per file and computed once.
 *
 * Each post's facts (front matter, key lines, content facts) are read at most once per file
 * version: the session hands over the posts it re-reads (save, watcher, file operations), and
 * a pass reads only posts whose facts are missing or older than the index entry. A schema or
 * check is cached until a post or the site's files change, and identical requests made while
 * one is running share it (several page loads ask at once). Long loops run in slices.
 */
import type { Problem } from '../../../shared/site/check-rules';
import type { SiteSchema } from '../../../shared/site/schema';
import { eachSliced, inBatches } from '../util/batches';
import { checkFactsOf, checkFromFacts, newReferenceCache, type PerPostProblems, type PostCheckFacts } from './check-site';
import { indexPostFileSync, refreshForNow, type IndexedPost, type IndexedPostFile } from './post-record-file';
import type { SiteIndexResult } from './site-index';
import { listSiteFiles, pageUrlsOf } from './site-file-list';
import { schemaFrom } from './site-schema';

interface FileFacts extends PostCheckFacts {
  mtimeMs: number;
}

export interface DerivedSource {
  root: string;
  /** The session's current index (replaced when the site is re-read). */
  index(): SiteIndexResult;
  /** True while a watcher reports added and removed files (false until its first scan is done). */
  watching(): boolean;
}

/** How long the list of site files is trusted without a watcher. */
const FILES_TTL_MS = 10_000;
/** Future-dated posts become published as time passes: a check is redone after this. */
const CHECK_TTL_MS = 60_000;

interface Memo<T> {
  key: string;
  at: number;
  promise: Promise<T>;
}

export class SiteDerived {
  private readonly facts = new Map<string, FileFacts>();
  private version = 0;
  /** Changes only when some post's front matter (or the set of posts) does: body edits keep the schema. */
  private frontVersion = 0;
  private filesVersion = 0;
  private gathering: Promise<void> | null = null;
  private schemaMemo: Memo<SiteSchema> | null = null;
  private checkMemo: Memo<Problem[]> | null = null;
  private filesMemo: Memo<Set<string>> | null = null;
  /** Each post's own problems, so a check after one edit runs the per-post rules for that post only. */
  private readonly perPost: PerPostProblems = new WeakMap();
  /** The site context and each post's reference problems, while no post's URL (or the site's files) changes. */
  private readonly references = newReferenceCache();

  constructor(private readonly source: DerivedSource) {}

  /** A post was just read again (with its text): its facts come from that read. */
  postRead(rel: string, post: IndexedPostFile): void {
    this.setFacts(rel, { ...checkFactsOf(post), mtimeMs: post.mtimeMs });
    this.version++;
  }

  postRemoved(rel: string): void {
    this.facts.delete(rel);
    this.version++;
    this.frontVersion++;
    this.filesVersion++;
  }

  /** Keeps a post's facts, noting whether what the schema reads of it changed. */
  private setFacts(rel: string, next: FileFacts): void {
    const before = this.facts.get(rel);
    this.facts.set(rel, next);
    if (!before || before.record.skipped !== next.record.skipped || JSON.stringify(before.frontMatter) !== JSON.stringify(next.frontMatter)) this.frontVersion++;
  }

  /** A file was added or removed anywhere in the site (images and pages count for links). */
  filesChanged(): void {
    this.filesVersion++;
  }

  /**
   * The watcher's first scan is done: a list of site files made before it may have missed a file
   * added meanwhile, so it is made again, and what was derived from it is kept if nothing differs.
   */
  async watcherReady(): Promise<void> {
    const before = this.filesMemo;
    if (!before) return;
    const [old, now] = await Promise.all([before.promise.catch(() => null), listSiteFiles(this.source.root)]);
    if (this.filesMemo !== before) return; // Changed meanwhile: already made again.
    if (old && sameFiles(old, now)) return;
    this.filesMemo = null;
    this.filesVersion++;
  }

  /** The whole site was read again (config changed): nothing derived is kept. */
  reset(): void {
    this.facts.clear();
    this.version++;
    this.frontVersion++;
    this.filesVersion++;
  }

  /** Reads the facts of every post that has none (or older ones than the index). */
  private async gather(): Promise<void> {
    while (this.gathering) await this.gathering;
    const index = this.source.index();
    const missing: IndexedPost[] = [];
    await eachSliced(index.posts, ([p, post]) => {
      const f = this.facts.get(p);
      if (!f || f.size !== post.size || f.mtimeMs !== post.mtimeMs) missing.push(post);
    });
    if (!missing.length) return;
    // Another pass started while this one looked: it reads what is missing.
    if (this.gathering) return this.gather();
    const run = inBatches(missing, (post) => {
      const { record } = post;
      let read: IndexedPostFile;
      try {
        read = indexPostFileSync(this.source.root, { path: record.path, draft: record.draft, ...(record.skipped ? { skipped: record.skipped } : {}) }, index.config.config, Date.now());
      } catch {
        return; // Gone since: the watcher will drop it from the index.
      }
      const same = read.size === post.size && read.mtimeMs === post.mtimeMs;
      // The same file version as the index's entry: its facts carry the index's own record, so a
      // check finds `facts.record === record` and reuses the post's own problems (kept per facts
      // object) instead of copying the facts, and so re-running the per-post rules, every time.
      const next = { ...checkFactsOf(same ? { ...read, record } : read), mtimeMs: read.mtimeMs };
      // A first read needs no new key: the result waiting for this pass includes it.
      if (this.facts.has(record.path)) this.setFacts(record.path, next);
      else this.facts.set(record.path, next);
      // The file changed without the index hearing of it: the index takes the new read too.
      if (!same) {
        index.posts.set(record.path, { record: read.record, size: read.size, mtimeMs: read.mtimeMs, markedPublished: read.markedPublished, epochMs: read.epochMs });
        this.version++;
      }
    });
    this.gathering = run.finally(() => {
      this.gathering = null;
    });
    await this.gathering;
  }

  /** Shares one computation per key; a failed one is forgotten. */
  private memo<T>(current: Memo<T> | null, key: string, ttl: number, compute: () => Promise<T>, store: (m: Memo<T> | null) => void): Promise<T> {
    if (current && current.key === key && Date.now() - current.at < ttl) return current.promise;
    const memo: Memo<T> = { key, at: Date.now(), promise: compute() };
    store(memo);
    memo.promise.catch(() => store(null));
    return memo.promise;
  }

  /**
   * The site's files. Made again when files were added or removed (or, without a watcher, every
   * FILES_TTL_MS); an unchanged list keeps its old Set, so what the check keeps per list (the site
   * context, each post's reference problems) stays valid.
   */
  private siteFiles(): Promise<Set<string>> {
    const ttl = this.source.watching() ? Infinity : FILES_TTL_MS;
    const before = this.filesMemo;
    return this.memo(
      this.filesMemo,
      String(this.filesVersion),
      ttl,
      async () => {
        const [old, now] = await Promise.all([before ? before.promise.catch(() => null) : null, listSiteFiles(this.source.root)]);
        return old && sameFiles(old, now) ? old : now;
      },
      (m) => (this.filesMemo = m),
    );
  }

  /** Front matters of every readable post (drafts included), in index order. */
  async schema(): Promise<SiteSchema> {
    return this.memo(this.schemaMemo, `${this.frontVersion}/${this.filesVersion}`, Infinity, async () => {
      await this.gather();
      const index = this.source.index();
      const frontMatters: Record<string, unknown>[] = [];
      await eachSliced(index.posts, ([p, post]) => {
        if (!post.record.skipped) frontMatters.push(this.facts.get(p)?.frontMatter ?? {});
      });
      return schemaFrom(frontMatters, this.source.root, index.config.config);
    }, (m) => (this.schemaMemo = m));
  }

  /** Every problem of the site, as `postwright check` reports them. */
  async check(): Promise<Problem[]> {
    return this.memo(this.checkMemo, `${this.version}/${this.filesVersion}`, CHECK_TTL_MS, async () => {
      const [files] = await Promise.all([this.siteFiles(), this.gather()]);
      const index = this.source.index();
      const now = Date.now();
      const list: PostCheckFacts[] = [];
      await eachSliced(index.posts, ([p, post]) => {
        const f = this.facts.get(p);
        if (!f) return;
        const record = refreshForNow(post, index.config.config, now).record;
        list.push(f.record === record ? f : { ...f, record });
      });
      return (await checkFromFacts(list, index.config, files, now, this.perPost, this.references)).problems;
    }, (m) => (this.checkMemo = m));
  }
}

function sameFiles(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const f of a) if (!b.has(f)) return false;
  const [pa, pb] = [[...pageUrlsOf(a)].sort(), [...pageUrlsOf(b)].sort()];
  return pa.length === pb.length && pa.every((u, i) => u === pb[i]);
}
