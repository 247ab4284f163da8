/**
 * The one check per kind of path an API request may carry, run before the method does anything.
 *
 * Requests come from a renderer we treat as able to be compromised (IPC) or from anyone holding the
 * web token (HTTP). `shared/api/path-kinds.ts` names the path fields of every method; this module
 * checks each by text and by real path (symlinks followed), so a post call reaches only posts, a
 * diff only site files outside dot folders, a conflict call only files git reports unmerged while a
 * sync is stopped, an image only an image folder, and `openSite` only a folder the user chose.
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../../shared/api/api-error';
import { methodNames, type ApiRequest, type MethodName, type PostwrightApi } from '../../../shared/api/contract';
import { pathFieldsOf, type PathKind } from '../../../shared/api/path-kinds';
import { git } from '../git/run-git';
import { gitDirOf, operationOf } from '../git/repo-state';
import { classifyPostPath } from '../site/scan-site';
import type { SiteSession } from '../site/site-session';
import { confineInSite, normaliseRelPath, OutsideSiteError } from '../store/confine';

export interface PathPolicyHost {
  host: 'web' | 'electron';
  /** The open site, or throws `no-site`. */
  session(): SiteSession;
  /** Whether a real folder path came from a trusted place: `--site`, the native picker, the recent list, the sample. */
  isTrustedRoot(realRoot: string): Promise<boolean>;
}

export interface PathPolicy {
  /** The request with every path field checked (and cleaned); throws a 4xx ApiError otherwise. */
  check<K extends MethodName>(method: K, req: ApiRequest<K> | undefined): Promise<ApiRequest<K>>;
}

/** Folders no image goes into: Jekyll's own (`_…`), dot folders, and third-party code. */
const NOT_IMAGE_FOLDERS = new Set(['node_modules', 'vendor']);
/** `%2e`, `%2f`, `%5c`, `%00`: a path arriving still URL-encoded is a trick, never a real name. */
const ENCODED = /%(?:2e|2f|5c|00)/i;

function refuse(code: 'bad-request' | 'forbidden' | 'outside-site' | 'not-found' | 'conflict' | 'not-jekyll', message: string): never {
  throw new ApiError({ code, message });
}

/** Text checks shared by every relative path: no NUL, `..`, absolute, or encoded separators. */
function cleanRel(rel: string): string {
  if (ENCODED.test(rel)) refuse('bad-request', `'${rel}' is not a plain path`);
  try {
    return normaliseRelPath(rel);
  } catch {
    refuse('outside-site', `'${rel}' is outside the site folder`);
  }
}

/** `rel` inside the site by text and by real path; returns the clean text path and where the real file is. */
async function inSite(root: string, rel: string): Promise<{ clean: string; abs: string; realRel: string }> {
  const clean = cleanRel(rel);
  let confined: { abs: string; real: string; realRoot: string };
  try {
    confined = confineInSite(root, clean);
  } catch (error) {
    if (error instanceof OutsideSiteError) refuse('outside-site', `'${rel}' is outside the site folder`);
    throw error;
  }
  const realRel = path.relative(confined.realRoot, confined.real).split(path.sep).join('/');
  return { clean, abs: confined.abs, realRel };
}

const hasDotPart = (rel: string) => rel.split('/').some((part) => part.startsWith('.'));

/** `post`: a post or draft of the open site; a link must lead to a post or draft of the site, too. */
export async function checkPost(session: SiteSession, rel: string): Promise<string> {
  if (ENCODED.test(rel)) refuse('bad-request', `'${rel}' is not a plain path`);
  const { rel: clean } = await session.resolvePost(rel);
  const { realRel } = await inSite(session.root, clean);
  if (realRel !== clean && (hasDotPart(realRel) || !classifyPostPath(session.config.config, realRel) || /\.ya?ml$/i.test(realRel))) {
    refuse('forbidden', `'${rel}' links to a file that is not a post or draft of this site`);
  }
  return clean;
}

/** `site-file`: a file of the site for a diff, never in `.git/` or any dot folder (by text or by link). */
export async function checkSiteFile(root: string, rel: string): Promise<string> {
  const { clean, realRel } = await inSite(root, rel);
  if (hasDotPart(clean) || hasDotPart(realRel)) refuse('forbidden', `'${rel}' is in a hidden folder (such as .git), which Postwright does not show`);
  return clean;
}

/** Files git reports unmerged, relative to the site folder. */
async function unmergedFiles(root: string): Promise<Set<string>> {
  const { stdout } = await git(root, ['diff', '--name-only', '--diff-filter=U', '--relative', '-z', '--no-ext-diff']);
  return new Set(stdout.split('\0').filter(Boolean));
}

/** `conflict`: a site file git reports unmerged while a sync (rebase or merge) is stopped on a conflict. */
export async function checkConflict(root: string, rel: string): Promise<string> {
  const clean = await checkSiteFile(root, rel);
  const stopped = await gitDirOf(root)
    .then(operationOf)
    .catch(() => null);
  if (!stopped) refuse('conflict', 'no sync is stopped on a conflict');
  const unmerged = await unmergedFiles(root).catch(() => new Set<string>());
  if (!unmerged.has(clean)) refuse('conflict', `'${clean}' has no conflict to resolve`);
  return clean;
}

