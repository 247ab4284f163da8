/**
 * The schema of an open site: every post's front matter, `_layouts/`, `defaults:` and the
 * optional `postwright:` block of `_config.yml`, fed to the pure inference in shared/.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { inferSchemaSteps, type SiteSchema } from '../../../shared/site/schema';
import { defaultsFor } from '../../../shared/jekyll/front-matter-defaults';
import { postsFolder } from '../../../shared/jekyll/config';
import type { SiteConfig } from '../../../shared/jekyll/site-types';
import { indexPostFileSync } from './post-record-file';
import { scanSite } from './scan-site';
import { inBatches, runSliced } from '../util/batches';
import { themeLayoutNames } from '../theme/theme-layouts';

export async function layoutNames(root: string): Promise<string[]> {
  try {
    return (await readdir(path.join(root, '_layouts'), { withFileTypes: true }))
      .filter((e) => e.isFile() && !e.name.startsWith('.'))
      .map((e) => e.name.replace(/\.[^.]+$/, ''))
      .sort();
  } catch {
    return [];
  }
}

/** Front matters of every readable post (drafts included). */
export async function allFrontMatters(root: string, config: SiteConfig): Promise<Record<string, unknown>[]> {
  const entries = (await scanSite(root, config)).filter((e) => !e.skipped);
  const out: Record<string, unknown>[] = [];
  const now = Date.now();
  await inBatches(entries, (entry) => {
    try {
      out.push(indexPostFileSync(root, entry, config, now).result?.frontMatter ?? {});
    } catch {
      // Gone since the scan.
    }
  });
  return out;
}

/** The schema from front matters already read (an open site keeps them per file); inferred in time slices. */
export async function schemaFrom(frontMatters: readonly Record<string, unknown>[], root: string, config: SiteConfig): Promise<SiteSchema> {
  const layouts = await themeLayoutNames(root, config.raw);
  return runSliced(
    inferSchemaSteps({
      frontMatters,
      defaults: defaultsFor(config.defaults, `${postsFolder(config)}/new-post.md`, 'posts', config.collectionsDir),
      layouts,
      explicit: config.raw.postwright,
    }),
  );
}

/** The schema of the site at `root` from scratch (the CLI). */
export async function siteSchema(root: string, config: SiteConfig): Promise<SiteSchema> {
  return schemaFrom(await allFrontMatters(root, config), root, config);
}
