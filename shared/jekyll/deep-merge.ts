/**
 * `Utils.deep_merge_hashes`: maps merge key by key, anything else is replaced — except that a
 * null (`key:` with no value) never replaces an existing value, as Jekyll's `merge_values` does.
 */

function isPlainMap(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A new map with `overwrite` merged into `target`. */
export function deepMerge(target: Record<string, unknown>, overwrite: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...target };
  // Object.keys rather than entries: no pair array per key, for three merges per post.
  const keys = Object.keys(overwrite);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const value = overwrite[key];
    const current = out[key];
    if ((value === null || value === undefined) && key in out) continue;
    out[key] = isPlainMap(current) && isPlainMap(value) ? deepMerge(current, value) : value;
  }
  return out;
}
