/**
 * Runs the check rules over a whole site: what `postwright check` and the Problems panel show.
 *
 * Split in two so an open site can cache: `checkFactsOf` keeps what the rules need from one
 * post file (it depends on that file alone), and `checkFromFacts` runs the rules over those
 * facts and the site, in slices, without reading any post again.
 */
import path from 'node:path';
import { checkAcrossPostsSteps, checkDuplicateTitlesSteps, checkPost, topLevelKeyLines, type Problem } from '../../../shared/site/check-rules';
import { checkContent, checkReferences, contentFacts, type ContentFacts } from '../../../shared/site/content-rules';
import { checkSettingsFrom } from '../../../shared/site/check-settings';
import { lineOfOffset } from '../../../shared/site/post-facts';
import { siteContextSteps, type SiteContext } from '../../../shared/site/site-context';
import { sortSteps } from '../../../shared/site/stepped';
import type { PostRecord } from '../../../shared/jekyll/site-types';
import { splitPost } from '../../../shared/front-matter/split';
import { inBatches, runSliced, sliceClock, yieldToLoop } from '../util/batches';
import { indexPostFileSync, type IndexedPostFile } from './post-record-file';
import { scanSite } from './scan-site';
import { loadSiteConfig, type LoadedConfig } from './site-config';
import { listSiteFiles, pageUrlsOf } from './site-file-list';

export interface CheckReport {
  problems: Problem[];
  files: number;
  configWarnings: string[];
}

/** What the check rules (and the schema) need from one post file. */
export interface PostCheckFacts {
  record: PostRecord;
  /** The front matter as read; null when there is none or it is invalid. */
  frontMatter: Record<string, unknown> | null;
  keyLines: Record<string, number>;
  size: number;
  /** Images, links and text facts of a readable post; null otherwise. */
  content: ContentFacts | null;
}

/** The facts of one indexed post file (read with its text). */
export function checkFactsOf(post: IndexedPostFile): PostCheckFacts {
  const parts = post.text !== undefined ? splitPost(post.text) : null;
  const keyLines = parts?.frontMatter && post.result ? topLevelKeyLines(parts.frontMatter.yaml, post.result.yamlFirstLine) : {};
  const content =
    parts && post.text !== undefined && post.result && !post.record.error && !post.record.skipped
      ? contentFacts({ record: post.record, frontMatter: post.result.frontMatter, data: post.result.data, keyLines, body: parts.body, bodyFirstLine: lineOfOffset(post.text, parts.bodyOffset) })
      : null;
  return { record: post.record, frontMatter: post.result?.frontMatter ?? null, keyLines, size: post.size, content };
}

/** Problems of one post alone, kept per facts object until the post's date passes (future-date). */
export type PerPostProblems = WeakMap<PostCheckFacts, { until: number; problems: Problem[] }>;

/**
 * The site context of the last check and each post's reference problems against it, kept while
 * the site's files and what the context reads of the posts (paths, URLs, slugs, days, states) stay
 * the same: after an edit to one post's text only that post's references are checked again.
 */
export interface ReferenceCache {
  key: string | null;
  files: ReadonlySet<string> | null;
  site: SiteContext | null;
  byContent: WeakMap<ContentFacts, Problem[]>;
  /** Duplicate URLs: they read no more of the posts than the site context does, so kept with it. */
  sameUrls: Problem[] | null;
  /** Duplicate titles, kept while the posts' titles, languages and title lines stay the same. */
  sameTitles: { key: string; problems: Problem[] } | null;
  /** Each path's place in the last sort of problem paths (collator-equal paths share one). */
  ranks: Map<string, number> | null;
}

export function newReferenceCache(): ReferenceCache {
  return { key: null, files: null, site: null, byContent: new WeakMap(), sameUrls: null, sameTitles: null, ranks: null };
}

/** What siteContextSteps reads of the posts, in order (first wins there), as one string. */
async function contextKey(records: readonly PostRecord[], baseurl: string, pause: () => Promise<void>): Promise<string> {
  let key = baseurl;
  let n = 0;
  for (const r of records) {
    key += `\n${r.path}\0${r.url}\0${r.slug}\0${r.date ?? ''}\0${r.published ? 1 : 0}${r.draft ? 1 : 0}${r.skipped ? 1 : 0}${r.error ? 1 : 0}`;
    if ((++n & 255) === 0) await pause();
  }
  return key;
}

