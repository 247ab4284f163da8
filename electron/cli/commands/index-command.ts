/**
 * `postwright index SITE [--json] [--no-cache]`: every post as Jekyll reads it.
 */
import path from 'node:path';
import { parseCommandArgs, printJson, UsageError, type CliIo, type Command } from '../command';
import { indexSite, recordsOf } from '../../core/site/site-index';
import { defaultCacheDir } from '../../core/site/cache-dir';
import { CachedPost, recordJson, recordJsonSpan, type JsonSpan } from '../../core/site/index-cache';
import type { IndexedPost } from '../../core/site/post-record-file';
import { phaseTrace } from '../../core/util/trace';

const usage = 'index SITE [--json] [--no-cache]';

const OPEN = Buffer.from('{"posts":[');
const CLOSE = Buffer.from(']}\n');

/**
 * `{"posts":[…]}` for a program: records that came from the cache file are copied from its bytes
 * (never decoded), a stretch of records lying next to each other there in one copy (all of them
 * when nothing changed), with their line breaks made commas. When no record came from the cache
 * (a cold run), one string is cheaper.
 */
function printPosts(io: CliIo, posts: IndexedPost[]): void {
  if (!io.outBytes || !posts.some((p) => p instanceof CachedPost && p.fromBytes)) {
    io.out(`{"posts":[${posts.map(recordJson).join(',')}]}\n`);
    return;
  }
  const stretches: JsonSpan[] = [];
  let size = OPEN.length + CLOSE.length;
  for (const post of posts) {
    const span = recordJsonSpan(post);
    const last = stretches[stretches.length - 1];
    // The next record of the same file, one line break on: the stretch grows over both.
    if (last && last.bytes === span.bytes && last.end + 1 === span.start) last.end = span.end;
    else stretches.push({ ...span });
    size += span.end - span.start + 1;
  }
  size -= posts.length ? 1 : 0;
  const out = Buffer.allocUnsafe(size);
  let at = OPEN.copy(out, 0);
  stretches.forEach((s, i) => {
    if (i > 0) out[at++] = 0x2c;
    at += s.bytes.copy(out, at, s.start, s.end);
  });
  CLOSE.copy(out, at);
  // JSON text holds no raw line break: every one inside the list separated two cached records.
  for (let i = out.indexOf(0x0a, OPEN.length); i >= 0 && i < at; i = out.indexOf(0x0a, i + 1)) out[i] = 0x2c;
  io.outBytes(out);
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
    const result = await indexSite(site, { lazyRecords: values.json === true && !io.pretty, cacheDir: values['no-cache'] ? false : defaultCacheDir(io.env) });
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
