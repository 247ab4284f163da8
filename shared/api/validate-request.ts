/**
 * Checks the shape of every request before the service sees it.
 *
 * IPC and HTTP bring untrusted JSON; a renderer compromised by hostile post content must not
 * be able to smuggle unexpected types into the core. Unknown keys are refused, too.
 */
import { ApiError } from './api-error';
import type { ApiRequest, MethodName } from './contract';

export type Field = 'string' | 'string?' | 'number?' | 'boolean?' | 'string[]' | 'string[]?';

/** The fields each method's request may have; `shared/api/path-kinds.ts` says which of them are paths. */
export const requestShapes: { readonly [K in MethodName]: Readonly<Record<string, Field>> } = {
  getAppInfo: {},
  openSite: { path: 'string?', allowNonJekyll: 'boolean?', sample: 'boolean?' },
  chooseSiteFolder: {},
  getSite: {},
  recentSites: {},
  listPosts: {},
  readPost: { path: 'string' },
  savePost: { path: 'string', text: 'string', baseVersion: 'string' },
  searchPosts: { query: 'string', limit: 'number?' },
  getPreviewContext: {},
  getPreviewTheme: {},
  getPreviewCss: { path: 'string' },
  readSiteText: { path: 'string' },
  stashBuffer: { path: 'string', text: 'string', baseVersion: 'string' },
  dropBuffer: { path: 'string' },
  listBuffers: {},
  getSchema: {},
  checkSite: {},
  listImages: {},
  createPost: { title: 'string', draft: 'boolean?', template: 'string?' },
  listTemplates: {},
  publishPost: { path: 'string', at: 'number?' },
  unpublishPost: { path: 'string' },
  renamePost: { path: 'string', slug: 'string' },
  duplicatePost: { path: 'string' },
  deletePost: { path: 'string' },
  undoOperation: { id: 'string?' },
  getTaxonomy: {},
  previewTermChange: { op: 'string', kind: 'string', names: 'string[]', to: 'string?', commit: 'boolean?' },
  applyTermChange: { op: 'string', kind: 'string', names: 'string[]', to: 'string?', commit: 'boolean?' },
  getGallery: {},
  addImage: { name: 'string', data: 'string', folder: 'string?', post: 'string?' },
  removeImage: { path: 'string' },
  gitStatus: {},
  gitDiff: { path: 'string' },
  suggestCommitMessage: { paths: 'string[]?' },
  syncSite: { message: 'string?', merge: 'boolean?', paths: 'string[]?' },
  getConflict: { path: 'string' },
  resolveConflict: { path: 'string', text: 'string' },
  continueSync: {},
  abortSync: {},
  setGitToken: { token: 'string' },
  gitInit: { remote: 'string?' },
  cancelSync: {},
};

const MAX_TEXT = 20 * 1024 * 1024;

/** True when `name` is a method of the contract (not an inherited property). */
export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(requestShapes, name);
}

/** Returns the request typed, or throws `ApiError('bad-request')`. */
export function validateRequest<K extends MethodName>(method: K, input: unknown): ApiRequest<K> {
  const shape = requestShapes[method];
  const req = input === undefined || input === null ? {} : input;
  if (typeof req !== 'object' || Array.isArray(req)) bad(method, 'the request must be an object');
  const obj = req as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!Object.prototype.hasOwnProperty.call(shape, key)) bad(method, `unexpected field '${key}'`);
  }
  for (const [key, kind] of Object.entries(shape)) {
    const value = obj[key];
    const optional = kind.endsWith('?');
    if (value === undefined) {
      if (!optional) bad(method, `missing field '${key}'`);
      continue;
    }
    const type = kind.replace('?', '');
    if (type === 'string[]') {
      if (!Array.isArray(value) || value.length > 1000 || !value.every((v) => typeof v === 'string' && v.length <= 1000)) bad(method, `field '${key}' must be a list of strings`);
      continue;
    }
    if (typeof value !== type) bad(method, `field '${key}' must be a ${type}`);
    if (typeof value === 'string' && value.length > MAX_TEXT) bad(method, `field '${key}' is too large`);
    if (typeof value === 'number' && !Number.isFinite(value)) bad(method, `field '${key}' must be finite`);
  }
  return obj as ApiRequest<K>;
}

function bad(method: string, why: string): never {
  throw new ApiError({ code: 'bad-request', message: `${method}: ${why}` });
}
