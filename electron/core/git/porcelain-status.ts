/**
 * Parses `git status --porcelain=v2 --branch -z` into branch facts and one state per file.
 *
 * Porcelain v2 is git's stable, locale-free status format; with `-z` paths come verbatim (no
 * quoting), so a post named with spaces or non-ASCII letters is reported exactly.
 */

import type { GitFileState } from '../../../shared/api/git-types';

export type FileState = GitFileState;

export interface StatusFile {
  /** Relative to the repository's top folder, `/`-separated. */
  path: string;
  state: FileState;
  /** The old path of a renamed (or copied) file. */
  from?: string;
  /** True when the change is staged (in the index) rather than only in the working folder. */
  staged: boolean;
}

export interface PorcelainStatus {
  /** null when HEAD is detached. */
  branch: string | null;
  /** e.g. `origin/main`, or null when the branch tracks nothing. */
  upstream: string | null;
  ahead: number;
  behind: number;
  /** The commit HEAD points at, or null before the first commit. */
  head: string | null;
  files: StatusFile[];
}

/** Field counts before the path in each record type (see git-status(1), "Porcelain Format Version 2"). */
const FIELDS_BEFORE_PATH: Record<string, number> = { '1': 8, '2': 9, u: 10 };

/** Parses the NUL-separated porcelain v2 output. */
export function parsePorcelainV2(output: string): PorcelainStatus {
  const status: PorcelainStatus = { branch: null, upstream: null, ahead: 0, behind: 0, head: null, files: [] };
  const records = output.split('\0');
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    if (!record) continue;
    const kind = record[0];
    if (kind === '#') {
      readHeader(record, status);
    } else if (kind === '?') {
      status.files.push({ path: record.slice(2), state: 'new', staged: false });
    } else if (kind in FIELDS_BEFORE_PATH) {
      const { fields, rest } = splitFields(record, FIELDS_BEFORE_PATH[kind]);
      const xy = fields[1];
      if (kind === 'u') status.files.push({ path: rest, state: 'conflicted', staged: false });
      else if (kind === '2') status.files.push({ path: rest, state: 'renamed', from: records[++i], staged: xy[0] !== '.' });
      else status.files.push({ path: rest, state: stateOf(xy), staged: xy[0] !== '.' });
    }
    // `!` (ignored) records are left out on purpose.
  }
  return status;
}

function readHeader(record: string, status: PorcelainStatus): void {
  const [, key, ...values] = record.split(' ');
  const value = values.join(' ');
  if (key === 'branch.oid') status.head = value === '(initial)' ? null : value;
  else if (key === 'branch.head') status.branch = value === '(detached)' ? null : value;
  else if (key === 'branch.upstream') status.upstream = value;
  else if (key === 'branch.ab') {
    const match = /^\+(\d+) -(\d+)$/.exec(value);
    if (match) {
      status.ahead = Number(match[1]);
      status.behind = Number(match[2]);
    }
  }
}

function splitFields(record: string, count: number): { fields: string[]; rest: string } {
  const fields: string[] = [];
  let start = 0;
  for (let n = 0; n < count; n++) {
    const space = record.indexOf(' ', start);
    fields.push(record.slice(start, space));
    start = space + 1;
  }
  return { fields, rest: record.slice(start) };
}

/** XY of an ordinary changed entry: index state then working-folder state. */
function stateOf(xy: string): FileState {
  if (xy.includes('D')) return xy[0] === 'A' ? 'new' : 'deleted';
  if (xy[0] === 'A') return 'new';
  return 'modified';
}
