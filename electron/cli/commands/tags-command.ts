/**
 * `postwright tags SITE [--json] [--drafts]`: tags and categories with counts, like Jekyll's
 * `site.tags` and `site.categories`.
 */
import path from 'node:path';
import { parseCommandArgs, printJson, UsageError, type Command } from '../command';
import { collectTaxonomy } from '../../../shared/site/taxonomy';
import { indexSite, recordsOf } from '../../core/site/site-index';

const usage = 'tags SITE [--json] [--drafts]';

export const tagsCommand: Command = {
  name: 'tags',
  summary: 'list tags and categories with how many posts use each',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean' }, drafts: { type: 'boolean' }, help: { type: 'boolean' } }, usage);
    if (values.help) return io.out(`usage: postwright ${usage}\n`), 0;
    if (positionals.length !== 1) throw new UsageError(`expected one SITE folder\nusage: postwright ${usage}`);
    const result = await indexSite(path.resolve(io.cwd, positionals[0]));
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
