/**
 * Tags and categories of a whole site with counts, the way Jekyll builds `site.tags` and
 * `site.categories`: from the posts Jekyll outputs (published, not future, drafts only when asked).
 */
import type { PostRecord } from '../jekyll/site-types';

export interface TaxonomyTerm {
  name: string;
  count: number;
  /** Paths of the posts using it, newest first. */
  posts: string[];
}

export interface Taxonomy {
  tags: TaxonomyTerm[];
  categories: TaxonomyTerm[];
}

export interface TaxonomyOptions {
  /** Count drafts too (`jekyll build --drafts`). */
  drafts?: boolean;
  /** Count unpublished and future posts too. */
  unpublished?: boolean;
}

/** Counts terms; sorted by count, then name, like a tag cloud reads best. */
export function collectTaxonomy(records: readonly PostRecord[], options: TaxonomyOptions = {}): Taxonomy {
  const visible = records
    .filter((r) => !r.skipped && !r.error)
    .filter((r) => options.drafts || !r.draft)
    .filter((r) => options.unpublished || r.published)
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  return {
    tags: count(visible, (r) => r.tags),
    categories: count(visible, (r) => r.categories),
  };
}

function count(records: readonly PostRecord[], terms: (r: PostRecord) => string[]): TaxonomyTerm[] {
  const byName = new Map<string, TaxonomyTerm>();
  for (const record of records) {
    for (const name of new Set(terms(record))) {
      let term = byName.get(name);
      if (!term) byName.set(name, (term = { name, count: 0, posts: [] }));
      term.count++;
      term.posts.push(record.path);
    }
  }
  return [...byName.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
