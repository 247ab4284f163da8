/**
 * New post and the file operations on the open post (publish, unpublish, rename, duplicate,
 * delete) plus undo, each done by the core Jekyll's way and never overwriting a file.
 *
 * Titles and slugs are asked in in-app dialogs (Electron has no window.prompt). The Undo button
 * belongs to one operation: it names it by `undoId`, shows only with the post it was made for,
 * and says why when the core refuses because the files changed since.
 */
import { slugify } from '../../shared/jekyll/file-names';
import { fileNameParts } from '../../shared/jekyll/file-names';
import { ApiError } from '../../shared/api/api-error';
import type { OperationResult } from '../../shared/api/contract';
import type { PostRecord } from '../../shared/jekyll/site-types';
import { dialogs } from '../dialogs/dialog-store';
import { askNewPost } from '../dialogs/new-post-dialog';
import { askPublishDate, type PublishSite } from '../dialogs/publish-dialog';
import { api } from './api';

/** The one operation the Undo button reverses. */
export interface UndoEntry {
  id: string;
  label: string;
  /** The post it shows with; null shows it everywhere (a deleted post, a site-wide tag change). */
  path: string | null;
  /** The post to select once undone. */
  before: string | null;
}

/** What an operation left: the message, and (when it ran) its undo and the post to select. */
export interface OperationDone {
  message: string;
  undo?: UndoEntry;
  select?: string | null;
}

const notEmptySlug = (v: string) => (slugify(v, 'default') ? null : 'Use at least one letter or digit.');

/** Asks the title (and template) of a new post or draft and creates it. */
export async function newPost(draft: boolean, selected: string | null): Promise<OperationDone | null> {
  const found = await api.listTemplates().catch(() => ({ folder: null, templates: [] }));
  const choice = await askNewPost(draft, found.templates, found.folder);
  if (choice === null) return null;
  const req = { title: choice.title, ...(draft ? { draft: true } : {}), ...(choice.template ? { template: choice.template } : {}) };
  return perform(draft ? 'New draft' : 'New post', () => api.createPost(req), selected, false);
}

/** The site's `timezone:` and `future:` as Jekyll reads them, for the publish dialog. */
async function publishSite(): Promise<PublishSite> {
  const site = (await api.getPreviewContext().catch(() => null))?.site ?? {};
  return { timezone: typeof site.timezone === 'string' && site.timezone ? site.timezone : null, future: site.future === true };
}

/** Asks when to publish a draft and publishes it dated so; null when cancelled. */
export async function publishWithDate(path: string): Promise<(() => Promise<OperationResult>) | null> {
  const slug = fileNameParts(path)?.slug ?? path.split('/').pop()!.replace(/\.[^.]+$/, '');
  const at = await askPublishDate(slug, await publishSite());
  return at === null ? null : () => api.publishPost({ path, at });
}

async function perform(label: string, op: () => Promise<OperationResult>, before: string | null, deletes: boolean): Promise<OperationDone> {
  try {
    const result = await op();
    return {
      message: result.label,
      undo: { id: result.undoId, label: result.label, path: deletes ? null : result.path, before },
      select: deletes ? null : result.path,
    };
  } catch (error) {
    return { message: `${label} failed: ${(error as Error).message}` };
  }
}

/** Reverses one operation by its id; a refusal (files changed since) comes back as its reason. */
export async function undoOperation(entry: UndoEntry): Promise<{ message: string; undone: boolean }> {
  try {
    const r = await api.undoOperation({ id: entry.id });
    return r.undone ? { message: `Undone: ${r.undone}`, undone: true } : { message: 'Nothing to undo', undone: false };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'conflict') return { message: error.message, undone: false };
    return { message: `Undo failed: ${(error as Error).message}`, undone: false };
  }
}

interface Props {
  record: PostRecord | null;
  /** The selected post's path (it may be gone, e.g. just deleted). */
  selected: string | null;
  title: string;
  /** The title when the post was opened: the rename hint shows once it changes. */
  loadedTitle: string;
  undo: UndoEntry | null;
  /** Saves pending edits first; false when the save failed. */
  beforeOperation(): Promise<boolean>;
  onDone(done: OperationDone): void;
  onUndone(entry: UndoEntry, message: string, undone: boolean): void;
}

export function PostActions({ record, selected, title, loadedTitle, undo, beforeOperation, onDone, onUndone }: Props) {
  const path = record?.path ?? '';
  const run = async (label: string, op: () => Promise<OperationResult>, deletes = false) => {
    if (!(await beforeOperation())) return;
    onDone(await perform(label, op, path || selected, deletes));
  };
  const create = async (draft: boolean) => {
    if (!(await beforeOperation())) return;
    const done = await newPost(draft, selected);
    if (done) onDone(done);
  };
  const currentSlug = record ? (fileNameParts(path)?.slug ?? '') : '';
  const titleSlug = slugify(title || '', 'default');
  const showUndo = undo && (undo.path === null || undo.path === selected);
  return (
    <div className="post-actions" role="toolbar" aria-label="Post actions">
      <button type="button" onClick={() => void create(false)}>
        New post
      </button>
      <button type="button" onClick={() => void create(true)}>
        New draft
      </button>
      {record && !record.skipped && (
        <>
          {record.draft ? (
            <button
              type="button"
              onClick={async () => {
                const publish = await publishWithDate(path);
                if (publish) void run('Publish', publish);
              }}
            >
              Publish…
            </button>
          ) : (
            <button type="button" onClick={() => void run('Unpublish', () => api.unpublishPost({ path }))}>
              Unpublish
            </button>
          )}
          <button
            type="button"
            onClick={async () => {
              const slug = await dialogs.ask({
                title: 'Rename file',
                description: `The file name of ${path} changes; its folder, date and extension stay.`,
                label: 'New file name (slug)',
                initial: titleSlug || currentSlug,
                submitLabel: 'Rename',
                validate: notEmptySlug,
              });
              if (slug && slugify(slug, 'default') !== currentSlug) void run('Rename', () => api.renamePost({ path, slug: slug.trim() }));
            }}
          >
            Rename file…
          </button>
          {titleSlug && currentSlug && title !== loadedTitle && titleSlug !== currentSlug && (
            <button type="button" className="hint" title={`The title suggests ${titleSlug}`} onClick={() => void run('Rename', () => api.renamePost({ path, slug: titleSlug }))}>
              Rename file to match title
            </button>
          )}
          <button type="button" onClick={() => void run('Duplicate', () => api.duplicatePost({ path }))}>
            Duplicate
          </button>
          <button
            type="button"
            onClick={async () => {
              const sure = await dialogs.confirm({
                title: 'Delete this post?',
                description: `${path} goes to the trash, and Undo brings it back.`,
                confirmLabel: 'Delete',
                destructive: true,
              });
              if (sure) void run('Delete', () => api.deletePost({ path }), true);
            }}
          >
            Delete
          </button>
        </>
      )}
      {showUndo && (
        <button
          type="button"
          onClick={async () => {
            if (!(await beforeOperation())) return;
            const r = await undoOperation(undo);
            onUndone(undo, r.message, r.undone);
          }}
        >
          Undo “{undo.label}”
        </button>
      )}
    </div>
  );
}
