/**
 * Every commit asks: the changed files with a checkbox each (all ticked), and a message suggested
 * from the ticked files that follows the ticks until the writer types their own. Only ticked
 * files are committed; the others stay in the working folder, uncommitted and untouched.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { GitStatusView } from '../../shared/api/contract';
import { dialogs } from './dialog-store';
import { FieldError, FormDialog } from './form-dialog';
import './dialogs.css';

export type ChangedFile = GitStatusView['files'][number];

export interface CommitChoice {
  message: string;
  paths: string[];
}

const STATE_WORD: Record<string, string> = { new: 'new', modified: 'changed', deleted: 'deleted', conflicted: 'conflict', renamed: 'renamed' };

interface Props {
  title: string;
  description: string;
  submitLabel: string;
  files: ChangedFile[];
  /** The suggestion for all files, ready when the dialog opens (no empty field at first). */
  initialMessage: string;
  /** The suggested message for these paths. */
  suggest(paths: string[]): Promise<string>;
  opener: Element | null;
  onClose(choice: CommitChoice | null): void;
}

export function CommitDialog({ title, description, submitLabel, files, initialMessage, suggest, opener, onClose }: Props) {
  const [checked, setChecked] = useState<Set<string>>(() => new Set(files.map((f) => f.path)));
  const [message, setMessage] = useState(initialMessage);
  const first = useRef(true);
  const [typed, setTyped] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const fieldId = useId();
  const errorId = useId();
  const listId = useId();

  // The suggestion follows the ticks until the writer edits the message.
  useEffect(() => {
    if (typed) return;
    // The first suggestion came with the dialog; later ones follow the ticks.
    if (first.current) {
      first.current = false;
      if (initialMessage) return;
    }
    let live = true;
    const paths = files.filter((f) => checked.has(f.path)).map((f) => f.path);
    void suggest(paths).then(
      (m) => {
        if (!live) return;
        setMessage(m);
        requestAnimationFrame(() => {
          if (document.activeElement === input.current) input.current?.select();
        });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [checked, typed, files, suggest, initialMessage]);

  const toggle = (p: string) => {
    const next = new Set(checked);
    if (next.has(p)) next.delete(p);
    else next.add(p);
    setChecked(next);
    setError(null);
  };
  const all = checked.size === files.length;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (checked.size === 0) return setError('Tick at least one file to commit, or cancel.');
    if (!message.trim()) {
      setError('The commit message cannot be empty.');
      input.current?.focus();
      return;
    }
    onClose({ message: message.trim(), paths: files.filter((f) => checked.has(f.path)).map((f) => f.path) });
  };

  return (
    <FormDialog
      title={title}
      description={description}
      wide
      focus={input}
      selectOnOpen
      opener={opener}
      onCancel={() => onClose(null)}
      onSubmit={submit}
      submitLabel={submitLabel}
    >
      <div className="dlg-checks-head">
        <p className="dlg-choices-label" id={listId}>
          {checked.size} of {files.length} changed file{files.length === 1 ? '' : 's'} to commit
        </p>
        <button type="button" onClick={() => setChecked(all ? new Set() : new Set(files.map((f) => f.path)))}>
          {all ? 'Untick all' : 'Tick all'}
        </button>
      </div>
      <ul className="dlg-checks" aria-label="Changed files">
        {files.map((f) => (
          <li key={f.path}>
            <label title={f.path}>
              <input type="checkbox" checked={checked.has(f.path)} onChange={() => toggle(f.path)} />
              <span className={`badge git-${f.state}`}>{STATE_WORD[f.state] ?? f.state}</span>
              <span className="dlg-path">{f.path}</span>
            </label>
          </li>
        ))}
      </ul>
      <label className="dlg-label" htmlFor={fieldId}>
        Commit message
      </label>
      <input
        ref={input}
        id={fieldId}
        className="dlg-input"
        value={message}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => {
          setMessage(e.target.value);
          setTyped(true);
          setError(null);
        }}
      />
      <FieldError id={errorId} error={error} />
    </FormDialog>
  );
}

/** Asks which changed files to commit and with what message; null when cancelled. */
export function askCommit(options: Omit<Props, 'opener' | 'onClose'>): Promise<CommitChoice | null> {
  return dialogs.show<CommitChoice>((close, opener) => <CommitDialog {...options} opener={opener} onClose={close} />);
}
