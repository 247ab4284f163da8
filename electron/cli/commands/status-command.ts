/**
 * `postwright status SITE [--json]`: the blog repository's branch, ahead/behind and changed files.
 *
 * What a sync would commit and whether the remote has news, without opening the app; JSON for
 * scripts, one line per file otherwise.
 */
import path from 'node:path';
import { parseCommandArgs, printJson, UsageError, type Command } from '../command';
import { gitStatus } from '../../core/git/git-status';
import { GitError } from '../../core/git/run-git';

const usage = 'status SITE [--json]';

export const statusCommand: Command = {
  name: 'status',
  summary: "show the blog repository's branch, commits ahead/behind the remote and changed files",
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean' }, help: { type: 'boolean' } }, usage);
    if (values.help) return io.out(`usage: postwright ${usage}\n`), 0;
    if (positionals.length !== 1) throw new UsageError(`expected one SITE folder\nusage: postwright ${usage}`);
    const site = path.resolve(io.cwd, positionals[0]);
    let status;
    try {
      status = await gitStatus(site);
    } catch (error) {
      if (error instanceof GitError) throw new UsageError(error.message);
      throw error;
    }
    if (values.json) {
      printJson(io, status);
      return 0;
    }
    if (!status.isRepo) throw new UsageError(`${site} is not a git repository: run 'git init' there and add a remote ('git remote add origin URL') to sync it`);
    const where = status.branch ? `on branch ${status.branch}` : 'HEAD detached';
    const tracking = status.upstream ? `, tracking ${status.upstream}: ahead ${status.ahead}, behind ${status.behind}` : ', no upstream (the next sync will push it)';
    io.out(`${where}${tracking}\n`);
    io.out(`last fetch: ${status.lastFetch ?? 'never'}\n`);
    if (status.operation) io.out(`a sync stopped in the middle of a ${status.operation}: resolve the conflicted files, or abort it\n`);
    if (!status.files.length) io.out('no changes\n');
    else io.out(`${status.files.length} changed file${status.files.length === 1 ? '' : 's'}:\n`);
    for (const f of status.files) io.out(`  ${f.state.padEnd(10)}  ${f.from ? `${f.from} -> ` : ''}${f.path}\n`);
    return 0;
  },
};
