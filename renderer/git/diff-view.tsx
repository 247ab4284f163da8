/**
 * What changed in a post since the last commit, side by side (last commit | now) with the changed
 * words highlighted, opened at the first change. It fills the window as a modal (Esc closes,
 * focus returns), so the page never scrolls and the header with Close stays in view.
 */
import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useState } from 'react';
import { api } from '../app/api';
import { MergePane } from './merge-pane';
import './merge.css';

type Sides = { diff: string; before: string | null; after: string | null };

interface Props {
  path: string;
  onClose(): void;
}

export function DiffView({ path, onClose }: Props) {
  const [sides, setSides] = useState<Sides | null>(null);
  const [problem, setProblem] = useState('');
  useEffect(() => {
    let live = true;
    void api.gitDiff({ path }).then(
      (d) => live && setSides(d),
      (e) => live && setProblem((e as Error).message),
    );
    return () => {
      live = false;
    };
  }, [path]);

  const unchanged = sides !== null && sides.diff === '';
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Content className="merge-screen" aria-describedby={undefined}>
          <header className="merge-head">
            <Dialog.Title asChild>
              <h2 title={path}>Changes in {path} since the last commit</h2>
            </Dialog.Title>
            <span className="spacer" />
            <Dialog.Close asChild>
              <button type="button">Close</button>
            </Dialog.Close>
          </header>
          <div className="merge-body" role="region" aria-label="Side-by-side changes">
            {problem && (
              <p className="form-error" role="alert">
                {problem}
              </p>
            )}
            {!sides && !problem && <p className="merge-empty">Loading…</p>}
            {unchanged && <p className="merge-empty">No changes since the last commit.</p>}
            {sides && !unchanged && (
              <>
                <p className="merge-note">
                  {sides.before === null ? 'A new file: nothing of it is in the last commit yet.' : sides.after === null ? 'Deleted since the last commit.' : 'Changed lines are tinted; the changed words in them are highlighted.'}
                </p>
                <MergePane a={sides.before ?? ''} b={sides.after ?? ''} labelA="Last commit" labelB="Now" />
              </>
            )}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
