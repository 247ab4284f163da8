/**
 * `postwright new|publish|unpublish|rename|delete`: the post lifecycle with Jekyll's file rules,
 * the same engine the app uses. Nothing is ever overwritten; delete goes to Postwright's trash.
 */
import path from 'node:path';
import { parseCommandArgs, UsageError, type Command, type CliIo } from '../command';
import { SourceError } from '../../../shared/source-error';
import { defaultUserDataDir } from '../../core/app-data/app-paths';
import { loadSiteConfig } from '../../core/site/site-config';
import { createPost, deletePost, publishPost, renamePost, unpublishPost, type Change } from '../../core/lifecycle/post-lifecycle';

async function siteAndPost(io: CliIo, site: string, file: string): Promise<{ root: string; rel: string }> {
  const root = path.resolve(io.cwd, site);
  const abs = path.resolve(io.cwd, file);
  const rel = path.relative(root, abs).split(path.sep).join('/');
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw new UsageError(`${file} is not inside ${site}`);
  return { root, rel };
}

function report(io: CliIo, change: Change): number {
  io.out(`${change.label}\n${change.path}\n`);
  return 0;
}

function wrap(run: (values: Record<string, unknown>, positionals: string[], io: CliIo) => Promise<Change>, options: Parameters<typeof parseCommandArgs>[1], usage: string, count: number) {
  return async (argv: string[], io: CliIo): Promise<number> => {
    const { values, positionals } = parseCommandArgs(argv, { ...options, help: { type: 'boolean' } }, usage);
    if (values.help) return io.out(`usage: postwright ${usage}\n`), 0;
    if (positionals.length !== count) throw new UsageError(`expected ${count} arguments\nusage: postwright ${usage}`);
    try {
      return report(io, await run(values, positionals, io));
    } catch (error) {
      if (error instanceof SourceError && !error.line) throw new UsageError(error.message, 1);
      throw error;
    }
  };
}

export const newCommand: Command = {
  name: 'new',
  summary: 'create a post (_posts/YYYY-MM-DD-slug.md) or, with --draft, a draft (_drafts/slug.md)',
  usage: 'new SITE TITLE [--draft]',
  run: wrap(
    async (values, [site, title], io) => {
      const root = path.resolve(io.cwd, site);
      const config = await loadSiteConfig(root);
      return createPost(root, config.config, { title, draft: values.draft === true });
    },
    { draft: { type: 'boolean' } },
    'new SITE TITLE [--draft]',
    2,
  ),
};

export const publishCommand: Command = {
  name: 'publish',
  summary: 'move a draft to _posts with a date prefix and date: set to now',
  usage: 'publish SITE DRAFT-FILE',
  run: wrap(
    async (_v, [site, file], io) => {
      const { root, rel } = await siteAndPost(io, site, file);
      return publishPost(root, (await loadSiteConfig(root)).config, rel);
    },
    {},
    'publish SITE DRAFT-FILE',
    2,
  ),
};

export const unpublishCommand: Command = {
  name: 'unpublish',
  summary: 'move a post back to _drafts, keeping its date in the front matter',
  usage: 'unpublish SITE POST-FILE',
  run: wrap(
    async (_v, [site, file], io) => {
      const { root, rel } = await siteAndPost(io, site, file);
      return unpublishPost(root, (await loadSiteConfig(root)).config, rel);
    },
    {},
    'unpublish SITE POST-FILE',
    2,
  ),
};

export const renameCommand: Command = {
  name: 'rename',
  summary: "give a post's file a new slug, keeping its date and folder",
  usage: 'rename SITE POST-FILE NEW-SLUG',
  run: wrap(
    async (_v, [site, file, slug], io) => {
      const { root, rel } = await siteAndPost(io, site, file);
      return renamePost(root, rel, slug);
    },
    {},
    'rename SITE POST-FILE NEW-SLUG',
    3,
  ),
};

export const deleteCommand: Command = {
  name: 'delete',
  summary: "move a post to Postwright's trash (in its data folder), from where it can be restored",
  usage: 'delete SITE POST-FILE',
  run: wrap(
    async (_v, [site, file], io) => {
      const { root, rel } = await siteAndPost(io, site, file);
      const change = await deletePost(root, rel, path.join(defaultUserDataDir(io.env), 'trash'));
      return { ...change, label: `${change.label} (kept in ${change.trashedTo})` };
    },
    {},
    'delete SITE POST-FILE',
    2,
  ),
};
