/**
 * New post and the file operations on the open post (publish, unpublish, rename, duplicate,
 * delete) plus undo, each done by the core Jekyll's way and never overwriting a file.
 */
import { slugify } from '../../shared/jekyll/file-names';
import { fileNameParts } from '../../shared/jekyll/file-names';
import type { OperationResult } from '../../shared/api/contract';
import type { PostRecord } from '../../shared/jekyll/site-types';
import { api } from './api';

interface Props {
  record: PostRecord | null;
  title: string;
  /** The title when the post was opened: the rename hint shows once it changes. */
  loadedTitle: string;
  lastOperation: string | null;
  /** Saves pending edits first; false when the save failed. */
  beforeOperation(): Promise<boolean>;
  onDone(result: OperationResult | null, message: string): void;
}

export function PostActions({ record, title, loadedTitle, lastOperation, beforeOperation, onDone }: Props) {
  const run = async (label: string, op: () => Promise<OperationResult>) => {
    if (!(await beforeOperation())) return;
    try {
      const result = await op();
      onDone(result, result.label);
    } catch (error) {
      onDone(null, `${label} failed: ${(error as Error).message}`);
    }
  };
  const path = record?.path ?? '';
  const currentSlug = record ? (fileNameParts(path)?.slug ?? '') : '';
  const titleSlug = slugify(title || '', 'default');
  return (
    <div className="post-actions" role="toolbar" aria-label="Post actions">
      <button
        type="button"
        onClick={() => {
          const t = window.prompt('Title of the new post:');
          if (t) void run('New post', () => api.createPost({ title: t }));
        }}
      >
        New post
      </button>
      <button
        type="button"
        onClick={() => {
          const t = window.prompt('Title of the new draft:');
          if (t) void run('New draft', () => api.createPost({ title: t, draft: true }));
        }}
      >
        New draft
      </button>
      {record && !record.skipped && (
        <>
          {record.draft ? (
            <button type="button" onClick={() => void run('Publish', () => api.publishPost({ path }))}>
              Publish
            </button>
          ) : (
            <button type="button" onClick={() => void run('Unpublish', () => api.unpublishPost({ path }))}>
              Unpublish
            </button>
          )}
          <button
            type="button"
            onClick={() => {
              const slug = window.prompt('New file name (slug):', titleSlug || currentSlug);
              if (slug && slug !== currentSlug) void run('Rename', () => api.renamePost({ path, slug }));
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
            onClick={() => {
              if (window.confirm(`Delete ${path}? It goes to Postwright's trash and Undo brings it back.`)) void run('Delete', () => api.deletePost({ path }));
            }}
          >
            Delete
          </button>
        </>
      )}
      {lastOperation && (
        <button
          type="button"
          onClick={async () => {
            const r = await api.undoOperation();
            onDone(null, r.undone ? `Undone: ${r.undone}` : 'Nothing to undo');
          }}
        >
          Undo “{lastOperation}”
        </button>
      )}
    </div>
  );
}
