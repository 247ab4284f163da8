/**
 * Jekyll's `EntryFilter` include/exclude test for a path relative to the site root.
 *
 * Patterns match as Ruby's `File.fnmatch` (where `*` crosses `/`) or as a plain prefix, which
 * is why `exclude: [vendor]` also hides `vendor-notes.md`: we keep Jekyll's behaviour, odd as it is.
 */
import type { SiteConfig } from '../../../shared/jekyll/site-types';
import { fnmatchAny } from '../../../shared/jekyll/fnmatch';

interface PatternSet {
  patterns: string[];
  /**
   * The wildcard patterns as one fnmatch regex (null when there are none): a literal pattern
   * matches only a path equal to it, which the prefix test already accepts.
   */
  any: RegExp | null;
}

interface Patterns {
  include: PatternSet;
  /** `exclude:` without what `include:` names again. */
  exclude: PatternSet;
}

/** Cleaned and compiled patterns per config: the filter runs for every file of a site. */
const cleaned = new WeakMap<SiteConfig, Patterns>();

function setOf(list: readonly string[]): PatternSet {
  const patterns = list.map((raw) => raw.replace(/^\.?\/+/, '')).filter(Boolean);
  return { patterns, any: fnmatchAny(patterns.filter((p) => /[*?[]/.test(p))) };
}

function patternsOf(config: SiteConfig): Patterns {
  let p = cleaned.get(config);
  if (!p) {
    p = { include: setOf(config.include), exclude: setOf(config.exclude.filter((x) => !config.include.includes(x))) };
    cleaned.set(config, p);
  }
  return p;
}

function matchesAny(set: PatternSet, rel: string, isDir: boolean): boolean {
  for (const pattern of set.patterns) {
    if (rel.startsWith(pattern) || (isDir && pattern === `${rel}/`)) return true;
  }
  return set.any !== null && set.any.test(rel);
}

/** True when Jekyll drops the entry because of `exclude:` (and it is not re-added by `include:`). */
export function isExcluded(config: SiteConfig, rel: string, isDir: boolean): boolean {
  const p = patternsOf(config);
  return matchesAny(p.exclude, rel, isDir) && !matchesAny(p.include, rel, isDir);
}

/** True when `include:` names the entry, which lets dot files and `_` folders through. */
export function isIncluded(config: SiteConfig, rel: string, isDir: boolean): boolean {
  return matchesAny(patternsOf(config).include, rel, isDir);
}

/** The filter for the files below one folder: the same answers as `isExcluded`/`isIncluded` for them. */
export interface FolderFilter {
  excluded(full: string): boolean;
  included(full: string): boolean;
}

/** A literal pattern's test narrowed to the files below `prefix`, plus the set's wildcard regex. */
function narrowed(set: PatternSet, prefix: string): (full: string) => boolean {
  // A pattern the folder's path starts with covers every file below it.
  if (set.patterns.some((p) => prefix.startsWith(p))) return () => true;
  // A longer one can only match files whose path starts with it; the rest cannot match at all.
  const inside = set.patterns.filter((p) => p.length > prefix.length && p.startsWith(prefix));
  const any = set.any;
  if (!inside.length && any === null) return () => false;
  return (full) => inside.some((p) => full.startsWith(p)) || (any !== null && any.test(full));
}

/**
 * The filter for the files below the folder `prefix` (site-relative, ending in `/`). Built once
 * per folder: with the usual patterns (none reaching into `_posts`) a file then tests nothing.
 */
export function folderFilter(config: SiteConfig, prefix: string): FolderFilter {
  const p = patternsOf(config);
  const exclude = narrowed(p.exclude, prefix);
  const include = narrowed(p.include, prefix);
  return { excluded: (full) => exclude(full) && !include(full), included: include };
}
