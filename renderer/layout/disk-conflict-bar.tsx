/**
 * The open post changed on disk while edited: keep mine, take theirs, or compare the two texts.
 */
import { useState } from 'react';
import type { PostDocument } from '../state/use-document-session';

export function DiskConflictBar({ doc, mine }: { doc: PostDocument; mine: string }) {
  const [showCompare, setShowCompare] = useState(false);
  if (!doc.conflict) return null;
  return (
    <>
      <div className="bar conflict" role="alert">
        This post changed on disk while you were editing.
        <button type="button" onClick={() => void doc.keepMine()}>
          Keep mine
        </button>
        <button type="button" onClick={() => doc.takeTheirs()}>
          Take theirs
        </button>
        <button type="button" onClick={() => setShowCompare(!showCompare)}>
          {showCompare ? 'Hide comparison' : 'Compare'}
        </button>
      </div>
      {showCompare && (
        <div className="compare">
          <label>
            Mine
            <textarea readOnly value={mine} />
          </label>
          <label>
            On disk
            <textarea readOnly value={doc.conflict.diskText} />
          </label>
        </div>
      )}
    </>
  );
}
