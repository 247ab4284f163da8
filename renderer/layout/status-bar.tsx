/**
 * The bottom line: problems toggle, save state, word count and reading time.
 */
import { useDeferredValue, useMemo } from 'react';
import type { PostRecord } from '../../shared/jekyll/site-types';
import type { Problem } from '../../shared/site/check-rules';
import { textStats } from '../app/text-stats';
import type { PostDocument } from '../state/use-document-session';

const STATE_LABEL: Record<string, string> = { saved: 'Saved', dirty: 'Edited', saving: 'Saving…', conflict: 'Changed on disk', invalid: 'Not saved', error: 'Error' };

interface Props {
  hidden: boolean;
  doc: PostDocument;
  record: PostRecord | undefined;
  problems: Problem[] | null;
  showProblems: boolean;
  onToggleProblems(): void;
}

export function StatusBar({ hidden, doc, record, problems, showProblems, onToggleProblems }: Props) {
  const deferredBody = useDeferredValue(doc.buffer?.body ?? '');
  const stats = useMemo(() => textStats(deferredBody), [deferredBody]);
  return (
    <footer className="statusbar" aria-live="polite" hidden={hidden}>
      <button type="button" className="problems-toggle" aria-expanded={showProblems} onClick={onToggleProblems}>
        Problems ({problems ? problems.length : '…'})
      </button>
      <span className={`save-state ${doc.state}`}>{STATE_LABEL[doc.state]}</span>
      {doc.message && <span className="message">{doc.message}</span>}
      <span className="spacer" />
      <span>{stats.words} words</span>
      <span>{stats.minutes} min read</span>
      {record?.draft && <span className="badge draft">draft</span>}
    </footer>
  );
}
