/**
 * Search in posts (Ctrl/Cmd+Shift+F): every typed word must occur, in any order and case; each
 * post shows its best lines with the words marked, and Enter opens the post at that line.
 *
 * Opening the dialog asks the core to start reading texts (an empty query), so the first real
 * query finds them in memory.
 */
import { Command } from 'cmdk';
import { useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../shared/api/contract';
import { api } from '../app/api';
import { Highlight } from './highlight';

const LIMIT = 100;
const DEBOUNCE_MS = 120;

interface Props {
  open: boolean;
  onClose(): void;
  /** Opens a post at a 1-based line of its file. */
  onOpenPost(path: string, line: number | null): void;
}

export function SearchDialog({ open, onClose, onOpenPost }: Props) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState('');
  const asked = useRef(0);

  useEffect(() => {
    if (open) void api.searchPosts({ query: '' }).catch(() => undefined);
  }, [open]);

  useEffect(() => {
    const q = query.trim();
    const ticket = ++asked.current;
    if (!q) {
      setHits(null);
      return;
    }
    const t = setTimeout(() => {
      api.searchPosts({ query: q, limit: LIMIT }).then(
        (found) => ticket === asked.current && (setHits(found), setError('')),
        (e) => ticket === asked.current && setError((e as Error).message),
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [query]);

  const pick = (path: string, line: number | null) => {
    onClose();
    onOpenPost(path, line);
  };

  return (
    <Command.Dialog
      open={open}
      onOpenChange={(o) => !o && onClose()}
      label="Search in posts"
      shouldFilter={false}
      vimBindings={false}
      loop
      overlayClassName="find-overlay"
      contentClassName="find-dialog find-search"
    >
      <Command.Input className="find-input" value={query} onValueChange={setQuery} placeholder="Search words in every post…" />
      <Command.List className="find-list" label="Search results">
        {error && <div className="find-empty" role="alert">{error}</div>}
        {hits && hits.length === 0 && <div className="find-empty">No post holds every word of “{query.trim()}”.</div>}
        {hits?.map((hit) => (
          <Command.Group key={hit.path} heading={<span className="find-title">{hit.title || hit.path}</span>} className="find-group">
            {(hit.matches.length ? hit.matches : [null]).map((m) => (
              <Command.Item key={m ? m.line : 'title'} value={`${hit.path}:${m?.line ?? 0}`} className="find-item find-line" onSelect={() => pick(hit.path, m?.line ?? null)}>
                {m ? (
                  <>
                    <span className="find-line-no">{m.line}</span>
                    <span className="find-snippet">
                      <Highlight text={m.text} ranges={m.ranges} />
                    </span>
                  </>
                ) : (
                  <span className="find-path">{hit.path}</span>
                )}
              </Command.Item>
            ))}
          </Command.Group>
        ))}
      </Command.List>
      <div className="find-hint" aria-live="polite">
        {hits ? `${hits.length}${hits.length === LIMIT ? '+' : ''} post${hits.length === 1 ? '' : 's'} · Enter opens at the line` : 'All words must occur, in any order'}
      </div>
    </Command.Dialog>
  );
}
