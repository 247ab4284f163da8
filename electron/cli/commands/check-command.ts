/**
 * `postwright check SITE [--json]`: problems Jekyll would hit or silently work around.
 * Exit 1 when there is an error, so a blog's CI can run it.
 */
import path from 'node:path';
import { parseCommandArgs, printJson, UsageError, type Command } from '../command';
import { checkSite } from '../../core/site/check-site';
import { kindCounts } from '../../../shared/site/problem-kinds';

const usage = 'check SITE [--json]';

export const checkCommand: Command = {
  name: 'check',
  summary: 'report invalid front matter, wrong dates, missing images, broken links, Liquid in code, duplicate titles, SEO lengths… (exit 1 on errors)',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean' }, help: { type: 'boolean' } }, usage);
    if (values.help) return io.out(`usage: postwright ${usage}\n`), 0;
    if (positionals.length !== 1) throw new UsageError(`expected one SITE folder\nusage: postwright ${usage}`);
    const report = await checkSite(path.resolve(io.cwd, positionals[0]));
    const errors = report.problems.filter((p) => p.severity === 'error').length;
    const warnings = report.problems.length - errors;
    const kinds = kindCounts(report.problems);
    const byCode: Record<string, number> = {};
    for (const p of report.problems) byCode[p.code] = (byCode[p.code] ?? 0) + 1;
    if (values.json) {
      printJson(io, { problems: report.problems, errors, warnings, files: report.files, config: report.configWarnings, counts: byCode });
    } else {
      for (const w of report.configWarnings) io.out(`warning: ${w}\n`);
      for (const p of report.problems) {
        const place = [p.path, p.line, p.col].filter((x) => x !== undefined).join(':');
        io.out(`${place}: ${p.severity}: ${p.message} [${p.code}]\n`);
      }
      if (kinds.length) io.out(`${kinds.map((k) => `${k.kind.label}: ${k.count}`).join(', ')}\n`);
      io.out(`${report.files} files checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
    }
    return errors > 0 ? 1 : 0;
  },
};
