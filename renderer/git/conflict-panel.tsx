/**
 * A sync stopped on a conflict: for each conflicted post, mine / theirs / the merged text to
 * edit; then continue, or abort back to exactly the state before the sync. A refused call (the
 * file changed, the sync is no longer stopped) is said in the panel instead of failing silently.
 */
import { useEffect, useState } from 'react';
import type { ConflictView, SyncOutcome } from '../../shared/api/contract';
import { api } from '../app/api';

interface Props {
  files: string[];
  onDone(outcome: SyncOutcome | null, message: string): void;
}

export function ConflictPanel({ files, onDone }: Props) {
  const [current, setCurrent] = useState(files[0] ?? '');
  const [view, setView] = useState<ConflictView | null>(null);
  const [edited, setEdited] = useState('');
  const [resolved, setResolved] = useState<string[]>([]);
  const [problem, setProblem] = useState('');

  useEffect(() => {
    if (!current) return;
    void api.getConflict({ path: current }).then(
      (v) => {
        setView(v);
        setEdited(v.merged ?? v.mine ?? '');
        setProblem('');
      },
      (e) => setProblem(`${current}: ${(e as Error).message}`),
    );
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
    <section className="conflicts" aria-label="Sync conflicts">
      <header>
        <strong>Conflicts</strong>
        {files.map((f) => (
          <button key={f} type="button" aria-pressed={f === current} onClick={() => setCurrent(f)}>
            {resolved.includes(f) ? '✓ ' : ''}
            {f}
          </button>
        ))}
        <span className="spacer" />
        <button
          type="button"
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
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {view && (
        <div className="three-way">
          <label>
            Mine (your work)
            <textarea readOnly value={view.mine ?? '(deleted)'} aria-label="Mine" />
            <button type="button" onClick={() => void resolve(view.mine ?? '')}>
              Keep mine
            </button>
          </label>
          <label>
            Theirs (the remote)
            <textarea readOnly value={view.theirs ?? '(deleted)'} aria-label="Theirs" />
            <button type="button" onClick={() => void resolve(view.theirs ?? '')}>
              Take theirs
            </button>
          </label>
          <label>
            Merged (edit, then use it)
            <textarea value={edited} onChange={(e) => setEdited(e.target.value)} aria-label="Merged text" />
            <button type="button" disabled={/^(<<<<<<<|>>>>>>>)/m.test(edited)} onClick={() => void resolve(edited)}>
              Use this text
            </button>
          </label>
        </div>
      )}
    </section>
  );
}
