/**
 * One open site: its index kept current, and the only way posts are read and written.
 *
 * Reads and writes are confined to post files of the site; a save goes through the checked
 * write (the file's lock, shared with the CLI, and a version check just before the rename) and
 * is refused when the file changed since the editor loaded it, or when its front matter is not
 * valid YAML. Opening a site removes temp files a killed save left behind.
 */
import { statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PostText, PreviewContext, SaveResult, SiteSummary } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/api-error';
import type { PostRecord } from '../../../shared/jekyll/site-types';
import { SourceError } from '../../../shared/source-error';
import { resolveInSite, normaliseRelPath, OutsideSiteError } from '../store/confine';
import { replaceChecked } from '../store/checked-write';
import { removeStaleTemps } from '../store/stale-temps';
import { excludeTempFiles } from '../git/temp-exclude';
import { MAX_POST_BYTES, readPostFile, versionOf } from '../store/post-file';
import { indexPostFileSync, refreshForNow, type IndexedPost } from './post-record-file';
import { classifyPostPath } from './scan-site';
import { indexSite, writeIndexCache, type SiteIndexResult } from './site-index';
import { watchSite, type SiteWatcher } from './site-watcher';
import { eachSliced, inForeground, whenIdle } from '../util/batches';
import { SiteDerived } from './site-derived';
import type { Problem } from '../../../shared/site/check-rules';
import type { SiteSchema } from '../../../shared/site/schema';
import { defaultCacheDir } from './cache-dir';
import { readFrontMatter } from '../../../shared/front-matter/read-front-matter';

export interface SessionEvents {
  postChanged(path: string, kind: 'added' | 'changed' | 'removed', record: PostRecord | null, version: string | null): void;
  reset(postCount: number): void;
}

export interface SessionOptions {
  cacheDir?: string | false;
  isSample?: boolean;
  watch?: boolean;
  events?: SessionEvents;
}

function apiErrorFrom(error: unknown): never {
  if (error instanceof OutsideSiteError) throw new ApiError({ code: 'outside-site', message: error.message });
  if (error instanceof SourceError && error.code === 'locked') throw new ApiError({ code: 'conflict', message: error.message });
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') throw new ApiError({ code: 'not-found', message: 'no such post' });
  if (error instanceof SourceError) throw new ApiError({ code: 'invalid-input', message: error.message, line: error.line, col: error.col });
  throw error;
}

/** Checks that the front matter of `text` parses; returns the problem with whole-file position. */
export function frontMatterProblem(text: string): { message: string; line: number; col: number } | null {
  const reading = readFrontMatter(text);
  if (reading.ok) return null;
  const message = reading.kind === 'invalid-yaml' ? `invalid front matter: ${reading.message}` : 'the front matter must be a map of keys and values';
  return { message, line: reading.line, col: reading.col };
}

export class SiteSession {
  private watcher: SiteWatcher | null = null;
  /** The watcher ready and what changed during its first scan caught up. */
  private watching: Promise<void> = Promise.resolve();
  private watcherReady = false;
  private closed = false;
  private reindexing: Promise<void> | null = null;
  private readonly derived: SiteDerived;

  private constructor(
    readonly root: string,
    private index: SiteIndexResult,
    private readonly options: SessionOptions,
  ) {
    this.derived = new SiteDerived({ root, index: () => this.index, watching: () => this.watcherReady });
  }

  /**
   * Opens a site. The watcher's first scan of a big site takes a while, so opening does not
   * wait for it (nor does it start before the core is idle): once it is ready, posts whose stats
   * differ from the index (or that the index lacks, or that are gone) are read again, so nothing
   * changed meanwhile is missed.
   */
  static async open(root: string, options: SessionOptions = {}): Promise<SiteSession> {
    const abs = path.resolve(root);
    // The config as it was before the index read it: a change since (by size or mtime) is caught
    // up by reading the whole site again. (Comparing its mtime with Date.now() called a config
    // written in the same millisecond as the open, before it, a change.)
    const configAtStart = configStat(abs);
    const [index] = await Promise.all([indexSite(abs, { cacheDir: options.cacheDir }), removeStaleTemps(abs), excludeTempFiles(abs)]);
    const session = new SiteSession(abs, index, options);
    if (options.watch !== false) {
      // The watcher's first scan costs a stat and a watch per file: it starts once the core is
      // idle (the post list shown, the first schema and check done), and catches up then.
      session.watching = whenIdle().then(() => {
        if (session.closed) return;
        // A change we cannot read (the site folder removed meanwhile) must never crash the host.
        const watcher = watchSite(
          abs,
          (rel, kind) => void session.onDiskChange(rel, kind).catch(() => undefined),
          () => session.derived.filesChanged(),
        );
        session.watcher = watcher;
        return watcher.ready.then(() => session.catchUp(watcher, configAtStart)).catch(() => undefined);
      });
    }
    return session;
  }

