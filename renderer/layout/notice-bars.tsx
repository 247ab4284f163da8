/**
 * The bars under the header: opening progress, the last notice, errors, site warnings and
 * unsaved text recovered from last time.
 */
import type { SiteSummary } from '../../shared/api/contract';
import type { NoticeStore } from '../state/use-notice';
import type { RecoveryStore } from '../state/use-recovery';

interface Props {
  site: SiteSummary | null;
  opening: string | null;
  notice: NoticeStore;
  error: string;
  onDismissError(): void;
  recovery: RecoveryStore;
}

export function NoticeBars({ site, opening, notice, error, onDismissError, recovery }: Props) {
  const { recovered } = recovery;
  return (
    <>
      {opening && (
        <div className="bar info opening" role="progressbar" aria-label="Opening site" aria-valuetext={`Opening ${opening}`}>
          Opening {opening}…
        </div>
      )}
      {notice.notice && (
        <div className="bar info" role="status">
          {notice.notice}
          <button type="button" aria-label="Dismiss" onClick={notice.dismiss}>
            ×
          </button>
        </div>
      )}
      {error && site && (
        <div className="bar error" role="alert">
          {error}
          <button type="button" aria-label="Dismiss" onClick={onDismissError}>
            ×
          </button>
        </div>
      )}
      {site?.warnings.map((w) => (
        <div className="bar warning" key={w}>
          {w}
        </div>
      ))}
      {recovered.length > 0 && (
        <div className="bar warning" role="alert">
          Unsaved changes from last time: {recovered.map((r) => r.path).join(', ')}.{' '}
          <button type="button" onClick={recovery.restoreFirst}>
            Open
          </button>{' '}
          <button type="button" onClick={recovery.discardAll}>
            Discard
          </button>
        </div>
      )}
    </>
  );
}
