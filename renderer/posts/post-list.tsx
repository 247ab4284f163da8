/**
 * The post list: virtualised (only visible rows are in the DOM, so 10,000 posts scroll
 * smoothly), with search over titles and bodies, sort, and draft/category/tag filters.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { PostRecord } from '../../shared/jekyll/site-types';
import { api } from '../app/api';
import { TermFilter } from '../find/term-filter';
import { filterPosts, termCounts, type PostFilter, type SortKey, type StateFilter } from './filter-posts';
import { NoPosts, NoResults } from '../welcome/empty-states';

const ROW = 54;

interface Props {
  posts: PostRecord[];
  selected: string | null;
  onSelect(path: string): void;
  searchRef: React.RefObject<HTMLInputElement | null>;
  /** Git state per changed post (new, modified, deleted, conflicted); absent means in sync. */
  gitStates?: ReadonlyMap<string, string>;
}

/** Memoised: typing in the editor does not re-render the list. */
export const PostList = memo(function PostList({ posts, selected, onSelect, searchRef, gitStates }: Props) {
  const [filter, setFilter] = useState<PostFilter>({ query: '', sort: 'date-desc', state: 'all', category: '', tag: '', bodyHits: null });
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const q = filter.query.trim();
    if (q.length < 2) {
      setFilter((f) => (f.bodyHits ? { ...f, bodyHits: null } : f));
      return;
    }
    const t = setTimeout(() => {
      void api.searchPosts({ query: q, limit: 2000 }).then((hits) => setFilter((f) => (f.query.trim() === q ? { ...f, bodyHits: new Set(hits.map((h) => h.path)) } : f)));
    }, 200);
    return () => clearTimeout(t);
  }, [filter.query]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const shown = useMemo(() => filterPosts(posts, filter), [posts, filter]);
  const categories = useMemo(() => termCounts(posts, (p) => p.categories), [posts]);
  const tags = useMemo(() => termCounts(posts, (p) => p.tags), [posts]);
  const first = Math.max(0, Math.floor(scrollTop / ROW) - 5);
  const last = Math.min(shown.length, Math.ceil((scrollTop + height) / ROW) + 5);

  const onKey = (e: React.KeyboardEvent) => {
    const idx = shown.findIndex((p) => p.path === selected);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = shown[Math.max(0, Math.min(shown.length - 1, idx + (e.key === 'ArrowDown' ? 1 : -1)))];
      if (next) onSelect(next.path);
    }
  };

  return (
    <nav className="sidebar" aria-label="Posts sidebar">
      <div className="filters">
        <input ref={searchRef} type="search" placeholder="Filter by title and text" aria-label="Search posts" value={filter.query} onChange={(e) => setFilter({ ...filter, query: e.target.value })} />
        <div className="filter-row">
          <select aria-label="Sort" value={filter.sort} onChange={(e) => setFilter({ ...filter, sort: e.target.value as SortKey })}>
            <option value="date-desc">Newest first</option>
            <option value="date-asc">Oldest first</option>
            <option value="title">Title</option>
          </select>
          <select aria-label="Show" value={filter.state} onChange={(e) => setFilter({ ...filter, state: e.target.value as StateFilter })}>
            <option value="all">All</option>
            <option value="published">Published</option>
            <option value="drafts">Drafts</option>
            <option value="unpublished">Unpublished</option>
            <option value="problems">Problems</option>
          </select>
        </div>
        <div className="filter-row">
          <TermFilter label="Category" terms={categories} value={filter.category} onChange={(category) => setFilter((f) => ({ ...f, category }))} />
          <TermFilter label="Tag" terms={tags} value={filter.tag} onChange={(tag) => setFilter((f) => ({ ...f, tag }))} />
        </div>
        <div className="count" aria-live="polite">
          {shown.length} of {posts.length}
        </div>
      </div>
      {shown.length === 0 &&
        (posts.length === 0 ? (
          <NoPosts />
        ) : (
          <NoResults query={filter.query.trim() || undefined} onClear={() => setFilter((f) => ({ ...f, query: '', state: 'all', category: '', tag: '', bodyHits: null }))} />
        ))}
      <div className="post-list" role="listbox" aria-label="Posts" tabIndex={0} ref={box} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} onKeyDown={onKey}>
        <div style={{ height: shown.length * ROW, position: 'relative' }}>
          {shown.slice(first, last).map((p, i) => (
            <div
              key={p.path}
              role="option"
              aria-selected={p.path === selected}
              className={`post-row${p.path === selected ? ' selected' : ''}`}
              style={{ top: (first + i) * ROW, height: ROW }}
              onClick={() => onSelect(p.path)}
              title={p.skipped ?? p.error ?? p.path}
            >
              <div className="post-title">{p.title || p.path}</div>
              <div className="post-meta">
                <span>{p.date ? p.date.slice(0, 10) : '—'}</span>
                {p.draft && <span className="badge draft">draft</span>}
                {!p.draft && !p.published && !p.skipped && <span className="badge unpublished">unpublished</span>}
                {p.error && <span className="badge error">error</span>}
                {p.skipped && <span className="badge skipped">skipped</span>}
                {gitStates?.get(p.path) && <span className={`badge git-${gitStates.get(p.path)}`} title="git status">{gitStates.get(p.path)}</span>}
              </div>
            </div>
          ))}
        </div>
      </div>
    </nav>
  );
});
