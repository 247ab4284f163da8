/**
 * The problems `postwright check` and the Problems panel report, as pure rules over what the
 * index and the front-matter reader already know about each post.
 */
import type { PostRecord } from '../jekyll/site-types';
import { runToEnd, STEP, type Stepped } from './stepped';

export type Severity = 'error' | 'warning';

export interface Problem {
  path: string;
  severity: Severity;
  code: string;
  message: string;
  line?: number;
  col?: number;
  /** The front-matter key the problem is about, so a form can highlight it. */
  field?: string;
}

export interface PostFacts {
  record: PostRecord;
  /** The front matter as Jekyll reads it; null when there is none or it is invalid. */
  data: Record<string, unknown> | null;
  /** 1-based line of each top-level front-matter key. */
  keyLines: Record<string, number>;
  /** Size of the file in bytes. */
  size: number;
}

const FILE_DATE = /^(?:.*\/)?(\d{2,4})-(\d{1,2})-(\d{1,2})-[^/]*$/;
const ERROR_PLACE = /^(\d+):(\d+):\s*/;

/** Problems of one post. */
export function checkPost(facts: PostFacts, now: Date): Problem[] {
  const { record, data, keyLines } = facts;
  const out: Problem[] = [];
  const add = (p: Omit<Problem, 'path'>) => out.push({ path: record.path, ...p });

  if (record.skipped) {
    add({ severity: 'warning', code: 'skipped', message: `Jekyll will not read this file as a post: ${record.skipped}` });
    return out;
  }
  if (record.error) {
    const place = ERROR_PLACE.exec(record.error);
    add({
      severity: 'error',
      code: 'invalid-front-matter',
      message: `invalid front matter: ${record.error.replace(ERROR_PLACE, '')}`,
      ...(place ? { line: Number(place[1]), col: Number(place[2]) } : {}),
    });
    return out;
  }
  if (facts.size === 0) add({ severity: 'warning', code: 'empty-file', message: 'the file is empty' });
  if (!data || data.title === undefined || data.title === null || data.title === '') {
    add({
      severity: 'warning',
      code: 'missing-title',
      message: `no title: Jekyll will call it "${record.title}" after the file name`,
      field: 'title',
      ...(keyLines.title ? { line: keyLines.title } : {}),
    });
  }
  const fileDate = FILE_DATE.exec(record.path);
  if (fileDate && record.date && data && data.date !== undefined && data.date !== null) {
    const named = `${fileDate[1].padStart(4, '0')}-${fileDate[2].padStart(2, '0')}-${fileDate[3].padStart(2, '0')}`;
    const actual = record.date.slice(0, 10);
    if (named !== actual) {
      add({
        severity: 'warning',
        code: 'date-mismatch',
        message: `the file name says ${named} but the front matter date is ${actual}; Jekyll uses ${actual}`,
        field: 'date',
        ...(keyLines.date ? { line: keyLines.date } : {}),
      });
    }
  }
  if (record.date && Date.parse(record.date) > now.getTime()) {
    add({
      severity: 'warning',
      code: 'future-date',
      message: `dated in the future (${record.date}): Jekyll will not publish it before then unless built with --future`,
      field: 'date',
      ...(keyLines.date ? { line: keyLines.date } : {}),
    });
  }
  if (data && typeof data.date === 'string') {
    const where = { field: 'date', ...(keyLines.date ? { line: keyLines.date } : {}) };
    if (!record.date) {
      add({ severity: 'error', code: 'invalid-date', message: `'${data.date}' is not a date Jekyll can read`, ...where });
    } else if (!isCalendarDate(data.date)) {
      add({ severity: 'warning', code: 'impossible-date', message: `'${data.date}' is not a real calendar date; Jekyll reads it as ${record.date}`, ...where });
    }
  }
  return out;
}

/** Problems that involve several posts, such as two posts writing the same URL. */
export function checkAcrossPosts(records: readonly PostRecord[]): Problem[] {
  return runToEnd(checkAcrossPostsSteps(records));
}

/** checkAcrossPosts as steps, for a caller that runs it in time slices (the same answer). */
export function* checkAcrossPostsSteps(records: readonly PostRecord[]): Stepped<Problem[]> {
  const byUrl = new Map<string, PostRecord[]>();
  let n = 0;
  for (const r of records) {
    if ((++n & (STEP - 1)) === 0) yield;
    if (r.skipped || r.error || !r.published) continue;
    const list = byUrl.get(r.url) ?? [];
    list.push(r);
    byUrl.set(r.url, list);
  }
  const out: Problem[] = [];
  for (const [url, list] of byUrl) {
    if ((++n & (STEP - 1)) === 0) yield;
    if (list.length < 2) continue;
    for (const r of list) {
      if ((++n & (STEP - 1)) === 0) yield;
      const others = list.filter((o) => o !== r).map((o) => o.path);
      out.push({ path: r.path, severity: 'error', code: 'duplicate-url', message: `writes the same URL ${url} as ${others.join(', ')}` });
    }
  }
  return out;
}

/** Finds the 1-based file line of each top-level key in a front-matter block. */
export function topLevelKeyLines(yaml: string, firstLine: number): Record<string, number> {
  const lines: Record<string, number> = {};
  const rows = yaml.split('\n');
  for (let i = 0; i < rows.length; i++) {
    const m = /^([A-Za-z0-9_][^:#]*?)\s*:(?:\s|$)/.exec(rows[i]);
    if (m && !(m[1] in lines)) lines[m[1]] = firstLine + i;
  }
  return lines;
}

/** False for `YYYY-MM-DD…` strings naming a day that does not exist, such as 2016-06-31. */
function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text.trim());
  if (!m) return true;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/**
 * Posts that share a title (ignoring case and spacing): readers and search results cannot tell
 * them apart. Translations (a different `lang:`) may share one.
 */
export function checkDuplicateTitles(records: readonly PostRecord[], titleLines: ReadonlyMap<string, number> = new Map(), langs: ReadonlyMap<string, string> = new Map()): Problem[] {
  return runToEnd(checkDuplicateTitlesSteps(records, titleLines, langs));
}

/** checkDuplicateTitles as steps, for a caller that runs it in time slices (the same answer). */
export function* checkDuplicateTitlesSteps(records: readonly PostRecord[], titleLines: ReadonlyMap<string, number> = new Map(), langs: ReadonlyMap<string, string> = new Map()): Stepped<Problem[]> {
  const byTitle = new Map<string, PostRecord[]>();
  let n = 0;
  for (const r of records) {
    if ((++n & (STEP - 1)) === 0) yield;
    if (r.skipped || r.error || !r.title.trim()) continue;
    const key = `${langs.get(r.path) ?? ''}\0${r.title.trim().replace(/\s+/g, ' ').toLowerCase()}`;
    const list = byTitle.get(key);
    if (list) list.push(r);
    else byTitle.set(key, [r]);
  }
  const out: Problem[] = [];
  for (const list of byTitle.values()) {
    if ((++n & (STEP - 1)) === 0) yield;
    if (list.length < 2) continue;
    for (const r of list) {
      if ((++n & (STEP - 1)) === 0) yield;
      const others = list.filter((o) => o !== r).map((o) => o.path);
      const shown = others.length > 3 ? `${others.slice(0, 3).join(', ')} and ${others.length - 3} more` : others.join(', ');
      const line = titleLines.get(r.path);
      out.push({ path: r.path, severity: 'warning', code: 'duplicate-title', message: `the title "${r.title}" is also the title of ${shown}`, field: 'title', ...(line ? { line } : {}) });
    }
  }
  return out;
}