  /** Resolves once the watcher is listening and has caught up with changes made while it started (tests wait for it). */
  async ready(): Promise<void> {
    await this.watching;
  }

  /** After the watcher's first scan: reads again whatever changed on disk since the index was made. */
  private async catchUp(watcher: SiteWatcher, configAtStart: string | null): Promise<void> {
    if (this.watcher !== watcher) return;
    this.watcherReady = true;
    // Files added or removed before the watcher saw them: the list of site files is made again.
    await this.derived.watcherReady();
    if (configStat(this.root) !== configAtStart) return void (await this.reindex());
    const changed: Array<[string, 'added' | 'changed' | 'removed']> = [];
    const seen = watcher.postFiles();
    await eachSliced(seen, (rel) => {
      if (!this.index.posts.has(rel) && classifyPostPath(this.index.config.config, rel)) changed.push([rel, 'added']);
    });
    // Stats in slices, synchronously: one async stat per post would queue 10,000 jobs ahead of every request.
    await eachSliced(this.index.posts.entries(), ([rel, post]) => {
      try {
        const stat = statSync(path.join(this.root, ...rel.split('/')));
        if (stat.size !== post.size || stat.mtimeMs !== post.mtimeMs) changed.push([rel, 'changed']);
      } catch {
        changed.push([rel, 'removed']);
      }
    });
    for (const [rel, kind] of changed) if (this.watcher === watcher) await this.onDiskChange(rel, kind).catch(() => undefined);
  }

  get config() {
    return this.index.config;
  }

  summary(): SiteSummary {
    const raw = this.index.config.config.raw;
    return {
      root: this.root,
      title: typeof raw.title === 'string' && raw.title.trim() ? raw.title : path.basename(this.root),
      isJekyll: this.index.config.isJekyll,
      warnings: this.index.config.warnings,
      isSample: this.options.isSample === true,
      postCount: this.postCount(),
    };
  }

  /** Posts Jekyll reads (skipping does not depend on the time, so no record is refreshed for this). */
  private postCount(): number {
    let n = 0;
    for (const post of this.index.posts.values()) if (!post.record.skipped) n++;
    return n;
  }

  /** The form schema, from facts kept per post (a second call costs nothing until a post changes). */
  schema(): Promise<SiteSchema> {
    return this.derived.schema();
  }

  /** Every problem of the site, from the same per-post facts. */
  check(): Promise<Problem[]> {
    return this.derived.check();
  }

  records(): PostRecord[] {
    const now = Date.now();
    return [...this.index.posts.values()].map((p) => refreshForNow(p, this.index.config.config, now).record);
  }

  /**
   * The same records, taken in slices: a warm index keeps each record as JSON text until first
   * asked, and 10,000 parses in one go held the loop for ~40 ms while a page loaded.
   */
  async recordsSliced(): Promise<PostRecord[]> {
    const now = Date.now();
    const config = this.index.config.config;
    const out: PostRecord[] = [];
    await eachSliced([...this.index.posts.values()], (p) => out.push(refreshForNow(p, config, now).record));
    return out;
  }

  /** Resolves a post path of this site, refusing anything that is not under `_posts`/`_drafts`. */
  async resolvePost(rel: string): Promise<{ rel: string; abs: string }> {
    let clean: string;
    let abs: string;
    try {
      clean = normaliseRelPath(rel);
      abs = await resolveInSite(this.root, clean);
    } catch (error) {
      apiErrorFrom(error);
    }
    const entry = classifyPostPath(this.index.config.config, clean);
    if (!entry || /\.(ya?ml)$/i.test(clean)) throw new ApiError({ code: 'forbidden', message: `'${rel}' is not a post or draft of this site` });
    return { rel: clean, abs };
  }

  /** Reads a post; background slices (schema, check) step aside meanwhile. */
  readPost(rel: string): Promise<PostText> {
    return inForeground(async () => {
      const { rel: clean, abs } = await this.resolvePost(rel);
      try {
        const file = await readPostFile(abs);
        return { path: clean, text: file.text, version: file.version };
      } catch (error) {
        apiErrorFrom(error);
      }
    });
  }

  /** Saves a post; background slices step aside meanwhile. */
  savePost(rel: string, text: string, baseVersion: string): Promise<SaveResult> {
    return inForeground(() => this.save(rel, text, baseVersion));
  }

