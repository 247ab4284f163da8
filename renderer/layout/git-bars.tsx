/**
 * Git below the header: the conflict resolver of a stopped sync, the "Resolve" offer, and the
 * open post's diff against the last commit.
 */
import type { SyncOutcome } from '../../shared/api/contract';
import { ConflictPanel } from '../git/conflict-panel';
import { DiffView } from '../git/diff-view';
import type { GitSession } from '../state/use-git-session';

interface Props {
  git: GitSession;
  path: string | null;
  onResolved(outcome: SyncOutcome | null, message: string): void;
}

export function GitBars({ git, path, onResolved }: Props) {
  const { conflicts, diffText } = git;
  return (
    <>
      {conflicts && <ConflictPanel files={conflicts} onDone={onResolved} />}
      {!conflicts && git.status?.operation && (
        <div className="bar conflict" role="alert">
          A sync stopped on a conflict.
          <button type="button" onClick={git.resolveFromStatus}>
            Resolve
          </button>
        </div>
      )}
      {diffText !== null && path && <DiffView path={path} onClose={git.closeDiff} />}
    </>
  );
}
