/**
 * `postwright tags SITE [--json] [--drafts]`: tags and categories with counts, like Jekyll's
 * `site.tags` and `site.categories`.
 */
import path from 'node:path';
import { parseCommandArgs, printJson, UsageError, type Command } from '../command';
import { collectTaxonomy } from '../../../shared/site/taxonomy';
import { indexSite, recordsOf } from '../../core/site/site-index';
import { defaultCacheDir } from '../../core/site/cache-dir';
import { loadSiteConfig } from '../../core/site/site-config';
import { applyPlan, planTermOperation } from '../../core/taxonomy/term-batch';
import type { TermKind, TermOperation } from '../../../shared/site/taxonomy-edit';
import type { CliIo } from '../command';

const usage = [
  'tags SITE [--json] [--drafts]',
  'tags rename SITE OLD NEW [--kind tag|category] [--dry-run]',
  'tags merge SITE A B... --into C [--kind tag|category] [--dry-run]',
  'tags delete SITE NAME [--kind tag|category] [--dry-run]',
].join('\n       postwright ');

export const tagsCommand: Command = {
  name: 'tags',
  summary: 'list tags and categories with counts; rename, merge or delete them across the blog',
  usage,
  async run(argv, io) {
    if (['rename', 'merge', 'delete'].includes(argv[0] ?? '')) return runTermChange(argv, io);
    const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean' }, drafts: { type: 'boolean' }, help: { type: 'boolean' } }, usage);
    if (values.help) return io.out(`usage: postwright ${usage}\n`), 0;
    if (positionals.length !== 1) throw new UsageError(`expected one SITE folder\nusage: postwright ${usage}`);
    const result = await indexSite(path.resolve(io.cwd, positionals[0]), { cacheDir: defaultCacheDir(io.env) });
    const taxonomy = collectTaxonomy(recordsOf(result), { drafts: values.drafts });
    if (values.json) {
      printJson(io, taxonomy);
      return 0;
    }
    for (const [label, terms] of [['tags', taxonomy.tags], ['categories', taxonomy.categories]] as const) {
      io.out(`${label}:\n`);
      for (const t of terms) io.out(`  ${String(t.count).padStart(5)}  ${t.name}\n`);
    }
    return 0;
  },
};

/** `tags rename|merge|delete`: one batch over the whole site, only the tags/categories lines. */
async function runTermChange(argv: string[], io: CliIo): Promise<number> {
  const [op, ...rest] = argv;
  const { values, positionals } = parseCommandArgs(rest, { kind: { type: 'string' }, into: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } }, usage);
  const kind = (values.kind ?? 'tag') as TermKind;
  if (kind !== 'tag' && kind !== 'category') throw new UsageError(`--kind must be tag or category, not '${values.kind}'`);
  const [site, ...names] = positionals;
  let operation: TermOperation;
  if (op === 'rename') {
    if (names.length !== 2) throw new UsageError(`expected SITE OLD NEW\nusage: postwright ${usage}`);
    operation = { op: 'rename', kind, from: names[0], to: names[1] };
  } else if (op === 'merge') {
    if (names.length < 1 || !values.into) throw new UsageError(`expected SITE A B... --into C\nusage: postwright ${usage}`);
    operation = { op: 'merge', kind, from: names, into: values.into };
  } else {
    if (names.length !== 1) throw new UsageError(`expected SITE NAME\nusage: postwright ${usage}`);
    operation = { op: 'delete', kind, name: names[0] };
  }
  if (!site) throw new UsageError(`expected a SITE folder\nusage: postwright ${usage}`);
  const root = path.resolve(io.cwd, site);
  const plan = await planTermOperation(root, (await loadSiteConfig(root)).config, operation);
  if (values.json && values['dry-run']) {
    printJson(io, { files: plan.map((f) => ({ path: f.path, lines: f.lines })) });
    return 0;
  }
  for (const file of plan) for (const l of file.lines) io.out(`${file.path}:${l.line}: ${l.before} → ${l.after}\n`);
  if (values['dry-run']) {
    io.out(`${plan.length} file${plan.length === 1 ? '' : 's'} would change (dry run: nothing written)\n`);
    return 0;
  }
  const result = await applyPlan(root, plan);
  io.out(`${result.written.length} file${result.written.length === 1 ? '' : 's'} changed\n`);
  for (const c of result.conflicts) io.err(`skipped ${c}: it changed while the batch ran\n`);
  for (const f of result.failed) io.err(`failed ${f.path}: ${f.message}\n`);
  return result.conflicts.length || result.failed.length ? 1 : 0;
}