  private async save(rel: string, text: string, baseVersion: string): Promise<SaveResult> {
    const { rel: clean, abs } = await this.resolvePost(rel);
    if (Buffer.byteLength(text) > MAX_POST_BYTES) return { status: 'invalid', message: `the post is larger than ${MAX_POST_BYTES / 1048576} MB` };
    const problem = frontMatterProblem(text);
    if (problem) return { status: 'invalid', ...problem };
    let write;
    try {
      write = await replaceChecked(this.root, abs, text, baseVersion);
    } catch (error) {
      apiErrorFrom(error);
    }
    if (write.status === 'conflict') return { status: 'conflict', diskText: write.disk ? write.disk.toString('utf8') : '', diskVersion: write.diskVersion };
    if (write.status === 'unchanged') return { status: 'saved', version: write.version, record: this.index.posts.get(clean)?.record ?? null };
    const post = await this.refreshPost(clean);
    return { status: 'saved', version: write.version, record: post?.record ?? null };
  }

  /** Re-reads these posts after a file operation, so the next list is current at once. */
  async syncPaths(paths: readonly string[]): Promise<void> {
    for (const p of paths) {
      const gone = await this.refreshPost(p).catch(() => null);
      if (!gone) {
        this.index.posts.delete(p);
        this.derived.postRemoved(p);
      }
    }
  }

  /** Re-reads one post into the index; null when it is gone or not a post. */
  private async refreshPost(rel: string): Promise<IndexedPost | null> {
    const entry = classifyPostPath(this.index.config.config, rel);
    if (!entry) return null;
    try {
      const post = indexPostFileSync(this.root, entry, this.index.config.config, Date.now());
      const slim: IndexedPost = { record: post.record, size: post.size, mtimeMs: post.mtimeMs, markedPublished: post.markedPublished, epochMs: post.epochMs };
      this.index.posts.set(rel, slim);
      this.derived.postRead(rel, post);
      return slim;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        this.index.posts.delete(rel);
        this.derived.postRemoved(rel);
        return null;
      }
      throw error;
    }
  }

  private async onDiskChange(rel: string, kind: 'added' | 'changed' | 'removed'): Promise<void> {
    if (rel === '_config.yml' || rel.startsWith('_includes/')) {
      if (rel === '_config.yml') await this.reindex();
      return;
    }
    if (kind === 'removed') {
      this.derived.postRemoved(rel);
      if (this.index.posts.delete(rel)) this.options.events?.postChanged(rel, 'removed', null, null);
      return;
    }
    const post = await this.refreshPost(rel).catch(() => null);
    if (!post) return;
    let version: string | null = null;
    try {
      version = versionOf(await readFile(path.join(this.root, ...rel.split('/'))));
    } catch {
      version = null;
    }
    this.options.events?.postChanged(rel, kind, post.record, version);
  }

  /** Re-reads the whole site (config changed). */
  async reindex(): Promise<void> {
    if (!this.reindexing) {
      this.reindexing = (async () => {
        this.index = await indexSite(this.root, { cacheDir: this.options.cacheDir });
        this.derived.reset();
        this.options.events?.reset(this.summary().postCount);
      })().finally(() => {
        this.reindexing = null;
      });
    }
    return this.reindexing;
  }

  async previewContext(): Promise<PreviewContext> {
    const config = this.index.config.config;
    return {
      site: config.raw,
      baseurl: config.baseurl,
      url: config.url,
      markdownExt: config.markdownExt,
      includes: await readIncludes(path.join(this.root, '_includes')),
      posts: (await this.recordsSliced()).filter((r) => !r.skipped).map((r) => ({ path: r.path, url: r.url, slug: r.slug, date: r.date, title: r.title })),
    };
  }

  /** The text and version of a post, for search. */
  async readForSearch(rel: string): Promise<{ text: string; key: string } | null> {
    const post = this.index.posts.get(rel);
    if (!post || post.record.skipped) return null;
    const file = await readPostFile(path.join(this.root, ...rel.split('/')));
    return { text: file.text, key: file.version };
  }

  async close(): Promise<void> {
    this.closed = true;
    const watcher = this.watcher;
    this.watcher = null;
    await watcher?.close();
    await writeIndexCache(this.options.cacheDir === undefined ? defaultCacheDir() : this.options.cacheDir, this.index);
  }
}

/** `_config.yml`'s size and mtime as one string, or null when there is none. */
function configStat(root: string): string | null {
  try {
    const stat = statSync(path.join(root, '_config.yml'));
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return null;
  }
}

const MAX_INCLUDE_FILES = 300;
const MAX_INCLUDE_BYTES = 256 * 1024;

/** `_includes/` files by relative name, for Liquid's `{% include %}` in the preview. */
async function readIncludes(dir: string, prefix = '', out: Record<string, string> = {}): Promise<Record<string, string>> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (Object.keys(out).length >= MAX_INCLUDE_FILES || entry.name.startsWith('.')) continue;
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) await readIncludes(path.join(dir, entry.name), rel, out);
    else if (entry.isFile()) {
      const bytes = await readFile(path.join(dir, entry.name)).catch(() => null);
      if (bytes && bytes.length <= MAX_INCLUDE_BYTES) out[rel] = bytes.toString('utf8');
    }
  }
  return out;
}
