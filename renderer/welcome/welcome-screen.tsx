/**
 * What a new user sees with no site open, or on the first start with the sample blog: recent
 * sites, "Open a folder…" and the sample, so the first step is never a blank window.
 */
import { useId } from 'react';

interface Props {
  recent: string[];
  /** The sample blog is what is open now (first start): the sample button then just continues. */
  sampleOpen: boolean;
  /** The folder being opened, shown as progress. */
  opening: string | null;
  error?: string;
  /** The whole window (no site open) or a band above the open sample. */
  variant: 'page' | 'banner';
  onOpenFolder(): void;
  onOpenRecent(path: string): void;
  onTrySample(): void;
}

/** The last folder name, which is what people recognise a site by. */
export function folderName(path: string): string {
  const parts = path.split(/[\\/]+/).filter(Boolean);
  return parts[parts.length - 1] ?? path;
}

export function WelcomeScreen({ recent, sampleOpen, opening, error, variant, onOpenFolder, onOpenRecent, onTrySample }: Props) {
  const headingId = useId();
  const recentId = useId();
  return (
    <section className={`welcome ${variant}`} aria-labelledby={headingId}>
      <h1 id={headingId}>Welcome to Postwright</h1>
      <p className="welcome-lead">Open the folder of your Jekyll blog (the one with _config.yml and _posts), or look around the sample blog first.</p>
      {error && (
        <p className="welcome-error" role="alert">
          {error}
        </p>
      )}
      <div className="welcome-actions">
        <button type="button" className="primary" onClick={onOpenFolder} disabled={opening !== null}>
          Open a folder…
        </button>
        <button type="button" onClick={onTrySample} disabled={opening !== null}>
          {sampleOpen ? 'Explore the sample blog' : 'Try the sample blog'}
        </button>
      </div>
      {opening && (
        <p className="welcome-opening" role="progressbar" aria-label="Opening site" aria-valuetext={`Opening ${opening}`}>
          Opening {opening}…
        </p>
      )}
      {recent.length > 0 && (
        <nav aria-labelledby={recentId} className="welcome-recent">
          <h2 id={recentId}>Recent sites</h2>
          <ul>
            {recent.map((path) => (
              <li key={path}>
                <button type="button" className="welcome-site" onClick={() => onOpenRecent(path)} disabled={opening !== null}>
                  <strong>{folderName(path)}</strong>
                  <span className="muted">{path}</span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </section>
  );
}
