/**
 * How `{% post_url name %}` finds a post, as Jekyll 4's `PostComparer` does: first by the path of
 * the file inside the collections folder (`sub/2024-01-02-slug` names `sub/_posts/2024-01-02-slug.md`
 * or `_posts/sub/2024-01-02-slug.md`), then by the deprecated match on slug and day.
 * Shared by the site checks and the preview, so both find the post Jekyll finds.
 */
import { stripCollectionsDir } from './file-names';

const POST_NAME = /^(.+\/)*?(\d{2,4})-(\d{1,2})-(\d{1,2})-([^/]*)$/;

/** The name a post answers to (`sub/2024-01-02-slug`), or null when the file is not under `_posts`. */
export function postUrlName(sitePath: string, collectionsDir = ''): string | null {
  const segments = stripCollectionsDir(sitePath, collectionsDir).replace(/\.[^./]+$/, '').split('/');
  // The first `_posts` folder is the one the scan found the post in; folders below it are part of the name.
  const at = segments.indexOf('_posts');
  if (at < 0 || at === segments.length - 1) return null;
  segments.splice(at, 1);
  return segments.join('/');
}

/** The deprecated match's key for a post: its slug and the day of its date (`slug|2024-01-02`). */
export function legacyPostKey(slug: string, date: string): string {
  return `${slug}|${date.slice(0, 10)}`;
}

/** The deprecated match's key for a `post_url` name, or null when the name has no date. */
export function legacyKeyOfName(name: string): string | null {
  const m = POST_NAME.exec(name);
  if (!m) return null;
  return legacyPostKey(m[5], `${m[2].padStart(4, '0')}-${m[3].padStart(2, '0')}-${m[4].padStart(2, '0')}`);
}

/** The `post_url` name as written in the tag, without a leading `/` (Jekyll drops it too). */
export function cleanPostUrlName(name: string): string {
  return name.replace(/^\/+/, '');
}

interface NamedPost {
  path: string;
  slug: string;
  date: string | null;
}

const lookups = new WeakMap<readonly NamedPost[], { dir: string; byName: Map<string, NamedPost>; byLegacy: Map<string, NamedPost> }>();

/** The post of `posts` that `{% post_url name %}` finds (the first one, where several answer), for the preview. */
export function findPostForPostUrl<T extends NamedPost>(posts: readonly T[], name: string, collectionsDir = ''): T | undefined {
  let lookup = lookups.get(posts);
  if (!lookup || lookup.dir !== collectionsDir) {
    const byName = new Map<string, NamedPost>();
    const byLegacy = new Map<string, NamedPost>();
    for (const p of posts) {
      const key = postUrlName(p.path, collectionsDir);
      if (key === null) continue;
      if (!byName.has(key)) byName.set(key, p);
      if (p.date) {
        const legacy = legacyPostKey(p.slug, p.date);
        if (!byLegacy.has(legacy)) byLegacy.set(legacy, p);
      }
    }
    lookup = { dir: collectionsDir, byName, byLegacy };
    lookups.set(posts, lookup);
  }
  const clean = cleanPostUrlName(name);
  const legacy = legacyKeyOfName(clean);
  return (lookup.byName.get(clean) ?? (legacy === null ? undefined : lookup.byLegacy.get(legacy))) as T | undefined;
}
