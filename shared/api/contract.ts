/**
 * The one API between the renderer and the core: every method and event, with their types.
 *
 * The core's service implements `PostwrightApi` once; the Electron main process serves it over
 * IPC and the web host over HTTP + server-sent events. The renderer only ever holds a client
 * built from this file, so both transports behave the same and one contract suite tests both.
 */
import type { PostRecord } from '../jekyll/site-types';
import type { SiteSchema } from '../site/schema';
import type { Problem } from '../site/check-rules';
import type { ConflictView, GitStatusView, SyncOutcome } from './git-types';
import type { CommandId } from '../commands';

export type { ConflictView, GitStatusView, SyncOutcome } from './git-types';

export interface AppInfo {
  version: string;
  /** How the renderer is hosted: the desktop app or a browser on 127.0.0.1. */
  host: 'electron' | 'web';
  platform: string;
  /** URL prefix under which the open site's files (images) are served to the preview. */
  assetBase: string;
  /** True when the host can show a native folder picker (`chooseSiteFolder`). */
  canChooseFolder: boolean;
  /** True when an HTTPS token for git can be kept in the OS keychain (desktop app). */
  canStoreGitToken: boolean;
}

export interface SiteSummary {
  root: string;
  /** Folder name, or `title:` from `_config.yml`. */
  title: string;
  isJekyll: boolean;
  /** Why the folder does not look like a Jekyll site, or config problems, for a banner. */
  warnings: string[];
  /** True when this is the sample blog Postwright ships and copied for a first start. */
  isSample: boolean;
  postCount: number;
}

export interface PostText {
  path: string;
  text: string;
  /** Opaque version of the file on disk; pass it back as `baseVersion` when saving. */
  version: string;
}

export type SaveResult =
  | { status: 'saved'; version: string; record: PostRecord | null }
  | { status: 'conflict'; diskText: string; diskVersion: string }
  | { status: 'invalid'; message: string; line?: number; col?: number };

/** A line of a post holding query words: its 1-based line in the file, a snippet, and the words' ranges in it. */
export interface SearchMatch {
  line: number;
  text: string;
  /** `[start, end)` offsets in `text` of each query word, sorted, not overlapping. */
  ranges: [number, number][];
}

export interface SearchHit {
  path: string;
  title: string;
  /** Up to a few matching lines, the ones holding the most query words. */
  matches: SearchMatch[];
}

/** What the preview's Liquid needs from the site, fetched once per site and on changes. */
export interface PreviewContext {
  site: Record<string, unknown>;
  baseurl: string;
  url: string;
  markdownExt: string[];
  /** `_includes/` files by relative name. */
  includes: Record<string, string>;
  posts: { path: string; url: string; slug: string; date: string | null; title: string }[];
}

/** A layout file: its front matter (for `layout:` chaining and Liquid's `layout`) and its template. */
export interface PreviewLayout {
  data: Record<string, unknown>;
  body: string;
  /** Where it comes from: the site's `_layouts/` or the theme's. */
  origin: 'site' | 'theme';
}

/** What the "Blog look" preview needs besides `PreviewContext`. */
export interface PreviewTheme {
  /** The `theme:` the site names (null: none), whether it was found, and how to install it when not. */
  theme: { name: string | null; found: boolean; how: string; hint: string };
  layouts: Record<string, PreviewLayout>;
  /** The theme's `_includes/` (the site's own, in `PreviewContext.includes`, win). */
  includes: Record<string, string>;
  /** Changes when any layout, include or Sass file of the site or theme does. */
  stamp: string;
}

export interface RecoveredBuffer {
  path: string;
  text: string;
  baseVersion: string;
  savedAt: string;
}

/** The result of a file operation (new, publish, rename…): where the post is now. */
export interface OperationResult {
  path: string;
  /** What undo would reverse, e.g. "Rename: a → b". */
  label: string;
  /** Names this operation for `undoOperation`, so an undo button undoes exactly what it was made for. */
  undoId: string;
}

/** A site-wide tag/category change: rename `names[0]` to `to`, merge `names` into `to`, or delete `names[0]`. */
export interface TermChangeRequest {
  op: 'rename' | 'merge' | 'delete';
  kind: 'tag' | 'category';
  names: string[];
  to?: string;
  /** Also make one git commit of exactly the changed files ("Rename tag a → b"). */
  commit?: boolean;
}

export interface TaxonomyView {
  tags: { name: string; count: number; posts: string[] }[];
  categories: { name: string; count: number; posts: string[] }[];
  /** Groups of names that look like the same term written differently. */
  nearDuplicates: { kind: 'tag' | 'category'; names: string[] }[];
}

