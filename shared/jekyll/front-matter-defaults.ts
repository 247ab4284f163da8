/**
 * `_config.yml` `defaults:` resolved for one file, as Jekyll's `FrontmatterDefaults#all` does.
 *
 * Scope paths are plain string prefixes (not folder-aware) unless they contain `*`; more
 * specific scopes (longer path, then a type) win, and values deep-merge.
 */
import type { FrontMatterDefault } from './site-types';
import { deepMerge } from './deep-merge';
import { fnmatch } from './fnmatch';

function sanitize(path: string): string {
  return path.replace(/^\.?\/+/, '').replace(/\/+$/, '');
}

function appliesPath(scopePath: string, relPath: string, collectionsDir: string): boolean {
  if (!scopePath) return true;
  const path = sanitize(relPath);
  if (scopePath.includes('*')) return fnmatch(sanitize(scopePath), path);
  let parent = sanitize(scopePath);
  if (collectionsDir && parent.startsWith(`${collectionsDir}/`)) parent = parent.slice(collectionsDir.length + 1);
  return path.startsWith(parent);
}

function appliesType(scope: FrontMatterDefault['scope'], type: string): boolean {
  return scope.type === undefined || scope.type === type;
}

function hasPrecedence(oldScope: FrontMatterDefault['scope'] | null, newScope: FrontMatterDefault['scope']): boolean {
  if (!oldScope) return true;
  const newPath = sanitize(newScope.path ?? '');
  const oldPath = sanitize(oldScope.path ?? '');
  if (newPath.length !== oldPath.length) return newPath.length >= oldPath.length;
  if (newScope.type !== undefined) return true;
  return oldScope.type === undefined;
}

/**
 * Merged results per defaults list, keyed by which scopes matched: a site has a handful of
 * scope combinations, so the merging happens once per combination instead of once per post.
 * The merged maps are shared and must not be mutated (deepMerge always copies).
 */
const mergedByScopes = new WeakMap<readonly FrontMatterDefault[], Map<string, Record<string, unknown>>>();

/** Merged default values for a file at `relPath` of collection `type` (`posts`). */
export function defaultsFor(
  defaults: readonly FrontMatterDefault[],
  relPath: string,
  type: string,
  collectionsDir = '',
): Record<string, unknown> {
  let key = type;
  for (let i = 0; i < defaults.length; i++) {
    const set = defaults[i];
    if (appliesPath(set.scope.path ?? '', relPath, collectionsDir) && appliesType(set.scope, type)) key += `,${i}`;
  }
  let memo = mergedByScopes.get(defaults);
  if (!memo) mergedByScopes.set(defaults, (memo = new Map()));
  const hit = memo.get(key);
  if (hit) return hit;
  let merged: Record<string, unknown> = {};
  let oldScope: FrontMatterDefault['scope'] | null = null;
  for (const set of defaults) {
    if (!appliesPath(set.scope.path ?? '', relPath, collectionsDir) || !appliesType(set.scope, type)) continue;
    if (hasPrecedence(oldScope, set.scope)) {
      merged = deepMerge(merged, set.values);
      oldScope = set.scope;
    } else {
      merged = deepMerge(set.values, merged);
    }
  }
  memo.set(key, merged);
  return merged;
}
