/**
 * Jekyll's `EntryFilter` include/exclude test for a path relative to the site root.
 *
 * Patterns match as Ruby's `File.fnmatch` (where `*` crosses `/`) or as a plain prefix, which
 * is why `exclude: [vendor]` also hides `vendor-notes.md`: we keep Jekyll's behaviour, odd as it is.
 */
import type { SiteConfig } from '../../../shared/jekyll/site-types';
import { fnmatch } from '../../../shared/jekyll/fnmatch';

interface Patterns {
  include: string[];
  /** `exclude:` without what `include:` names again. */
  exclude: string[];
}

/** Cleaned patterns per config: the filter runs for every file of a site. */
const cleaned = new WeakMap<SiteConfig, Patterns>();

function patternsOf(config: SiteConfig): Patterns {
  let p = cleaned.get(config);
  if (!p) {
    const clean = (list: readonly string[]) => list.map((raw) => raw.replace(/^\.?\/+/, '')).filter(Boolean);
    p = { include: clean(config.include), exclude: clean(config.exclude.filter((x) => !config.include.includes(x))) };
    cleaned.set(config, p);
  }
  return p;
}

function matchesAny(patterns: readonly string[], rel: string, isDir: boolean): boolean {
  for (const pattern of patterns) {
    if (rel.startsWith(pattern) || fnmatch(pattern, rel) || (isDir && pattern === `${rel}/`)) return true;
  }
  return false;
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
