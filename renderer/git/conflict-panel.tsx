/**
 * A sync stopped on a conflict: for each conflicted post, mine and theirs side by side with the
 * changed words highlighted, and the merged text to edit below, each opened at the first
 * conflict; then continue, or abort back to exactly the state before the sync. It fills the
 * window (nothing scrolls the page; the header with Continue and Abort stays in view). A refused
 * call (the file changed, the sync is no longer stopped) is said in the panel.
 */
import { useEffect, useState } from 'react';
import type { ConflictView, SyncOutcome } from '../../shared/api/contract';
import { api } from '../app/api';
import { MergePane } from './merge-pane';
import { MergedEditor } from './merged-editor';
import './merge.css';

interface Props {
  files: string[];
  onDone(outcome: SyncOutcome | null, message: string): void;
}

const MARKERS = /^(<<<<<<<|>>>>>>>)/m;

export function ConflictPanel({ files, onDone }: Props) {
  const [current, setCurrent] = useState(files[0] ?? '');
  const [view, setView] = useState<ConflictView | null>(null);
  const [edited, setEdited] = useState('');
  const [loads, setLoads] = useState(0);
  const [resolved, setResolved] = useState<string[]>([]);
  const [problem, setProblem] = useState('');

  useEffect(() => {
    if (!current) return;
    let live = true;
    void api.getConflict({ path: current }).then(
      (v) => {
        if (!live) return;
        setView(v);
        setEdited(v.merged ?? v.mine ?? '');
        setLoads((n) => n + 1);
        setProblem('');
      },
      (e) => live && setProblem(`${current}: ${(e as Error).message}`),
    );
    return () => {
      live = false;
    };
  }, [current]);

  const resolve = async (text: string) => {
    try {
      await api.resolveConflict({ path: current, text });
      setProblem('');
    } catch (e) {
      setProblem(`${current} was not resolved: ${(e as Error).message}`);
      return;
    }
    const done = [...resolved, current];
    setResolved(done);
    const next = files.find((f) => !done.includes(f));
    if (next) setCurrent(next);
  };

  return (
    <section className="conflicts merge-screen" aria-label="Sync conflicts">
      <header className="merge-head">
        <h2>Conflicts</h2>
        <div className="merge-files" role="group" aria-label="Conflicted files">
          {files.map((f) => (
            <button key={f} type="button" aria-pressed={f === current} title={f} onClick={() => setCurrent(f)}>
              {resolved.includes(f) ? '✓ ' : ''}
              {f}
            </button>
          ))}
        </div>
        <span className="spacer" />
        <button
          type="button"
          className="primary"
          disabled={resolved.length < files.length}
          onClick={() =>
            void api.continueSync().then(
              (o) => onDone(o, o.status === 'synced' ? 'Conflicts resolved and synced.' : `Sync: ${o.status}`),
              (e) => setProblem(`Continue failed: ${(e as Error).message}`),
            )
          }
        >
          Continue sync
        </button>
        <button type="button" onClick={() => void api.abortSync().then((r) => onDone(null, r.message), (e) => setProblem(`Abort failed: ${(e as Error).message}`))}>
          Abort sync
        </button>
      </header>
      <div className="merge-body">
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        {view && (
          <>
            <p className="merge-note">Both sides changed {current}. Compare them, then keep one side or edit the merged text below.</p>
            <MergePane key={`${current}#${loads}`} a={view.mine ?? ''} b={view.theirs ?? ''} labelA={view.mine === null ? 'Mine (deleted)' : 'Mine (your work)'} labelB={view.theirs === null ? 'Theirs (deleted)' : 'Theirs (the remote)'} />
            <div className="merge-actions">
              <button type="button" onClick={() => void resolve(view.mine ?? '')}>
                Keep mine
              </button>
              <button type="button" onClick={() => void resolve(view.theirs ?? '')}>
                Take theirs
              </button>
            </div>
            <div className="merged-edit">
              <div className="merge-labels">
                <span>Merged (edit, then use it)</span>
              </div>
              <MergedEditor docKey={`${current}#${loads}`} text={edited} onChange={setEdited} />
            </div>
            <div className="merge-actions">
              <span className="spacer" />
              <button type="button" className="primary" disabled={MARKERS.test(edited)} title={MARKERS.test(edited) ? 'Remove the conflict markers first' : undefined} onClick={() => void resolve(edited)}>
                Use this text
              </button>
            </div>
          </>
        )}
      </div>
    </section>
  );
}
