/**
 * Ruby's `File.fnmatch` without FNM_PATHNAME (so `*` also crosses `/`), as Jekyll uses it for
 * `exclude:`/`include:` and for `defaults:` scope paths. Patterns compile once and are cached,
 * since they are tested against every file of a site.
 */

const compiled = new Map<string, RegExp | null>();

/** True when `text` matches `pattern`. */
export function fnmatch(pattern: string, text: string): boolean {
  let regex = compiled.get(pattern);
  if (regex === undefined) {
    regex = compile(pattern);
    compiled.set(pattern, regex);
  }
  return regex !== null && regex.test(text);
}

/**
 * One regex for "matches any of `patterns`" (null when none compiles): a site's exclude list is
 * tested against every file, and one alternation is several times cheaper than a test each.
 */
export function fnmatchAny(patterns: readonly string[]): RegExp | null {
  const sources = patterns.map((p) => compile(p)?.source.slice(1, -1)).filter((x): x is string => x !== undefined);
  if (!sources.length) return null;
  try {
    return new RegExp(`^(?:${sources.join('|')})$`, 's');
  } catch {
    return null;
  }
}

function compile(pattern: string): RegExp | null {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*') re += '.*';
    else if (ch === '?') re += '.';
    else if (ch === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close > i) {
        re += `[${pattern.slice(i + 1, close).replace(/\\/g, '\\\\')}]`;
        i = close;
      } else re += '\\[';
    } else re += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  try {
    return new RegExp(`${re}$`, 's');
  } catch {
    return null;
  }
}