/** Methods: each takes one JSON request object and resolves to one JSON response. */
export interface ApiMethods {
  getAppInfo: { req: Record<string, never>; res: AppInfo };
  /**
   * Opens a site folder; without a path, the last site or else the sample blog. A path must come from
   * the native picker (`chooseSiteFolder`), the recent list, `--site`, the sample, or (web mode) be a
   * typed path to a folder holding a Jekyll site. A folder that holds no Jekyll site is refused with
   * code `not-jekyll` unless `allowNonJekyll` (after asking the user). `sample` opens the sample blog
   * Postwright ships (copied into the user's data folder on first use).
   */
  openSite: { req: { path?: string; allowNonJekyll?: boolean; sample?: boolean }; res: SiteSummary };
  /** Shows the host's native folder picker (desktop app); the chosen folder may then be opened. */
  chooseSiteFolder: { req: Record<string, never>; res: { path: string | null; isJekyll: boolean } };
  getSite: { req: Record<string, never>; res: SiteSummary | null };
  recentSites: { req: Record<string, never>; res: string[] };
  listPosts: { req: Record<string, never>; res: PostRecord[] };
  readPost: { req: { path: string }; res: PostText };
  savePost: { req: { path: string; text: string; baseVersion: string }; res: SaveResult };
  /** Posts holding every word of `query` (any order, any case) in the title or text; an empty query starts reading texts ahead. */
  searchPosts: { req: { query: string; limit?: number }; res: SearchHit[] };
  getPreviewContext: { req: Record<string, never>; res: PreviewContext };
  /** The site's and its gem theme's layouts and includes for the "Blog look" preview, or why there is no theme. */
  getPreviewTheme: { req: Record<string, never>; res: PreviewTheme };
  /** A stylesheet the layout links (`assets/main.css`): compiled from its Sass source (site or theme) or read as CSS. */
  getPreviewCss: { req: { path: string }; res: { css: string; problems: string[] } };
  /** A text file of the site for `{% include_relative %}`; null when missing, binary or too large. */
  readSiteText: { req: { path: string }; res: { text: string | null } };
  /** Keeps an unsaved buffer outside the site so a crash loses nothing. */
  stashBuffer: { req: { path: string; text: string; baseVersion: string }; res: { ok: true } };
  dropBuffer: { req: { path: string }; res: { ok: true } };
  listBuffers: { req: Record<string, never>; res: RecoveredBuffer[] };
  /** Fields the site's posts use, for the front-matter form. */
  getSchema: { req: Record<string, never>; res: SiteSchema };
  /** What `postwright check` finds, for the Problems panel. */
  checkSite: { req: Record<string, never>; res: Problem[] };
  /** Image files of the site, for pickers. */
  listImages: { req: Record<string, never>; res: { path: string; size: number }[] };
  /** `template`: a file name from `listTemplates` (the blog's own scaffold); else the schema's fields. */
  createPost: { req: { title: string; draft?: boolean; template?: string }; res: OperationResult };
  /** The blog's scaffolds for new posts, from the folder `postwright: { templates: … }` names in `_config.yml`. */
  listTemplates: { req: Record<string, never>; res: { folder: string | null; templates: { name: string; label: string }[] } };
  /** `at` (epoch ms) dates the post (file name and `date:` alike, in the site's zone); default now. */
  publishPost: { req: { path: string; at?: number }; res: OperationResult };
  unpublishPost: { req: { path: string }; res: OperationResult };
  renamePost: { req: { path: string; slug: string }; res: OperationResult };
  duplicatePost: { req: { path: string }; res: OperationResult };
  deletePost: { req: { path: string }; res: OperationResult };
  getTaxonomy: { req: Record<string, never>; res: TaxonomyView };
  /** Each file and line a tag/category change would touch. */
  previewTermChange: { req: TermChangeRequest; res: { files: { path: string; lines: { line: number; before: string; after: string }[] }[] } };
  /** Applies it as one batch (undo reverses the whole batch). */
  applyTermChange: { req: TermChangeRequest; res: { label: string; undoId: string; written: number; conflicts: string[]; committed: boolean } };
  /** Images with the posts using them, missing references, where new images go. */
  getGallery: {
    req: Record<string, never>;
    res: { images: { path: string; size: number; usedBy: string[] }[]; missing: { path: string; usedBy: string[] }[]; uploadFolder: string; useBaseurl: boolean };
  };
  /** Adds an image (base64) under a clean unique name; `markdownPath` is what to write in a post. */
  addImage: { req: { name: string; data: string; folder?: string; post?: string }; res: { path: string; markdownPath: string } };
  /** Removes an image this session added, unchanged since (an undone paste); false when it was not ours or changed. */
  removeImage: { req: { path: string }; res: { removed: boolean } };
  gitStatus: { req: Record<string, never>; res: GitStatusView };
  /** The unified diff, and the last commit's and the working file's texts (null: absent or too large) for a side-by-side view. */
  gitDiff: { req: { path: string }; res: { diff: string; before: string | null; after: string | null } };
  /** A commit message describing the current changes ("Update post: …"). */
  suggestCommitMessage: { req: { paths?: string[] }; res: { message: string } };
  /** Commit, pull (rebase, or merge), push; never forced. */
  /** `paths`: commit only these changed files (the others stay uncommitted); default all. */
  syncSite: { req: { message?: string; merge?: boolean; paths?: string[] }; res: SyncOutcome };
  /** Stops a running sync before its next step (a pull is always let finish). */
  cancelSync: { req: Record<string, never>; res: { ok: true } };
  getConflict: { req: { path: string }; res: ConflictView };
  resolveConflict: { req: { path: string; text: string }; res: { ok: true } };
  continueSync: { req: Record<string, never>; res: SyncOutcome };
  /** Makes the site folder a git repository (branch main), optionally with a remote `origin`. */
  gitInit: { req: { remote?: string }; res: GitStatusView };
  /** Keeps an HTTPS token for git in the OS keychain (desktop app only); an empty token removes it. */
  setGitToken: { req: { token: string }; res: { ok: true } };
  /** Back to exactly the state before the sync. */
  abortSync: { req: Record<string, never>; res: { ok: boolean; message: string } };
  /**
   * Reverses a file operation (the one named by `id`, else the last); null when there is none. Refused
   * (code `conflict`, saying why) when a file it would touch changed since the operation.
   */
  undoOperation: { req: { id?: string }; res: { undone: string | null } };
}