/** True when a folder segment may hold images: not hidden, not Jekyll's own `_…`, not third-party code. */
function imageFolderPart(part: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9 ._@+-]*$/.test(part) && !NOT_IMAGE_FOLDERS.has(part.toLowerCase());
}

/** `image-folder`: a folder Jekyll copies to the built site as static files (by text and by real path). */
export async function checkImageFolder(root: string, rel: string): Promise<string> {
  const { clean, realRel } = await inSite(root, rel);
  for (const candidate of [clean, realRel]) {
    if (!candidate.split('/').every(imageFolderPart)) {
      refuse('forbidden', `'${rel}' is not an image folder: images go into a plain folder such as assets/images (never hidden or _ folders, node_modules or vendor)`);
    }
  }
  const existing = await stat(path.join(root, ...clean.split('/'))).catch(() => null);
  if (existing && !existing.isDirectory()) refuse('forbidden', `'${rel}' is a file, not a folder`);
  return clean;
}

/** `file-name`: one name without folders; the method cleans it further (slugify). */
export function checkFileName(name: string): string {
  if (name.includes('\0') || /[\\/]/.test(name) || ENCODED.test(name) || name.trim().startsWith('.')) {
    refuse('bad-request', `'${name}' must be a plain file name`);
  }
  return name;
}

/** Whether a folder holds a Jekyll site as Postwright reads it: `_config.yml` (or `.yaml`), `_posts` or `_drafts`. */
export async function looksLikeJekyll(root: string): Promise<boolean> {
  for (const name of ['_config.yml', '_config.yaml', '_posts', '_drafts']) {
    if (await stat(path.join(root, name)).then(() => true, () => false)) return true;
  }
  return false;
}

/**
 * `site-root`: a folder from `--site`, the native picker, the recent list or the sample; in web mode
 * also a typed path to a folder holding a Jekyll site. A chosen folder without a Jekyll site needs
 * `allowNonJekyll` (code `not-jekyll` first, so the UI can ask); a typed one is never opened.
 */
export async function checkSiteRoot(host: PathPolicyHost, requested: string, allowNonJekyll: boolean): Promise<string> {
  if (requested.includes('\0') || !path.isAbsolute(requested)) refuse('bad-request', 'the site path must be an absolute folder path');
  let real: string;
  try {
    real = await realpath(requested);
  } catch {
    refuse('not-found', `no such folder: ${requested}`);
  }
  const info = await stat(real).catch(() => null);
  if (!info?.isDirectory()) refuse('bad-request', `${requested} is not a folder`);
  const jekyll = await looksLikeJekyll(real);
  if (await host.isTrustedRoot(real)) {
    if (!jekyll && !allowNonJekyll) refuse('not-jekyll', `${requested} holds no Jekyll site (no _config.yml, _posts or _drafts)`);
    return real;
  }
  if (host.host !== 'web') refuse('forbidden', 'choose the folder with Open Site… (the folder picker) first');
  if (!jekyll) refuse('forbidden', `${requested} holds no Jekyll site (no _config.yml, _posts or _drafts); start \`npm run web -- --site DIR\` to open another folder`);
  return real;
}

export function createPathPolicy(host: PathPolicyHost): PathPolicy {
  async function checkField(kind: PathKind, value: string, req: Record<string, unknown>): Promise<string> {
    switch (kind) {
      case 'post':
      case 'buffer':
        return checkPost(host.session(), value);
      case 'site-file':
        return checkSiteFile(host.session().root, value);
      case 'conflict':
        return checkConflict(host.session().root, value);
      case 'image-folder':
        return checkImageFolder(host.session().root, value);
      case 'file-name':
        return checkFileName(value);
      case 'site-root':
        return checkSiteRoot(host, value, req.allowNonJekyll === true);
    }
  }

  return {
    async check(method, req) {
      const fields = pathFieldsOf(method);
      if (!fields.length) return (req ?? {}) as ApiRequest<typeof method>;
      const out: Record<string, unknown> = { ...(req as Record<string, unknown> | undefined) };
      for (const [field, kind] of fields) {
        const value = out[field];
        if (value === undefined) continue;
        if (typeof value !== 'string') refuse('bad-request', `${method}: field '${field}' must be a string`);
        out[field] = await checkField(kind, value, out);
      }
      return out as ApiRequest<typeof method>;
    },
  };
}

/** The API with every method's path fields checked first; the service hands this to every host. */
export function guardApi(api: PostwrightApi, policy: PathPolicy): PostwrightApi {
  const guarded: Record<string, (req?: unknown) => Promise<unknown>> = {};
  for (const name of methodNames) {
    const fn = api[name] as (req?: unknown) => Promise<unknown>;
    guarded[name] = async (req?: unknown) => fn.call(api, await policy.check(name, req as never));
  }
  return guarded as unknown as PostwrightApi;
}
