/**
 * Runs the check rules over a whole site: what `postwright check` and the Problems panel show.
 */
import path from 'node:path';
import { checkAcrossPosts, checkDuplicateTitles, checkPost, topLevelKeyLines, type Problem } from '../../../shared/site/check-rules';
import { checkContent, checkReferences, contentFacts, type ContentFacts } from '../../../shared/site/content-rules';
import { checkSettingsFrom } from '../../../shared/site/check-settings';
import { lineOfOffset } from '../../../shared/site/post-facts';
import { siteContext } from '../../../shared/site/site-context';
import { splitPost } from '../../../shared/front-matter/split';
import { inBatches } from '../util/batches';
import { indexPostFileSync } from './post-record-file';
import { scanSite } from './scan-site';
import { loadSiteConfig } from './site-config';
import { listSiteFiles, pagePermalinks } from './site-file-list';

export interface CheckReport {
  problems: Problem[];
  files: number;
  configWarnings: string[];
}

export async function checkSite(root: string, now = Date.now()): Promise<CheckReport> {
  const absRoot = path.resolve(root);
  const config = await loadSiteConfig(absRoot);
  const entries = await scanSite(absRoot, config.config);
  const settings = checkSettingsFrom(config.config.raw);
  const siteFiles = listSiteFiles(absRoot);
  // Per file: problems of the post alone and the facts (images, links) checked against the site below.
  const indexed: { post: ReturnType<typeof indexPostFileSync>; problems: Problem[]; facts: ContentFacts | null }[] = [];
  await inBatches(entries, (entry) => {
    let post;
    try {
      post = indexPostFileSync(absRoot, entry, config.config, now);
    } catch (error) {
      // Deleted between the scan and the read.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    const parts = post.text !== undefined ? splitPost(post.text) : null;
    const keyLines = parts?.frontMatter && post.result ? topLevelKeyLines(parts.frontMatter.yaml, post.result.yamlFirstLine) : {};
    const problems = checkPost({ record: post.record, data: post.result?.frontMatter ?? null, keyLines, size: post.size }, new Date(now));
    const facts =
      parts && post.text !== undefined && post.result && !post.record.error && !post.record.skipped
        ? contentFacts({ record: post.record, frontMatter: post.result.frontMatter, data: post.result.data, keyLines, body: parts.body, bodyFirstLine: lineOfOffset(post.text, parts.bodyOffset) })
        : null;
    if (facts) problems.push(...checkContent(facts, settings.settings));
    indexed.push({ post, problems, facts });
  });
  const problems = indexed.flatMap((i) => i.problems);
  const records = indexed.map((i) => i.post.record);
  const files = await siteFiles;
  const site = siteContext(files, records, config.config.baseurl, await pagePermalinks(absRoot, files));
  const titleLines = new Map<string, number>();
  for (const i of indexed) {
    if (!i.facts) continue;
    problems.push(...checkReferences(i.facts, site));
    if (i.facts.title?.line) titleLines.set(i.facts.path, i.facts.title.line);
  }
  problems.push(...checkAcrossPosts(records), ...checkDuplicateTitles(records, titleLines));
  problems.sort((a, b) => a.path.localeCompare(b.path) || (a.line ?? 0) - (b.line ?? 0));
  return { problems, files: entries.length, configWarnings: [...config.warnings, ...settings.warnings] };
}
