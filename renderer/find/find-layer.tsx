/**
 * The finders the app shows over everything: quick open, search in posts and the command
 * palette, one at a time (find-store.ts says which).
 */
import { useEffect } from 'react';
import type { CommandId } from '../../shared/commands';
import type { PostRecord } from '../../shared/jekyll/site-types';
import { CommandPalette } from './command-palette';
import { finder, useFinder } from './find-store';
import { QuickOpen } from './quick-open';
import { SearchDialog } from './search-dialog';
import './find.css';

interface Props {
  posts: readonly PostRecord[];
  /** Opens a post, at a 1-based line of its file when the search found one there. */
  onOpenPost(path: string, line: number | null): void;
  run(id: CommandId): void;
}

export function FindLayer({ posts, onOpenPost, run }: Props) {
  const open = useFinder();
  // A finder asked for while no site was open does not pop up when one opens, nor stays open after.
  useEffect(() => {
    finder.close();
    return finder.close;
  }, []);
  return (
    <>
      <QuickOpen open={open === 'quick-open'} posts={posts} onClose={finder.close} onOpenPost={(p) => onOpenPost(p, null)} />
      <SearchDialog open={open === 'search'} onClose={finder.close} onOpenPost={onOpenPost} />
      <CommandPalette open={open === 'palette'} onClose={finder.close} run={run} />
    </>
  );
}