export type MethodName = keyof ApiMethods;
export type ApiRequest<K extends MethodName> = ApiMethods[K]['req'];
export type ApiResponse<K extends MethodName> = ApiMethods[K]['res'];

/** The API as callable functions. */
export type PostwrightApi = {
  [K in MethodName]: Record<string, never> extends ApiRequest<K>
    ? (req?: ApiRequest<K>) => Promise<ApiResponse<K>>
    : (req: ApiRequest<K>) => Promise<ApiResponse<K>>;
};

/** Events pushed from the core to every window. */
export interface ApiEvents {
  /** A post changed on disk outside this window (another app, git, another window). */
  'post-changed': { path: string; kind: 'added' | 'changed' | 'removed'; record: PostRecord | null; version: string | null };
  /** The list should be reloaded as a whole (config changed, site reopened). */
  'posts-reset': { postCount: number };
  'site-opened': SiteSummary;
  /** Progress of a batch over many posts (tag rename…). */
  'batch-progress': { done: number; total: number };
  /** A step of a running sync. */
  'sync-progress': { step: string };
  /** Git status after a background fetch or a sync. */
  'git-status': GitStatusView;
  /** A native menu item or accelerator, forwarded to the renderer. */
  'menu-command': { command: MenuCommand };
}

export type EventName = keyof ApiEvents;

/** A native menu item forwarded to the page: any command of the one table (shared/commands.ts). */
export type MenuCommand = CommandId;

/** Every method name, for transports that route by name. */
export const methodNames: readonly MethodName[] = [
  'getAppInfo',
  'openSite',
  'chooseSiteFolder',
  'getSite',
  'recentSites',
  'listPosts',
  'readPost',
  'savePost',
  'searchPosts',
  'getPreviewContext',
  'getPreviewTheme',
  'getPreviewCss',
  'readSiteText',
  'stashBuffer',
  'dropBuffer',
  'listBuffers',
  'getSchema',
  'checkSite',
  'listImages',
  'createPost',
  'listTemplates',
  'publishPost',
  'unpublishPost',
  'renamePost',
  'duplicatePost',
  'deletePost',
  'undoOperation',
  'getTaxonomy',
  'previewTermChange',
  'applyTermChange',
  'getGallery',
  'addImage',
  'removeImage',
  'gitStatus',
  'gitDiff',
  'suggestCommitMessage',
  'syncSite',
  'getConflict',
  'resolveConflict',
  'continueSync',
  'abortSync',
  'setGitToken',
  'gitInit',
  'cancelSync',
];

export const eventNames: readonly EventName[] = ['post-changed', 'posts-reset', 'site-opened', 'menu-command', 'sync-progress', 'git-status', 'batch-progress'];

/** How a transport delivers calls and events; the client is built on top of one. */
export interface Transport {
  invoke(method: MethodName, req: unknown): Promise<unknown>;
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
}
