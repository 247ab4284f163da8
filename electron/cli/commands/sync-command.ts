/**
 * `postwright sync SITE [-m MESSAGE] [--merge] [--json]`: commit, pull and push the blog.
 *
 * Exit codes tell a script what happened to the work: 0 synced, 1 conflict (local work kept,
 * nothing pushed) or a git failure, 3 offline (committed locally), 4 authentication failed,
 * 2 a usage mistake (not a repository, no remote).
 */
import path from 'node:path';
import { parseCommandArgs, printJson, UsageError, type Command } from '../command';
import { syncSite, type SyncResult } from '../../core/git/git-sync';

const usage = 'sync SITE [-m MESSAGE] [--merge] [--json]';

const EXIT: Record<SyncResult['status'], number> = { synced: 0, conflict: 1, error: 1, offline: 3, 'auth-failed': 4, 'no-remote': 2, cancelled: 130 };

export const syncCommand: Command = {
  name: 'sync',
  summary: 'commit your changes, pull the remote and push (never forced; conflicts stop with your work kept)',
  usage,
  async run(argv, io) {
    const options = { message: { type: 'string', short: 'm' }, merge: { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean' } } as const;
    const { values, positionals } = parseCommandArgs(argv, options, usage);
    if (values.help) return io.out(`usage: postwright ${usage}\n`), 0;
    if (positionals.length !== 1) throw new UsageError(`expected one SITE folder\nusage: postwright ${usage}`);
    const site = path.resolve(io.cwd, positionals[0]);
    // Ctrl+C stops the sync before its next step (never in the middle of a pull).
    const controller = new AbortController();
    const onInterrupt = () => {
      io.err('cancelling after the current step…\n');
      controller.abort();
    };
    process.once('SIGINT', onInterrupt);
    let result: SyncResult;
    try {
      result = await syncSite(site, { message: values.message, mode: values.merge ? 'merge' : 'rebase', signal: controller.signal });
    } finally {
      process.removeListener('SIGINT', onInterrupt);
    }
    if (result.status === 'error' && result.kind && result.kind !== 'failed') throw new UsageError(result.message);
    if (values.json) {
      printJson(io, result);
      return EXIT[result.status];
    }
    report(result, io.out, io.err);
    return EXIT[result.status];
  },
};

function report(result: SyncResult, out: (t: string) => void, err: (t: string) => void): void {
  switch (result.status) {
    case 'cancelled':
      err(`cancelled: ${result.committed ? 'your changes are committed locally, ' : ''}ahead by ${result.ahead}; nothing else was changed\n`);
      return;
    case 'synced':
      out(result.pushed ? `synced: ${result.committed ? 'committed and ' : ''}pushed\n` : `synced: ${result.committed ? 'committed; ' : ''}already up to date with the remote\n`);
      return;
    case 'conflict':
      err(`conflict: you and the remote both changed ${result.files.length === 1 ? 'this file' : 'these files'}:\n`);
      for (const f of result.files) err(`  ${f}\n`);
      err(`your local work is kept (backup at ${result.backupRef}) and nothing was pushed; resolve the files in Postwright, or run 'git rebase --abort' / 'git merge --abort' to undo the sync\n`);
      return;
    case 'offline':
      err(`offline: committed locally, ahead by ${result.ahead}; sync again when the remote can be reached\n`);
      return;
    case 'auth-failed':
      err(`authentication failed for ${result.remote}${result.committed ? ' (your changes are committed locally)' : ''}: ${result.hint}\n`);
      return;
    case 'no-remote':
      err(`postwright: no remote to sync with${result.committed ? ' (your changes are committed locally)' : ''}: add one with 'git remote add origin URL'\n`);
      return;
    case 'error':
      err(`postwright: sync failed: ${result.message}\n`);
      return;
  }
}
