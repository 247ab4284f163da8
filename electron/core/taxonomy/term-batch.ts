/**
 * Site-wide tag and category changes as one batch: plan (which files and lines change), apply
 * (each file written atomically, skipped when it changed since the plan), and revert.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { applyTermOperation, changedLines, type TermOperation } from '../../../shared/site/taxonomy-edit';
import type { SiteConfig } from '../../../shared/jekyll/site-types';
import { SourceError } from '../../../shared/source-error';
import { writeFileAtomic } from '../store/atomic-write';
import { readPostFileSync, versionOf } from '../store/post-file';
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
    let file;
    try {
      file = readPostFileSync(path.join(root, ...entry.path.split('/')));
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

/** Writes the planned files; a file changed since the plan is reported, not overwritten. */
export async function applyPlan(root: string, plan: readonly PlannedFile[], onProgress?: (done: number, total: number) => void): Promise<BatchResult> {
  const result: BatchResult = { written: [], conflicts: [], failed: [] };
  let done = 0;
  for (const file of plan) {
    const abs = path.join(root, ...file.path.split('/'));
    try {
      const now = await readFile(abs);
      if (versionOf(now) !== file.version) result.conflicts.push(file.path);
      else {
        await writeFileAtomic(abs, file.after);
        result.written.push(file.path);
      }
    } catch (error) {
      result.failed.push({ path: file.path, message: (error as Error).message });
    }
    onProgress?.(++done, plan.length);
  }
  return result;
}

/** Puts back the texts of written files that still hold what the batch wrote. */
export async function revertPlan(root: string, plan: readonly PlannedFile[], written: readonly string[]): Promise<string[]> {
  const reverted: string[] = [];
  for (const file of plan) {
    if (!written.includes(file.path)) continue;
    const abs = path.join(root, ...file.path.split('/'));
    const now = await readFile(abs, 'utf8').catch(() => null);
    if (now !== file.after) continue;
    await writeFileAtomic(abs, file.before);
    reverted.push(file.path);
  }
  return reverted;
}
