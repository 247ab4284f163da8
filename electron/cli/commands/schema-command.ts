/**
 * `postwright schema SITE [--json]`: the fields the blog's posts use, as the form sees them.
 */
import path from 'node:path';
import { parseCommandArgs, printJson, UsageError, type Command } from '../command';
import { loadSiteConfig } from '../../core/site/site-config';
import { siteSchema } from '../../core/site/site-schema';
import { toPlain } from './plain-value';

const usage = 'schema SITE [--json]';

export const schemaCommand: Command = {
  name: 'schema',
  summary: "print the blog's front-matter schema: keys, how often they are used, value types",
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean' }, help: { type: 'boolean' } }, usage);
    if (values.help) return io.out(`usage: postwright ${usage}\n`), 0;
    if (positionals.length !== 1) throw new UsageError(`expected one SITE folder\nusage: postwright ${usage}`);
    const root = path.resolve(io.cwd, positionals[0]);
    const config = await loadSiteConfig(root);
    const schema = await siteSchema(root, config.config);
    if (values.json) {
      printJson(io, toPlain(schema));
      return 0;
    }
    for (const f of schema.fields) {
      io.out(`${f.key.padEnd(20)} ${f.type.padEnd(10)} ${String(f.count).padStart(6)} of ${schema.posts}${f.required ? '  required' : ''}${f.hidden ? '  hidden' : ''}${f.choices ? `  [${f.choices.join(', ')}]` : ''}\n`);
    }
    return 0;
  },
};
