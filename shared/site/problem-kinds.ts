/**
 * Problem codes grouped into the kinds a writer thinks in ("Missing images", "Broken links"), for
 * the Problems panel's filter and the summary of `postwright check`.
 */
import type { Problem } from './check-rules';

export interface ProblemKind {
  id: string;
  label: string;
}

const KINDS: Record<string, ProblemKind> = {
  'missing-image': { id: 'images', label: 'Missing images' },
  'relative-image': { id: 'images', label: 'Missing images' },
  'broken-post-url': { id: 'links', label: 'Broken links' },
  'broken-link-tag': { id: 'links', label: 'Broken links' },
  'broken-link': { id: 'links', label: 'Broken links' },
  'liquid-in-code': { id: 'liquid', label: 'Liquid in code' },
  'duplicate-title': { id: 'titles', label: 'Duplicate titles' },
  'duplicate-url': { id: 'urls', label: 'Duplicate URLs' },
  'title-length': { id: 'seo', label: 'SEO lengths' },
  'description-length': { id: 'seo', label: 'SEO lengths' },
};

const OTHER: ProblemKind = { id: 'front-matter', label: 'Front matter and files' };

export function kindOf(code: string): ProblemKind {
  return KINDS[code] ?? OTHER;
}

/** The kinds present, with their counts, in a stable order (most problems first). */
export function kindCounts(problems: readonly Problem[]): { kind: ProblemKind; count: number }[] {
  const counts = new Map<string, { kind: ProblemKind; count: number }>();
  for (const p of problems) {
    const kind = kindOf(p.code);
    const entry = counts.get(kind.id);
    if (entry) entry.count++;
    else counts.set(kind.id, { kind, count: 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.kind.label.localeCompare(b.kind.label));
}