/** Every problem of the site from the facts of its posts and the list of its files. */
export async function checkFromFacts(
  facts: readonly PostCheckFacts[],
  config: LoadedConfig,
  siteFiles: ReadonlySet<string>,
  now: number,
  perPost: PerPostProblems = new WeakMap(),
  refs: ReferenceCache = newReferenceCache(),
): Promise<{ problems: Problem[]; warnings: string[] }> {
  const settings = checkSettingsFrom(config.config.raw);
  const problems: Problem[] = [];
  const clock = sliceClock();
  // Per-item loops test the clock before awaiting: an await per post is 10,000 promises a check.
  const pause = async () => {
    if (clock.due()) {
      await yieldToLoop();
      clock.reset();
    }
  };
  const date = new Date(now);
  for (const f of facts) {
    let own = perPost.get(f);
    if (!own || now >= own.until) {
      const list = checkPost({ record: f.record, data: f.frontMatter, keyLines: f.keyLines, size: f.size }, date);
      if (f.content) list.push(...checkContent(f.content, settings.settings));
      const at = f.record.date ? Date.parse(f.record.date) : NaN;
      own = { until: at > now ? at : Infinity, problems: list };
      perPost.set(f, own);
    }
    for (const p of own.problems) problems.push(p);
    if (clock.due()) await pause();
  }
  const records = facts.map((f) => f.record);
  const key = await contextKey(records, config.config.baseurl, pause);
  if (refs.key !== key || refs.files !== siteFiles || !refs.site) {
    const site = await runSliced(siteContextSteps(siteFiles, records, config.config.baseurl, pageUrlsOf(siteFiles), config.config.collectionsDir), clock);
    Object.assign(refs, { key, files: siteFiles, site, byContent: new WeakMap(), sameUrls: null });
  }
  const site = refs.site!;
  const titleLines = new Map<string, number>();
  const langs = new Map<string, string>();
  for (const f of facts) {
    if (!f.content) continue;
    let references = refs.byContent.get(f.content);
    if (!references) {
      references = checkReferences(f.content, site);
      refs.byContent.set(f.content, references);
    }
    for (const p of references) problems.push(p);
    if (f.content.title?.line) titleLines.set(f.content.path, f.content.title.line);
    if (f.content.lang) langs.set(f.content.path, f.content.lang);
    if (clock.due()) await pause();
  }
  refs.sameUrls ??= await runSliced(checkAcrossPostsSteps(records), clock);
  for (const p of refs.sameUrls) problems.push(p);
  const titlesKey = await titleKey(records, titleLines, langs, pause);
  if (refs.sameTitles?.key !== titlesKey) refs.sameTitles = { key: titlesKey, problems: await runSliced(checkDuplicateTitlesSteps(records, titleLines, langs), clock) };
  for (const p of refs.sameTitles.problems) problems.push(p);
  return { problems: await runSliced(sortProblemsSteps(problems, refs), clock), warnings: [...config.warnings, ...settings.warnings] };
}

/** What checkDuplicateTitlesSteps reads of the posts, in order, as one string. */
async function titleKey(records: readonly PostRecord[], titleLines: ReadonlyMap<string, number>, langs: ReadonlyMap<string, string>, pause: () => Promise<void>): Promise<string> {
  let key = '';
  let n = 0;
  for (const r of records) {
    key += `\n${r.path}\0${r.skipped || r.error ? 1 : 0}\0${langs.get(r.path) ?? ''}\0${titleLines.get(r.path) ?? ''}\0${r.title}`;
    if ((++n & 255) === 0) await pause();
  }
  return key;
}

const collator = new Intl.Collator();

/**
 * Problems by path (as `localeCompare` orders them), then by line: bucketed by path so the
 * costly comparison runs over the paths only, not over every problem. The paths' order is kept
 * (`refs.ranks`, equal ranks for paths the collator calls equal): when every path is ranked
 * already, the ranks are compared instead, which a stable sort turns into the same order.
 */
function* sortProblemsSteps(problems: Problem[], refs: ReferenceCache): Generator<void, Problem[], undefined> {
  const byPath = new Map<string, Problem[]>();
  let n = 0;
  for (const p of problems) {
    const bucket = byPath.get(p.path);
    if (bucket) bucket.push(p);
    else byPath.set(p.path, [p]);
    if ((++n & 255) === 0) yield;
  }
  const keys = [...byPath.keys()];
  const ranks = refs.ranks;
  let paths: string[];
  if (ranks && keys.every((k) => ranks.has(k))) paths = yield* sortSteps(keys, (a, b) => ranks.get(a)! - ranks.get(b)!);
  else {
    paths = yield* sortSteps(keys, collator.compare);
    const next = new Map<string, number>();
    let rank = 0;
    for (let i = 0; i < paths.length; i++) {
      if (i > 0 && collator.compare(paths[i - 1], paths[i]) !== 0) rank++;
      next.set(paths[i], rank);
      if ((i & 255) === 255) yield;
    }
    refs.ranks = next;
  }
  const out: Problem[] = [];
  for (const p of paths) {
    const bucket = byPath.get(p)!;
    if (bucket.length > 1) bucket.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    for (const problem of bucket) out.push(problem);
    if ((++n & 255) === 0) yield;
  }
  return out;
}

/** Checks the site at `root` from scratch (the CLI; an open site uses its cached facts). */
export async function checkSite(root: string, now = Date.now()): Promise<CheckReport> {
  const absRoot = path.resolve(root);
  const config = await loadSiteConfig(absRoot);
  const entries = await scanSite(absRoot, config.config);
  const siteFiles = listSiteFiles(absRoot);
  const facts: PostCheckFacts[] = [];
  await inBatches(entries, (entry) => {
    try {
      facts.push(checkFactsOf(indexPostFileSync(absRoot, entry, config.config, now)));
    } catch (error) {
      // Deleted between the scan and the read.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
  });
  const { problems, warnings } = await checkFromFacts(facts, config, await siteFiles, now);
  return { problems, files: entries.length, configWarnings: warnings };
}
