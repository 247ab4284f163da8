/**
 * The one implementation of the API contract, used by the Electron main process and the web host.
 *
 * It owns the open site session, the recent-sites list, recovery buffers and events; hosts only
 * transport calls to it.
 */
import os from 'node:os';
import path from 'node:path';
import { realpath } from 'node:fs/promises';
import { ApiError } from '../../../shared/api/api-error';
import type { AppInfo, PostwrightApi, SiteSummary } from '../../../shared/api/contract';
import { RecentSites } from '../app-data/recent-sites';
import { RecoveryBuffers } from '../app-data/recovery-buffers';
import { ensureSampleBlog } from '../app-data/sample-blog';
import { SiteSession } from '../site/site-session';
import type { CoreService } from './dispatch';
import { EventHub } from './event-hub';
import { PostSearch, readSearchTextSync } from './post-search';
import { readSiteFile } from './site-files';
import { loadPreviewTheme } from '../theme/load-theme';
import { compilePreviewCss } from '../theme/compile-css';
import { readSiteText } from '../theme/read-site-text';
import { readThemeAsset } from '../theme/theme-assets';
import { listImages } from '../site/site-images';
import { SourceError } from '../../../shared/source-error';
import type { OperationResult, TermChangeRequest } from '../../../shared/api/contract';
import { collectTaxonomy } from '../../../shared/site/taxonomy';
import { nearDuplicates, type TermOperation } from '../../../shared/site/taxonomy-edit';
import { applyPlan, planTermOperation, revertPlan } from '../taxonomy/term-batch';
import { addImage, buildGallery } from '../images/image-gallery';
import { moveToTrash } from '../lifecycle/app-trash';
import { GitService } from './git-service';
import { checkImageFolder, createPathPolicy, guardApi, looksLikeJekyll } from './path-policy';
import { withForegroundCalls } from '../util/foreground-calls';
import { UndoStack } from './undo-stack';
import { versionOf } from '../store/post-file';
import { thumbnail } from '../images/thumbnails';
import { defaultCacheDir } from '../site/cache-dir';
import { resolveInSite } from '../store/confine';
import { setHttpsToken } from '../git/https-token';
import { createPost, deletePost, duplicatePost, publishPost, renamePost, undoChange, unpublishPost, type Change } from '../lifecycle/post-lifecycle';
import { listTemplates, readTemplate, templatesFolder } from '../lifecycle/post-templates';
import { AddedImages } from '../images/added-images';
import { folderForPost } from '../images/image-placement';
import { fileNameParts } from '../../../shared/jekyll/file-names';

export interface CoreServiceOptions {
  userDataDir: string;
  /** The sample blog shipped with the app, copied on first start. */
  sampleDir: string;
  host: AppInfo['host'];
  assetBase: string;
  canChooseFolder: boolean;
  version?: string;
  /** Index cache folder; default POSTWRIGHT_CACHE_DIR or the user cache; false disables it. */
  cacheDir?: string | false;
  /** Watch the site for outside changes (default true). */
  watch?: boolean;
  /** Where an HTTPS token for git is kept (the OS keychain in the desktop app); absent elsewhere. */
  tokenStore?: { load(): Promise<string | null>; save(token: string | null): Promise<void> };
  /** The OS trash, where the host has one (Electron's shell.trashItem); else the app trash is used. */
  osTrash?: (absPath: string) => Promise<void>;
  /** The host's native folder picker (Electron's dialog); absent in web mode. Resolves null when cancelled. */
  chooseFolder?: () => Promise<string | null>;
  /** Folders the host trusts for `openSite` besides the picker, recent list and sample: `--site`. */
  allowedRoots?: string[];
}

declare const __POSTWRIGHT_VERSION__: string | undefined;

/** A checked TermOperation from a flat request. */
function termOperation(req: TermChangeRequest): TermOperation {
  const kind = req.kind;
  if (kind !== 'tag' && kind !== 'category') throw new ApiError({ code: 'bad-request', message: 'kind must be tag or category' });
  const names = req.names.map((n) => n.trim()).filter(Boolean);
  const to = req.to?.trim();
  if (req.op === 'rename' && names.length === 1 && to) return { op: 'rename', kind, from: names[0], to };
  if (req.op === 'merge' && names.length >= 1 && to) return { op: 'merge', kind, from: names, into: to };
  if (req.op === 'delete' && names.length === 1) return { op: 'delete', kind, name: names[0] };
  throw new ApiError({ code: 'bad-request', message: 'a rename needs one name and `to`, a merge names and `to`, a delete one name' });
}

