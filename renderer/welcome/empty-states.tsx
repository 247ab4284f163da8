/**
 * The app's empty states, ready to drop in: no post chosen, no posts at all, a filter or search
 * that finds nothing, and a clean Problems panel.
 */
import { CircleCheck, FilePen, FileSearch, Inbox } from 'lucide-react';
import { EmptyState } from './empty-state';

/** The editor column with no post open. */
export function NoPostSelected({ loading = false }: { loading?: boolean }) {
  if (loading) return <EmptyState icon={<FilePen />} title="Opening the post…" />;
  return (
    <EmptyState icon={<FilePen />} title="Choose a post to write in">
      Pick one from the list, or press Ctrl+P to find it by title.
    </EmptyState>
  );
}

/** A site without a single post or draft. */
export function NoPosts({ onNewPost }: { onNewPost?: () => void }) {
  return (
    <EmptyState
      compact
      icon={<Inbox />}
      title="No posts yet"
      action={
        onNewPost && (
          <button type="button" className="primary" onClick={onNewPost}>
            New post
          </button>
        )
      }
    >
      Posts live in _posts/ and drafts in _drafts/.
    </EmptyState>
  );
}

/** A filter or search that matches nothing. */
export function NoResults({ query, onClear }: { query?: string; onClear?: () => void }) {
  return (
    <EmptyState
      compact
      icon={<FileSearch />}
      title={query ? `Nothing matches “${query}”` : 'Nothing matches these filters'}
      action={
        onClear && (
          <button type="button" onClick={onClear}>
            Clear filters
          </button>
        )
      }
    >
      Try fewer words, or another tag or category.
    </EmptyState>
  );
}

/** The Problems panel when the check found nothing. */
export function NoProblems() {
  return (
    <EmptyState compact icon={<CircleCheck />} title="No problems found">
      Every post reads the way Jekyll will build it.
    </EmptyState>
  );
}
