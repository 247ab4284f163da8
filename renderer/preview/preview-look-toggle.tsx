/**
 * The switch between "Blog look" (the site's layouts and theme) and "Plain" above the preview.
 */
import type { Look } from './frame-shell';
import './preview-look.css';

interface Props {
  look: Look;
  onLook(look: Look): void;
  /** Why the blog look is not shown (e.g. the theme is missing), if it is not. */
  fallback: string | null;
}

export function PreviewLookToggle({ look, onLook, fallback }: Props) {
  return (
    <div className="preview-look" role="group" aria-label="Preview look">
      <button type="button" aria-pressed={look === 'blog'} onClick={() => onLook('blog')} title="The post as the blog shows it: its layouts, theme and stylesheets">
        Blog look
      </button>
      <button type="button" aria-pressed={look === 'plain'} onClick={() => onLook('plain')} title="The post alone in a plain readable style">
        Plain
      </button>
      {look === 'blog' && fallback && (
        <span className="preview-look-fallback" title={fallback}>
          Showing plain: {fallback.split('.')[0]}
        </span>
      )}
    </div>
  );
}
