/**
 * Quick open (Ctrl/Cmd+P): type part of a post's title or path, fuzzy-matched with fuzzysort
 * over targets prepared once per post list; the best 50 show with the matched characters
 * marked, and Enter opens the post.
 */
import { Command } from 'cmdk';
import { useMemo, useState } from 'react';
import type { PostRecord } from '../../shared/jekyll/site-types';
import { Highlight } from './highlight';
import { createMatcher, prepareTargets } from './quick-open-match';

const SHOWN = 50;

interface Props {
  open: boolean;
  posts: readonly PostRecord[];
  onClose(): void;
  onOpenPost(path: string): void;
}

export function QuickOpen({ open, posts, onClose, onOpenPost }: Props) {
  const [query, setQuery] = useState('');
  const match = useMemo(() => createMatcher(open ? prepareTargets(posts) : []), [open, posts]);
  const results = useMemo(() => match(query, SHOWN), [query, match]);
  return (
    <Command.Dialog
      open={open}
      onOpenChange={(o) => {
        if (!o) onClose();
        setQuery('');
      }}
      label="Quick open"
      shouldFilter={false}
      vimBindings={false}
      loop
      overlayClassName="find-overlay"
      contentClassName="find-dialog"
    >
      <Command.Input className="find-input" value={query} onValueChange={setQuery} placeholder="Open a post by title or path…" />
      <Command.List className="find-list" label="Matching posts">
        <Command.Empty className="find-empty">No post matches “{query}”.</Command.Empty>
        {results.map(({ record, titleIndexes, pathIndexes }) => (
          <Command.Item
            key={record.path}
            value={record.path}
            className="find-item"
            onSelect={() => {
              onClose();
              setQuery('');
              onOpenPost(record.path);
            }}
          >
            <span className="find-title">
              <Highlight text={record.title || record.path} indexes={titleIndexes} />
            </span>
            <span className="find-path">
              <Highlight text={record.path} indexes={pathIndexes} />
            </span>
          </Command.Item>
        ))}
      </Command.List>
      <div className="find-hint" aria-hidden="true">
        ↑↓ to move · Enter to open · Esc to close
      </div>
    </Command.Dialog>
  );
}
