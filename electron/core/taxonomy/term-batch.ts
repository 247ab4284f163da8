/**
 * Site-wide tag and category changes as one batch: plan (which files and lines change), apply
 * (each file through the checked write: skipped when it changed since the plan), and revert
 * (all or nothing: refused when any written file changed since the batch).
 */
import path from 'node:path';
import { applyTermOperation, changedLines, mayHaveTerm, type TermOperation } from '../../../shared/site/taxonomy-edit';
import type { SiteConfig } from '../../../shared/jekyll/site-types';
import { SourceError } from '../../../shared/source-error';
import { readCurrent, replaceChecked } from '../store/checked-write';
import { withFileLocks } from '../store/file-lock';
import { readPostFileSync, versionOf } from '../store/post-file';
import { readTextSync } from '../site/post-record-file';
import { scanSite } from '../site/scan-site';
import { inBatches } from '../util/batches';

export interface PlannedFile {
  path: string;
  version: string;
  before: string;
  after: string;
  lines: { line: number; before: string; after: string }[];
}

export interface BatchResult {
  written: string[];
  /** Files changed on disk since the plan: left alone. */
  conflicts: string[];
  failed: { path: string; message: string }[];
}

/** Every post file the operation would change, with the changed lines. */
export async function planTermOperation(root: string, config: SiteConfig, operation: TermOperation): Promise<PlannedFile[]> {
  const entries = (await scanSite(root, config)).filter((e) => !e.skipped);
  const plan: PlannedFile[] = [];
  await inBatches(entries, (entry) => {
    const abs = path.join(root, ...entry.path.split('/'));
    // Most posts do not hold the term at all: a look at their text spares checking, hashing and
    // parsing them. The few that may are read again the checked way.
    let file;
    try {
      if (!mayHaveTerm(readTextSync(abs).text, operation)) return;
      file = readPostFileSync(abs);
    } catch {
      return;
    }
    try {
      const result = applyTermOperation(file.text, operation);
      if (result.changed) plan.push({ path: entry.path, version: file.version, before: file.text, after: result.text, lines: changedLines(file.text, result.text) });
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
    }
  });
  return plan;
}

/**
 * Files written at once by a batch. Each write waits on two fsyncs (the file, then its folder);
 * several in flight let the file system commit them together (1,000 files one by one took ~1.5 s).
 */
const WRITES_AT_ONCE = 8;

/** Writes the planned files; a file changed since the plan is reported, not overwritten. */
export async function applyPlan(root: string, plan: readonly PlannedFile[], onProgress?: (done: number, total: number) => void): Promise<BatchResult> {
  const outcomes: ({ status: 'written' | 'conflict' } | { status: 'failed'; message: string })[] = new Array(plan.length);
  let next = 0;
  let done = 0;
  const writeNext = async (): Promise<void> => {
    for (let i = next++; i < plan.length; i = next++) {
      const file = plan[i];
      try {
        const write = await replaceChecked(root, path.join(root, ...file.path.split('/')), file.after, file.version);
        outcomes[i] = { status: write.status === 'conflict' ? 'conflict' : 'written' };
      } catch (error) {
        outcomes[i] = { status: 'failed', message: (error as Error).message };
      }
      onProgress?.(++done, plan.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(WRITES_AT_ONCE, plan.length) }, writeNext));
  // Reported in the plan's order, whatever order the writes finished in.
  const result: BatchResult = { written: [], conflicts: [], failed: [] };
  plan.forEach((file, i) => {
    const outcome = outcomes[i];
    if ('message' in outcome) result.failed.push({ path: file.path, message: outcome.message });
    else if (outcome.status === 'written') result.written.push(file.path);
    else result.conflicts.push(file.path);
  });
  return result;
}

/**
 * Puts back the texts of the written files, all or nothing: when any of them changed since the
 * batch wrote it, nothing is reverted and SourceError 'conflict' names the files.
 */
export async function revertPlan(root: string, plan: readonly PlannedFile[], written: readonly string[]): Promise<string[]> {
  const files = plan.filter((f) => written.includes(f.path)).map((f) => ({ ...f, abs: path.join(root, ...f.path.split('/')), wrote: versionOf(f.after) }));
  return withFileLocks(
    files.map((f) => f.abs),
    async () => {
      const changed: string[] = [];
      for (const f of files) if ((await readCurrent(f.abs)).version !== f.wrote) changed.push(f.path);
      if (changed.length) {
        const names = changed.length > 3 ? `${changed.slice(0, 3).join(', ')} and ${changed.length - 3} more` : changed.join(', ');
        throw new SourceError('conflict', `${names} changed since the batch; nothing was undone`);
      }
      const reverted: string[] = [];
      for (const f of files) {
        const write = await replaceChecked(root, f.abs, f.before, f.wrote);
        if (write.status !== 'conflict') reverted.push(f.path);
      }
      return reverted;
    },
    { waitMs: 60_000 },
  );
}
