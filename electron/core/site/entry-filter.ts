/**
 * Jekyll's `EntryFilter` include/exclude test for a path relative to the site root.
 *
 * Patterns match as Ruby's `File.fnmatch` (where `*` crosses `/`) or as a plain prefix, which
 * is why `exclude: [vendor]` also hides `vendor-notes.md`: we keep Jekyll's behaviour, odd as it is.
 */
import type { SiteConfig } from '../../../shared/jekyll/site-types';
import { fnmatch } from '../../../shared/jekyll/fnmatch';

function matchesAny(patterns: readonly string[], rel: string, isDir: boolean): boolean {
  return patterns.some((raw) => {
    const pattern = raw.replace(/^\.?\/+/, '');
    if (!pattern) return false;
    return fnmatch(pattern, rel) || rel.startsWith(pattern) || (isDir && pattern === `${rel}/`);
  });
}

/** True when Jekyll drops the entry because of `exclude:` (and it is not re-added by `include:`). */
export function isExcluded(config: SiteConfig, rel: string, isDir: boolean): boolean {
  const include = config.include;
  const exclude = config.exclude.filter((p) => !include.includes(p));
  return matchesAny(exclude, rel, isDir) && !matchesAny(include, rel, isDir);
}

/** True when `include:` names the entry, which lets dot files and `_` folders through. */
export function isIncluded(config: SiteConfig, rel: string, isDir: boolean): boolean {
  return matchesAny(config.include, rel, isDir);
}
