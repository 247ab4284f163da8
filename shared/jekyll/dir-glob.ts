/**
 * Ruby's `Dir.glob` patterns (default flags) as a test of one path, for `defaults:` scopes with a
 * `*`: Jekyll globs them on disk and applies the scope to files under what they find.
 *
 * Where `File.fnmatch` (fnmatch.ts) lets `*` cross `/`, here a `*` or `?` stays inside one
 * name and never matches a leading dot (hidden files are not globbed), `**​/` spans any number of
 * folders, `{a,b}` is either, `[…]` is a class (`[!…]` or `[^…]` negated) and `\` escapes.
 */

export interface DirGlob {
  /** Matches a whole path relative to the site (no leading `./`). */
  regex: RegExp;
  /** The pattern ended in `/`: only folders match. */
  foldersOnly: boolean;
}

/** Brace alternatives expanded (`a{b,c}d` → `abd`, `acd`); nested braces too, escapes kept. */
function expandBraces(pattern: string): string[] {
  let depth = 0;
  let open = -1;
  const commas: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '{') {
      if (depth++ === 0) open = i;
    } else if (c === ',' && depth === 1) commas.push(i);
    else if (c === '}' && depth > 0 && --depth === 0) {
      const head = pattern.slice(0, open);
      const tail = pattern.slice(i + 1);
      const cuts = [open, ...commas, i];
      const out: string[] = [];
      for (let k = 0; k + 1 < cuts.length; k++) out.push(...expandBraces(head + pattern.slice(cuts[k] + 1, cuts[k + 1]) + tail));
      return out;
    }
  }
  return [pattern];
}

/** One brace-free alternative as a regular expression source. */
function alternativeSource(pattern: string): string {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    const atNameStart = i === 0 || pattern[i - 1] === '/';
    if (c === '*' && pattern[i + 1] === '*' && pattern[i + 2] === '/' && atNameStart) {
      // `**/`: zero or more folders, none of them hidden.
      re += '(?:[^/.][^/]*/)*';
      i += 2;
    } else if (c === '*') {
      while (pattern[i + 1] === '*') i++;
      re += atNameStart ? '(?![.])[^/]*' : '[^/]*';
    } else if (c === '?') re += atNameStart ? '[^/.]' : '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) {
        re += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, close);
      const negated = body[0] === '!' || body[0] === '^';
      if (negated) body = body.slice(1);
      re += `[${negated ? '^/' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = close;
    } else if (c === '\\' && i + 1 < pattern.length) {
      re += pattern[++i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return re;
}

/**
 * The pattern as a test of site-relative paths, or null when it can match nothing in the site (an
 * absolute pattern, or one that climbs out with `..`).
 */
export function compileDirGlob(pattern: string): DirGlob | null {
  let p = pattern;
  if (p.startsWith('/')) return null;
  // Joined to the site folder as a Pathname: `./` parts fall away.
  p = p.replace(/^(?:\.\/+)+/, '').replace(/\/\.(?=\/|$)/g, '');
  if (p === '' || p.split('/').includes('..')) return null;
  const foldersOnly = p.endsWith('/');
  p = p.replace(/\/+$/, '').replace(/\/{2,}/g, '/');
  try {
    return { regex: new RegExp(`^(?:${expandBraces(p).map(alternativeSource).join('|')})$`, 's'), foldersOnly };
  } catch {
    return null;
  }
}

/**
 * Whether Jekyll's glob scope takes in the file at `sitePath`: some folder above it, or the file
 * itself, is among what the glob finds. (A sibling whose name happens to be a prefix of the
 * file's, such as a file `_posts/2019` beside `_posts/2019-01-01-a.md`, is not considered.)
 * `strip` turns a found path into the form the file's own path is compared with.
 */
export function globScopeApplies(glob: DirGlob, sitePath: string, relPath: string, strip: (found: string) => string): boolean {
  for (let end = sitePath.indexOf('/'); ; end = sitePath.indexOf('/', end + 1)) {
    const isFile = end < 0;
    if (isFile && glob.foldersOnly) return false;
    const candidate = isFile ? sitePath : sitePath.slice(0, end);
    if (glob.regex.test(candidate) && relPath.startsWith(strip(candidate))) return true;
    if (isFile) return false;
  }
}
