/**
 * Branch, ahead/behind, last fetch and the Sync button. Sync commits (with a message prefilled
 * from what changed), pulls and pushes; it never forces, and every outcome is said plainly.
 * Questions (commit message, git set-up, token) are in-app dialogs: Electron has no window.prompt.
 */
import { useEffect, useState } from 'react';
import type { GitStatusView, SyncOutcome } from '../../shared/api/contract';
import { api } from '../app/api';
import { dialogs } from '../dialogs/dialog-store';
import { askCommit } from '../dialogs/commit-dialog';

interface Props {
  status: GitStatusView | null;
  /** The desktop app can keep an HTTPS token in the OS keychain. */
  canStoreToken: boolean;
  /** Saves pending edits first; false when that failed. */
  beforeSync(): Promise<boolean>;
  onOutcome(outcome: SyncOutcome | null, message: string): void;
  onShowDiff(): void;
  canDiff: boolean;
}

export function describeOutcome(o: SyncOutcome): string {
  switch (o.status) {
    case 'synced':
      return o.pushed ? 'Synced: your changes are on the remote.' : 'Synced: up to date with the remote.';
    case 'offline':
      return `The remote cannot be reached. ${o.committed ? 'Your changes are committed locally' : 'Nothing new to commit'}; ahead by ${o.ahead}. Sync again when you are online.`;
    case 'conflict':
      return `Both sides changed the same lines in ${o.files.join(', ')}. Your work is kept (backup ${o.backupRef}); resolve or abort below. Nothing was pushed.`;
    case 'auth-failed':
      return `Git could not sign in to ${o.remote}. ${o.hint}`;
    case 'cancelled':
      return `Sync cancelled. ${o.committed ? 'Your changes are committed locally; ' : ''}ahead by ${o.ahead}. Nothing else was changed.`;
    case 'no-remote':
      return `This blog has no remote to sync with${o.committed ? ' (your changes are committed locally)' : ''}. Add one with: git remote add origin <url>`;
    default:
      return `Sync failed: ${o.message}`;
  }
}

export function GitBar({ status, canStoreToken, beforeSync, onOutcome, onShowDiff, canDiff }: Props) {
  const [step, setStep] = useState<string | null>(null);
  useEffect(() => api.on('sync-progress', (p) => setStep(p.step)), []);
  if (!status) return null;
  if (!status.isRepo)
    return (
      <span className="git-bar muted">
        Not a git repository
        <button
          type="button"
          onClick={async () => {
            const remote = await dialogs.ask({
              title: 'Set up git',
              description: 'Makes this blog a git repository (branch main). Give the remote to sync with now, or leave it empty and add one later.',
              label: 'Remote URL (optional)',
              placeholder: 'git@github.com:you/blog.git',
              allowEmpty: true,
              submitLabel: 'Set up git',
            });
            if (remote !== null) {
              const url = remote.trim();
              void api.gitInit(url ? { remote: url } : {}).then(() => onOutcome(null, 'Git is set up for this blog.'), (e) => onOutcome(null, (e as Error).message));
            }
          }}
        >
          Set up git…
        </button>
      </span>
    );
  const changed = status.files.length;
  const sync = async () => {
    if (!(await beforeSync())) return;
    const files = (await api.gitStatus().catch(() => status)).files;
    let commit: { message: string; paths: string[] } | null = null;
    if (files.length) {
      // Every commit asks: which files, and with what message. Unticked files stay uncommitted.
      const chosen = files.filter((f) => f.state !== 'conflicted');
      const initialMessage = await suggestFor(chosen.map((f) => f.path)).catch(() => '');
      commit = await askCommit({
        title: 'Sync',
        description: 'The ticked files are committed, then the remote is pulled and pushed. Nothing is ever forced; unticked files stay as they are.',
        submitLabel: 'Commit and sync',
        files: chosen,
        initialMessage,
        suggest: suggestFor,
      });
      if (commit === null) return;
    }
    setStep('starting');
    try {
      const outcome = await api.syncSite(commit ? { message: commit.message, paths: commit.paths } : {});
      onOutcome(outcome, describeOutcome(outcome));
    } catch (error) {
      onOutcome(null, `Sync failed: ${(error as Error).message}`);
    } finally {
      setStep(null);
    }
  };
  return (
    <span className="git-bar" aria-label="Git">
      <span title={status.upstream ?? 'no upstream'}>⎇ {status.branch ?? '(detached)'}</span>
      <span title="commits to push / to pull">
        ↑{status.ahead} ↓{status.behind}
      </span>
      {changed > 0 && <span title="changed files">{changed} changed</span>}
      {status.operation && <span className="badge error">sync stopped on a conflict</span>}
      <button type="button" onClick={() => void sync()} disabled={step !== null || status.operation !== null}>
        {step ? `Syncing… (${step})` : 'Sync'}
      </button>
      {step && (
        <button type="button" onClick={() => void api.cancelSync()}>
          Cancel
        </button>
      )}
      <button type="button" onClick={onShowDiff} disabled={!canDiff}>
        Diff
      </button>
      {canStoreToken && (
        <button
          type="button"
          title="An HTTPS token for the remote, kept in the OS keychain"
          onClick={async () => {
            const token = await dialogs.ask({
              title: 'HTTPS token',
              description: 'A token for the git remote, kept in the OS keychain and handed to git only while it runs. Leave it empty to remove the stored token.',
              label: 'Token',
              secret: true,
              allowEmpty: true,
              submitLabel: 'Save token',
            });
            if (token !== null)
              void api.setGitToken({ token: token.trim() }).then(
                () => onOutcome(null, token.trim() ? 'Token saved in the keychain.' : 'Token removed.'),
                (e) => onOutcome(null, `The token was not saved: ${(e as Error).message}`),
              );
          }}
        >
          Token…
        </button>
      )}
    </span>
  );
}

/** The core's suggested message for the ticked files. */
const suggestFor = async (paths: string[]): Promise<string> => (paths.length ? (await api.suggestCommitMessage({ paths })).message : '');
