/**
 * `_config.yml` `defaults:` resolved for one file, as Jekyll 4.3's `FrontmatterDefaults#all` does.
 *
 * A scope path is a plain string prefix of the file's path as written (a leading `./` or `/`
 * keeps it from matching anything), with the collections folder cut off the front; one with a
 * `*` is globbed on disk and applies under what it finds (dir-glob.ts). More specific scopes
 * (longer path, then a type) win, and values deep-merge.
 */
import type { FrontMatterDefault } from './site-types';
import { deepMerge } from './deep-merge';
import { compileDirGlob, globScopeApplies, type DirGlob } from './dir-glob';
import { stripCollectionsDir } from './file-names';

/** Jekyll's `sanitize_path`, used only to rank scopes: one leading `/` off. */
function sanitize(path: string): string {
  return path.startsWith('/') ? path.slice(1) : path;
}

/** A scope's path test, prepared once per defaults list: a prefix, or a glob (null: matches nothing). */
interface PreparedScope {
  /** '' matches every path. */
  prefix: string;
  glob: DirGlob | null | undefined;
  type: string | undefined;
}

function prepareScope(scope: FrontMatterDefault['scope'], collectionsDir: string): PreparedScope {
  const scopePath = scope.path ?? '';
  if (scopePath.includes('*')) return { prefix: '', glob: compileDirGlob(scopePath), type: scope.type };
  return { prefix: stripCollectionsDir(scopePath, collectionsDir), glob: undefined, type: scope.type };
}

/** Whether a prepared scope applies to a file (its path in the site, and inside the collections folder). */
function applies(scope: PreparedScope, sitePath: string, relPath: string, type: string, collectionsDir: string): boolean {
  if (scope.type !== undefined && scope.type !== type) return false;
  if (scope.glob === undefined) return relPath.startsWith(scope.prefix);
  return scope.glob !== null && globScopeApplies(scope.glob, sitePath, relPath, (found) => stripCollectionsDir(found, collectionsDir));
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

/**
 * Merged default values for the file at `sitePath` (relative to the site) of collection `type`
 * (`posts`). Jekyll compares scopes with the file's path inside the collections folder.
 */
export function defaultsFor(
  defaults: readonly FrontMatterDefault[],
  sitePath: string,
  type: string,
  collectionsDir = '',
): Record<string, unknown> {
  const { scopes, merged: memo } = prepare(defaults, collectionsDir);
  const relPath = stripCollectionsDir(sitePath, collectionsDir);
  let key = type;
  for (let i = 0; i < scopes.length; i++) if (applies(scopes[i], sitePath, relPath, type, collectionsDir)) key += `,${i}`;
  const hit = memo.get(key);
  if (hit) return hit;
  let merged: Record<string, unknown> = {};
  let oldScope: FrontMatterDefault['scope'] | null = null;
  for (let i = 0; i < defaults.length; i++) {
    const set = defaults[i];
    if (!applies(scopes[i], sitePath, relPath, type, collectionsDir)) continue;
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
