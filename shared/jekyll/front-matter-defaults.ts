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
  const c = path.charCodeAt(0);
  // Most paths (every post's) have nothing to cut: no regular expression for them.
  if (c !== 0x2e && c !== 0x2f && path.charCodeAt(path.length - 1) !== 0x2f) return path;
  return path.replace(/^\.?\/+/, '').replace(/\/+$/, '');
}

/** A scope's path test, prepared once per defaults list: the sanitised prefix, or a glob. */
interface PreparedScope {
  /** '' matches every path. */
  prefix: string;
  glob: string | null;
  type: string | undefined;
}

function prepareScope(scope: FrontMatterDefault['scope'], collectionsDir: string): PreparedScope {
  const scopePath = scope.path ?? '';
  if (scopePath.includes('*')) return { prefix: '', glob: sanitize(scopePath), type: scope.type };
  let parent = sanitize(scopePath);
  if (collectionsDir && parent.startsWith(`${collectionsDir}/`)) parent = parent.slice(collectionsDir.length + 1);
  return { prefix: parent, glob: null, type: scope.type };
}

/** Whether a prepared scope applies to a sanitised path of collection `type`. */
function applies(scope: PreparedScope, path: string, type: string): boolean {
  if (scope.type !== undefined && scope.type !== type) return false;
  return scope.glob !== null ? fnmatch(scope.glob, path) : path.startsWith(scope.prefix);
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
 * Per defaults list: its scopes prepared for one collections folder, and the merged results keyed
 * by which scopes matched. A site has a handful of scope combinations, so the merging happens
 * once per combination instead of once per post. The merged maps are shared and must not be
 * mutated (deepMerge always copies).
 */
interface PreparedDefaults {
  collectionsDir: string;
  scopes: PreparedScope[];
  merged: Map<string, Record<string, unknown>>;
}

const prepared = new WeakMap<readonly FrontMatterDefault[], PreparedDefaults>();

function prepare(defaults: readonly FrontMatterDefault[], collectionsDir: string): PreparedDefaults {
  let ready = prepared.get(defaults);
  if (!ready || ready.collectionsDir !== collectionsDir) {
    ready = { collectionsDir, scopes: defaults.map((set) => prepareScope(set.scope, collectionsDir)), merged: new Map() };
    prepared.set(defaults, ready);
  }
  return ready;
}

/** Merged default values for a file at `relPath` of collection `type` (`posts`). */
export function defaultsFor(
  defaults: readonly FrontMatterDefault[],
  relPath: string,
  type: string,
  collectionsDir = '',
): Record<string, unknown> {
  const { scopes, merged: memo } = prepare(defaults, collectionsDir);
  const path = sanitize(relPath);
  let key = type;
  for (let i = 0; i < scopes.length; i++) if (applies(scopes[i], path, type)) key += `,${i}`;
  const hit = memo.get(key);
  if (hit) return hit;
  let merged: Record<string, unknown> = {};
  let oldScope: FrontMatterDefault['scope'] | null = null;
  for (let i = 0; i < defaults.length; i++) {
    const set = defaults[i];
    if (!applies(scopes[i], path, type)) continue;
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
