/**
 * `postwright index SITE [--json] [--no-cache]`: every post as Jekyll reads it.
 */
import path from 'node:path';
import { parseCommandArgs, printJson, UsageError, type Command } from '../command';
import { indexSite, recordsOf } from '../../core/site/site-index';

const usage = 'index SITE [--json] [--no-cache]';

export const indexCommand: Command = {
  name: 'index',
  summary: 'list every post and draft with the title, date, tags, URL… Jekyll gives it',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean' }, 'no-cache': { type: 'boolean' }, help: { type: 'boolean' } }, usage);
    if (values.help) return io.out(`usage: postwright ${usage}\n`), 0;
    if (positionals.length !== 1) throw new UsageError(`expected one SITE folder\nusage: postwright ${usage}`);
    const site = path.resolve(io.cwd, positionals[0]);
    const result = await indexSite(site, values['no-cache'] ? { cacheDir: false } : {});
    const posts = recordsOf(result);
    if (values.json) {
      printJson(io, { posts });
      return 0;
    }
    for (const w of result.config.warnings) io.err(`warning: ${w}\n`);
    for (const p of posts) {
      const state = p.skipped ? 'skipped' : p.error ? 'error' : p.draft ? 'draft' : p.published ? '' : 'unpublished';
      io.out(`${(p.date ?? '').slice(0, 10).padEnd(10)}  ${state.padEnd(11)}  ${p.path}  ${p.skipped ?? p.error ?? p.title}\n`);
    }
    io.out(`${posts.length} files, ${posts.filter((p) => !p.skipped && !p.draft).length} posts, ${posts.filter((p) => p.draft && !p.skipped).length} drafts\n`);
    return 0;
  },
};
