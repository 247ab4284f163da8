/**
 * Git below the header: the conflict resolver of a stopped sync, the "Resolve" offer, and the
 * open post's diff against the last commit.
 */
import { lazy, Suspense } from 'react';
import type { SyncOutcome } from '../../shared/api/contract';
import type { GitSession } from '../state/use-git-session';

// Both carry CodeMirror's merge view: loaded when first shown, not with the page.
const ConflictPanel = lazy(() => import('../git/conflict-panel').then((m) => ({ default: m.ConflictPanel })));
const DiffView = lazy(() => import('../git/diff-view').then((m) => ({ default: m.DiffView })));

interface Props {
  git: GitSession;
  path: string | null;
  onResolved(outcome: SyncOutcome | null, message: string): void;
}

export function GitBars({ git, path, onResolved }: Props) {
  const { conflicts, diffText } = git;
  return (
    <>
      {conflicts && (
        <Suspense fallback={null}>
          <ConflictPanel files={conflicts} onDone={onResolved} />
        </Suspense>
      )}
      {!conflicts && git.status?.operation && (
        <div className="bar conflict" role="alert">
          A sync stopped on a conflict.
          <button type="button" onClick={git.resolveFromStatus}>
            Resolve
          </button>
        </div>
      )}
      {diffText !== null && path && (
        <Suspense fallback={null}>
          <DiffView path={path} onClose={git.closeDiff} />
        </Suspense>
      )}
    </>
  );
}
