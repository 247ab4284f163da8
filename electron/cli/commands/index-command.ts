/**
 * `postwright index SITE [--json] [--no-cache]`: every post as Jekyll reads it.
 */
import path from 'node:path';
import { parseCommandArgs, printJson, UsageError, type CliIo, type Command } from '../command';
import { indexSite, recordsOf } from '../../core/site/site-index';
import { CachedPost, recordJson, recordJsonBytes } from '../../core/site/index-cache';
import type { IndexedPost } from '../../core/site/post-record-file';
import { phaseTrace } from '../../core/util/trace';

const usage = 'index SITE [--json] [--no-cache]';

/**
 * `{"posts":[…]}` for a program: records that came from the cache file are copied from its bytes
 * (never decoded); when none did (a cold run), one string is cheaper than many small buffers.
 */
function printPosts(io: CliIo, posts: IndexedPost[]): void {
  if (!io.outBytes || !posts.some((p) => p instanceof CachedPost && p.fromBytes)) {
    io.out(`{"posts":[${posts.map(recordJson).join(',')}]}\n`);
    return;
  }
  const parts: Uint8Array[] = [Buffer.from('{"posts":[')];
  const comma = Buffer.from(',');
  posts.forEach((post, i) => {
    if (i > 0) parts.push(comma);
    parts.push(recordJsonBytes(post));
  });
  parts.push(Buffer.from(']}\n'));
  io.outBytes(Buffer.concat(parts));
}

export const indexCommand: Command = {
  name: 'index',
  summary: 'list every post and draft with the title, date, tags, URL… Jekyll gives it',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean' }, 'no-cache': { type: 'boolean' }, help: { type: 'boolean' } }, usage);
    if (values.help) return io.out(`usage: postwright ${usage}\n`), 0;
    if (positionals.length !== 1) throw new UsageError(`expected one SITE folder\nusage: postwright ${usage}`);
    const site = path.resolve(io.cwd, positionals[0]);
    const result = await indexSite(site, { lazyRecords: values.json === true && !io.pretty, ...(values['no-cache'] ? { cacheDir: false } : {}) });
    const trace = phaseTrace('index command');
    if (values.json) {
      // Records straight from the cache are printed as the cache holds them, never parsed.
      if (io.pretty) printJson(io, { posts: recordsOf(result) });
      else printPosts(io, [...result.posts.values()]);
      trace('printed');
      return 0;
    }
    const posts = recordsOf(result);
    for (const w of result.config.warnings) io.err(`warning: ${w}\n`);
    for (const p of posts) {
      const state = p.skipped ? 'skipped' : p.error ? 'error' : p.draft ? 'draft' : p.published ? '' : 'unpublished';
      io.out(`${(p.date ?? '').slice(0, 10).padEnd(10)}  ${state.padEnd(11)}  ${p.path}  ${p.skipped ?? p.error ?? p.title}\n`);
    }
    io.out(`${posts.length} files, ${posts.filter((p) => !p.skipped && !p.draft).length} posts, ${posts.filter((p) => p.draft && !p.skipped).length} drafts\n`);
    return 0;
  },
};
