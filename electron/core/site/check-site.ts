/**
 * Runs the check rules over a whole site: what `postwright check` and the Problems panel show.
 */
import path from 'node:path';
import { checkAcrossPosts, checkPost, topLevelKeyLines, type Problem } from '../../../shared/site/check-rules';
import { splitPost } from '../../../shared/front-matter/split';
import { inBatches } from '../util/batches';
import { indexPostFileSync } from './post-record-file';
import { scanSite } from './scan-site';
import { loadSiteConfig } from './site-config';

export interface CheckReport {
  problems: Problem[];
  files: number;
  configWarnings: string[];
}

export async function checkSite(root: string, now = Date.now()): Promise<CheckReport> {
  const absRoot = path.resolve(root);
  const config = await loadSiteConfig(absRoot);
  const entries = await scanSite(absRoot, config.config);
  const indexed: { post: ReturnType<typeof indexPostFileSync>; problems: Problem[] }[] = [];
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
    indexed.push({ post, problems: checkPost({ record: post.record, data: post.result?.frontMatter ?? null, keyLines, size: post.size }, new Date(now)) });
  });
  const problems = indexed.flatMap((i) => i.problems);
  problems.push(...checkAcrossPosts(indexed.map((i) => i.post.record)));
  problems.sort((a, b) => a.path.localeCompare(b.path) || (a.line ?? 0) - (b.line ?? 0));
  return { problems, files: entries.length, configWarnings: config.warnings };
}
