/**
 * What a new user sees with no site open, or on the first start with the sample blog: recent
 * sites, "Open a folder…" and the sample, so the first step is never a blank window.
 */
import { useId } from 'react';
import { BookOpen, Clock, Eye, FolderOpen, LoaderCircle, ShieldCheck, Keyboard } from 'lucide-react';
import { shortcutOf } from '../layout/shortcut-of';
import './welcome.css';

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

/** The folder a site sits in, shortened at the front so the end stays readable. */
function parentOf(path: string): string {
  const cut = path.replace(/[\\/]+$/, '');
  const at = Math.max(cut.lastIndexOf('/'), cut.lastIndexOf('\\'));
  return at > 0 ? cut.slice(0, at) : cut;
}

export function WelcomeScreen({ recent, sampleOpen, opening, error, variant, onOpenFolder, onOpenRecent, onTrySample }: Props) {
  const headingId = useId();
  const recentId = useId();
  const busy = opening !== null;
  return (
    <section className={`welcome ${variant}`} aria-labelledby={headingId}>
      <div className="welcome-intro">
        <img className="welcome-logo" src="./favicon.svg" alt="" width={variant === 'page' ? 56 : 40} height={variant === 'page' ? 56 : 40} />
        <div>
          <h1 id={headingId}>Welcome to Postwright</h1>
          <p className="welcome-lead">Open the folder of your Jekyll blog (the one with _config.yml and _posts), or look around the sample blog first.</p>
        </div>
      </div>
      {error && (
        <p className="welcome-error" role="alert">
          {error}
        </p>
      )}
      <div className="welcome-actions">
        <button type="button" className="primary with-icon" onClick={onOpenFolder} disabled={busy}>
          <FolderOpen aria-hidden />
          Open a folder…
        </button>
        <button type="button" className="with-icon" onClick={onTrySample} disabled={busy}>
          <BookOpen aria-hidden />
          {sampleOpen ? 'Explore the sample blog' : 'Try the sample blog'}
        </button>
      </div>
      {opening && (
        <p className="welcome-opening" role="progressbar" aria-label="Opening site" aria-valuetext={`Opening ${opening}`}>
          <LoaderCircle className="welcome-spinner" aria-hidden />
          Opening {opening}…
        </p>
      )}
      {recent.length > 0 && (
        <nav aria-labelledby={recentId} className="welcome-recent">
          <h2 id={recentId}>
            <Clock aria-hidden />
            Recent sites
          </h2>
          <ul>
            {recent.map((path) => (
              <li key={path}>
                <button type="button" className="welcome-site" onClick={() => onOpenRecent(path)} disabled={busy} title={path}>
                  <FolderOpen className="welcome-site-icon" aria-hidden />
                  <span className="welcome-site-text">
                    <strong>{folderName(path)}</strong>
                    <span className="muted">{parentOf(path)}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {variant === 'page' && (
        <ul className="welcome-points" aria-label="What Postwright does">
          <li>
            <ShieldCheck aria-hidden />
            <span>
              <strong>Your files stay yours.</strong> Every byte you did not change is kept; nothing is overwritten.
            </span>
          </li>
          <li>
            <Eye aria-hidden />
            <span>
              <strong>See it as Jekyll will.</strong> A live preview with your blog's own dates, tags and links.
            </span>
          </li>
          <li>
            <Keyboard aria-hidden />
            <span>
              <strong>Keys for everything.</strong> {shortcutOf('open-site')} opens a site, {shortcutOf('quick-open')} finds a post, {shortcutOf('command-palette')} lists every action.
            </span>
          </li>
        </ul>
      )}
    </section>
  );
}
