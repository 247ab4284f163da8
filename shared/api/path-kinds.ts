/**
 * Which request fields of each contract method name a path, and of which kind.
 *
 * A path from the renderer, IPC or HTTP is untrusted: each kind has exactly one check in the core
 * (`electron/core/service/path-policy.ts`), run before the method does anything else. Every string
 * field of every method is listed here, so a new method or field cannot reach the core unclassified
 * (the confinement test fails for a field missing from this table).
 */
import type { MethodName } from './contract';

export type PathKind =
  /** A post or draft of the open site (`_posts/…`, `_drafts/…`), by text and by real path. */
  | 'post'
  /** A file of the open site for a diff: never `.git/` or any other dot folder or file. */
  | 'site-file'
  /** A file git reports unmerged while a sync is stopped on a conflict. */
  | 'conflict'
  /** A folder for new images: never a dot folder, `_…` folders (`_plugins`, `_includes`…), `node_modules`, `vendor`. */
  | 'image-folder'
  /** A site folder to open: from the native picker, the recent list, `--site`, the sample, or (web) a typed Jekyll site. */
  | 'site-root'
  /** The post an unsaved buffer belongs to; the buffer store adds a size and a count quota. */
  | 'buffer'
  /** One file name (no folders), cleaned before use: an image name, a new slug. */
  | 'file-name';

/** A string field that is not a path (post text, versions, queries, titles, tag names, URLs). */
export const NOT_A_PATH = 'not a path' as const;

export type FieldRole = PathKind | typeof NOT_A_PATH;

/** Every string field (including string lists) of every method, with its role. Methods without one map to {}. */
export const pathKinds: { readonly [K in MethodName]: Readonly<Record<string, FieldRole>> } = {
  getAppInfo: {},
  openSite: { path: 'site-root' },
  chooseSiteFolder: {},
  getSite: {},
  recentSites: {},
  listPosts: {},
  readPost: { path: 'post' },
  savePost: { path: 'post', text: NOT_A_PATH, baseVersion: NOT_A_PATH },
  searchPosts: { query: NOT_A_PATH },
  getPreviewContext: {},
  getPreviewTheme: {},
  // A stylesheet URL of the layout, as a site path (its Sass source may live in the theme).
  getPreviewCss: { path: 'site-file' },
  // `include_relative`: a file next to the post (Jekyll refuses `..` there, too).
  readSiteText: { path: 'site-file' },
  stashBuffer: { path: 'buffer', text: NOT_A_PATH, baseVersion: NOT_A_PATH },
  dropBuffer: { path: 'buffer' },
  listBuffers: {},
  getSchema: {},
  checkSite: {},
  listImages: {},
  // The title becomes a file name only through slugify, which keeps letters, digits and dashes.
  createPost: { title: NOT_A_PATH, template: 'file-name' },
  listTemplates: {},
  publishPost: { path: 'post' },
  unpublishPost: { path: 'post' },
  renamePost: { path: 'post', slug: 'file-name' },
  duplicatePost: { path: 'post' },
  deletePost: { path: 'post' },
  undoOperation: { id: NOT_A_PATH },
  getTaxonomy: {},
  previewTermChange: { op: NOT_A_PATH, kind: NOT_A_PATH, names: NOT_A_PATH, to: NOT_A_PATH },
  applyTermChange: { op: NOT_A_PATH, kind: NOT_A_PATH, names: NOT_A_PATH, to: NOT_A_PATH },
  getGallery: {},
  addImage: { name: 'file-name', data: NOT_A_PATH, folder: 'image-folder', post: 'post' },
  // Only an image this session added and nothing changed since (checked by the service).
  removeImage: { path: 'site-file' },
  gitStatus: {},
  gitDiff: { path: 'site-file' },
  // Changed files to commit: the service refuses any path git does not report changed.
  suggestCommitMessage: { paths: NOT_A_PATH },
  syncSite: { message: NOT_A_PATH, paths: NOT_A_PATH },
  getConflict: { path: 'conflict' },
  resolveConflict: { path: 'conflict', text: NOT_A_PATH },
  continueSync: {},
  abortSync: {},
  setGitToken: { token: NOT_A_PATH },
  // A remote URL is checked by GitService.init (no options, no whitespace, no `ext::` helpers).
  gitInit: { remote: NOT_A_PATH },
  cancelSync: {},
};

/** The path fields of `method` with their kinds. */
export function pathFieldsOf(method: MethodName): [field: string, kind: PathKind][] {
  return Object.entries(pathKinds[method]).filter((e): e is [string, PathKind] => e[1] !== NOT_A_PATH);
}