/** A file operation's SourceError as the API's error: `exists`, `conflict` and `locked` are conflicts. */
function apiErrorOf(error: unknown): unknown {
  if (!(error instanceof SourceError)) return error;
  const code = ['exists', 'conflict', 'locked'].includes(error.code) ? 'conflict' : error.code === 'outside-site' ? 'outside-site' : 'invalid-input';
  return new ApiError({ code, message: error.message });
}

function termLabel(op: TermOperation): string {
  const what = op.kind === 'tag' ? 'tag' : 'category';
  if (op.op === 'rename') return `Rename ${what} ${op.from} → ${op.to}`;
  if (op.op === 'merge') return `Merge ${what}s ${op.from.join(', ')} → ${op.into}`;
  return `Delete ${what} ${op.name}`;
}

export async function createCoreService(options: CoreServiceOptions): Promise<CoreService & { session(): SiteSession | null }> {
  const hub = new EventHub();
  const recent = new RecentSites(options.userDataDir);
  const buffers = new RecoveryBuffers(options.userDataDir);
  let session: SiteSession | null = null;
  let search: PostSearch | null = null;
  let samplePath: string | null = null;

  const trashDir = path.join(options.userDataDir, 'trash');
  if (options.tokenStore) setHttpsToken(await options.tokenStore.load().catch(() => null));
  /** Undo entries: how to reverse each operation (refusing when its files changed since), by id. */
  const undoStack = new UndoStack();
  /** Images added this session: an undone paste may take back exactly these. */
  const addedImages = new AddedImages();

  /** Runs a file operation, remembers how to undo it, and refreshes the index. */
  async function operate(run: (s: SiteSession) => Promise<Change>): Promise<OperationResult> {
    const s = current();
    let change: Change;
    try {
      change = await run(s);
    } catch (error) {
      throw apiErrorOf(error);
    }
    const paths = [...change.created.map((c) => c.path), ...change.removed.map((r) => r.path)];
    const undoId = undoStack.add({ label: change.label, run: async () => (await undoChange(s.root, change, trashDir), paths) });
    await s.syncPaths(paths);
    return { path: change.path, label: change.label, undoId };
  }

  const gitService = new GitService({
    root: () => current().root,
    emit: (event, payload) => hub.emit(event, payload),
    afterChange: async () => {
      await session?.reindex();
    },
  });

  const current = (): SiteSession => {
    if (!session) throw new ApiError({ code: 'no-site', message: 'no site is open' });
    return session;
  };

  async function open(requested: string | undefined, sample = false): Promise<SiteSummary> {
    let root = requested;
    let isSample = false;
    if (sample) {
      if (root) throw new ApiError({ code: 'bad-request', message: 'openSite: give a path or sample, not both' });
      root = samplePath = await ensureSampleBlog(options.sampleDir, options.userDataDir);
    } else if (!root) {
      const last = (await recent.list())[0];
      root = last ?? (samplePath = await ensureSampleBlog(options.sampleDir, options.userDataDir));
    }
    if (!path.isAbsolute(root)) throw new ApiError({ code: 'bad-request', message: 'the site path must be absolute' });
    try {
      root = await realpath(root);
    } catch {
      throw new ApiError({ code: 'not-found', message: `no such folder: ${root}` });
    }
    samplePath ??= path.join(options.userDataDir, 'sample-blog');
    isSample = root === (await realpath(samplePath).catch(() => samplePath));
    const next = await SiteSession.open(root, {
      cacheDir: options.cacheDir,
      isSample,
      watch: options.watch,
      events: {
        postChanged: (p, kind, record, version) => {
          search?.invalidate(p);
          hub.emit('post-changed', { path: p, kind, record, version });
        },
        reset: (postCount) => hub.emit('posts-reset', { postCount }),
      },
    });
    // Not waiting for the watcher's first scan: the session catches up with changes made meanwhile.
    const previous = session;
    session = next;
    undoStack.clear();
    addedImages.clear();
    search = new PostSearch({ records: () => next.records(), read: (p) => next.readForSearch(p), readSync: (p) => readSearchTextSync(next.root, p) });
    await previous?.close();
    await recent.add(root);
    void gitService.siteOpened(root);
    const summary = next.summary();
    hub.emit('site-opened', summary);
    return summary;
  }

  /** Real paths of folders opened from `--site` or picked in the native picker; recent and sample count too. */
  const trustedRoots = new Set<string>();
  const trustRoot = async (folder: string) => void trustedRoots.add(await realpath(folder).catch(() => path.resolve(folder)));
  for (const folder of options.allowedRoots ?? []) await trustRoot(folder);
  const policy = createPathPolicy({
    host: options.host,
    session: current,
    async isTrustedRoot(real) {
      if (trustedRoots.has(real)) return true;
      if (real === (await realpath(path.join(options.userDataDir, 'sample-blog')).catch(() => null))) return true;
      for (const folder of await recent.list()) if ((await realpath(folder).catch(() => folder)) === real) return true;
      return false;
    },
  });

  const api: PostwrightApi = {
    async getAppInfo() {
      return {
        version: options.version ?? (typeof __POSTWRIGHT_VERSION__ === 'string' ? __POSTWRIGHT_VERSION__ : '0.1.0'),
        host: options.host,
        platform: os.platform(),
        assetBase: options.assetBase,
        canChooseFolder: options.canChooseFolder,
        canStoreGitToken: options.tokenStore !== undefined,
      };
    },
    openSite: (req) => open(req?.path, req?.sample === true),
    async chooseSiteFolder() {
      if (!options.chooseFolder) throw new ApiError({ code: 'forbidden', message: 'this host has no folder picker: type the folder path instead' });
      const picked = await options.chooseFolder();
      const real = picked ? await realpath(picked).catch(() => null) : null;
      if (!real) return { path: null, isJekyll: false };
      trustedRoots.add(real);
      return { path: real, isJekyll: await looksLikeJekyll(real) };
    },
    async getSite() {
      return session ? session.summary() : null;
    },
    recentSites: () => recent.list(),
    async listPosts() {
      return current().recordsSliced();
    },
    readPost: (req) => current().readPost(req.path),
    async savePost(req) {
      const result = await current().savePost(req.path, req.text, req.baseVersion);
      if (result.status === 'saved') search?.invalidate(req.path);
      return result;
    },
    async searchPosts(req) {
      current();
      return search!.search(req.query, req.limit);
    },
    getPreviewContext: () => current().previewContext(),
    getPreviewTheme: () => loadPreviewTheme(current().root, current().config.config.raw),
    getPreviewCss: (req) => compilePreviewCss(current().root, current().config.config.raw, req.path),
    readSiteText: async (req) => ({ text: await readSiteText(current().root, req.path) }),
    async stashBuffer(req) {
      await buffers.stash(current().root, req);
      return { ok: true };
    },
    async dropBuffer(req) {
      await buffers.drop(current().root, req.path);
      return { ok: true };
    },
    listBuffers: () => buffers.list(current().root),
    getSchema: () => current().schema(),
    async checkSite() {
      return current().check();
    },
    listImages: () => listImages(current().root),
    createPost: (req) =>
      operate(async (s) => {
        if (req.template !== undefined) {
          const folder = templatesFolder(s.config.config.raw);
          if (!folder) throw new SourceError('invalid-input', 'this blog names no templates folder (postwright: { templates: … } in _config.yml)');
          const template = await readTemplate(s.root, folder, req.template);
          return createPost(s.root, s.config.config, { title: req.title, draft: req.draft, template });
        }
        const schema = await s.schema();
        const fields: Record<string, string[]> = {};
        for (const f of schema.fields) if (f.type === 'tags' && f.key.endsWith('s') && f.default === undefined && schema.posts > 0 && f.count / schema.posts >= 0.5) fields[f.key] = [];
        return createPost(s.root, s.config.config, { title: req.title, draft: req.draft, fields });
      }),
    listTemplates: () => listTemplates(current().root, current().config.config.raw),
    publishPost: (req) => operate(async (s) => publishPost(s.root, s.config.config, (await s.resolvePost(req.path)).rel, req.at ?? Date.now())),
    unpublishPost: (req) => operate(async (s) => unpublishPost(s.root, s.config.config, (await s.resolvePost(req.path)).rel)),
    renamePost: (req) => operate(async (s) => renamePost(s.root, (await s.resolvePost(req.path)).rel, req.slug)),
    duplicatePost: (req) => operate(async (s) => duplicatePost(s.root, (await s.resolvePost(req.path)).rel)),
    deletePost: (req) => operate(async (s) => deletePost(s.root, (await s.resolvePost(req.path)).rel, trashDir, options.osTrash)),
    async undoOperation(req) {
      const s = current();
      let done;
      try {
        done = await undoStack.undo(req?.id);
      } catch (error) {
        throw apiErrorOf(error);
      }
      if (!done) return { undone: null };
      await s.syncPaths(done.paths);
      return { undone: done.label };
    },
    getGallery: () => buildGallery(current().root, current().config.config),
    gitStatus: () => gitService.status(),
    gitDiff: (req) => gitService.diff(req.path),
    suggestCommitMessage: (req) => gitService.suggestMessage(req?.paths),
    syncSite: (req) => gitService.sync(req?.message, req?.merge, req?.paths),
    getConflict: (req) => gitService.conflict(req.path),
    resolveConflict: (req) => gitService.resolve(req.path, req.text),
    continueSync: () => gitService.continue(),
    abortSync: () => gitService.abort(),
    gitInit: (req) => gitService.init(req?.remote),
    cancelSync: async () => gitService.cancel(),
    async setGitToken(req) {
      if (!options.tokenStore) throw new ApiError({ code: 'forbidden', message: 'a git token can only be kept by the desktop app, in the OS keychain' });
      const token = req.token.trim() || null;
      await options.tokenStore.save(token);
      setHttpsToken(token);
      return { ok: true };
    },
    async addImage(req) {
      const s = current();
      if (!/^[A-Za-z0-9+/=\s]*$/.test(req.data)) throw new ApiError({ code: 'bad-request', message: 'image data must be base64' });
      // Reading every post for the folder and path style is costly: at most once, and only when needed.
      let gallery: ReturnType<typeof buildGallery> | null = null;
      const galleryOnce = () => (gallery ??= buildGallery(s.root, s.config.config));
      let rel: string;
      try {
        // The usual folder comes from what posts reference, so it passes the same check as a requested one.
        // A post's image is named after the post (`my-post-1.png`) and goes where the blog keeps inline images.
        const slug = req.post ? (fileNameParts(req.post)?.slug ?? '') : '';
        const learnt = req.folder ? null : await galleryOnce();
        const folder = req.folder ?? (await checkImageFolder(s.root, folderForPost(learnt!.placement, slug)).catch(() => 'assets/images'));
        rel = await addImage(s.root, folder, req.name, Buffer.from(req.data, 'base64'), slug || undefined);
      } catch (error) {
        if (error instanceof SourceError) throw new ApiError({ code: error.code === 'outside-site' ? 'outside-site' : 'invalid-input', message: error.message });
        throw error;
      }
      const added = versionOf(Buffer.from(req.data, 'base64'));
      addedImages.remember(rel, added);
      undoStack.push({ label: `Add image ${rel}`, run: async () => (await moveToTrash(trashDir, s.root, rel, added), []) });
      const useBase = s.config.config.baseurl !== '' && (await galleryOnce()).useBaseurl;
      return { path: rel, markdownPath: `${useBase ? '{{ site.baseurl }}' : ''}/${rel}` };
    },
    async removeImage(req) {
      const s = current();
      try {
        return { removed: await addedImages.remove(s.root, req.path, trashDir) };
      } catch (error) {
        throw apiErrorOf(error);
      }
    },
    async getTaxonomy() {
      const t = collectTaxonomy(await current().recordsSliced(), { drafts: true, unpublished: true });
      return {
        tags: t.tags,
        categories: t.categories,
        nearDuplicates: [
          ...nearDuplicates(t.tags.map((x) => x.name)).map((names) => ({ kind: 'tag' as const, names })),
          ...nearDuplicates(t.categories.map((x) => x.name)).map((names) => ({ kind: 'category' as const, names })),
        ],
      };
    },
    async previewTermChange(req) {
      const s = current();
      const plan = await planTermOperation(s.root, s.config.config, termOperation(req));
      return { files: plan.map((f) => ({ path: f.path, lines: f.lines })) };
    },
    async applyTermChange(req) {
      const s = current();
      const operation = termOperation(req);
      const plan = await planTermOperation(s.root, s.config.config, operation);
      const result = await applyPlan(s.root, plan, (done, total) => {
        if (done === total || done % 50 === 0) hub.emit('batch-progress', { done, total });
      });
      await s.syncPaths(result.written);
      const label = termLabel(operation);
      const undoId = undoStack.add({ label, run: () => revertPlan(s.root, plan, result.written) });
      const committed = req.commit === true && result.written.length > 0 ? await gitService.commitFiles(result.written, label) : false;
      return { label, undoId, written: result.written.length, conflicts: result.conflicts, committed };
    },
  };

  return {
    api: withForegroundCalls(guardApi(api, policy)),
    allowSiteRoot: trustRoot,
    subscribe: (listener) => hub.subscribe(listener),
    session: () => session,
    async readSiteFile(rel) {
      if (!session) return null;
      // `.thumb/<size>/<path>`: a small cached copy for galleries (the original when none can be made).
      const thumb = /^\.thumb\/(\d{2,4})\/(.+)$/.exec(rel);
      if (!thumb) return (await readSiteFile(session.root, rel)) ?? readThemeAsset(session.root, session.config.config.raw, rel);
      const original = await readSiteFile(session.root, thumb[2]);
      if (!original) return null;
      try {
        const abs = await resolveInSite(session.root, thumb[2]);
        const cacheDir = options.cacheDir === false ? path.join(os.tmpdir(), 'postwright-cache') : (options.cacheDir ?? defaultCacheDir());
        return (await thumbnail(abs, Math.min(1024, Number(thumb[1])), cacheDir)) ?? original;
      } catch {
        return original;
      }
    },
    async close() {
      gitService.stop();
      await session?.close();
      session = null;
    },
  };
}
