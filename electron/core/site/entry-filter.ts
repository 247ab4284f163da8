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
