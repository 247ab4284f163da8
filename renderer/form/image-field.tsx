/**
 * An image path with a thumbnail and a picker of the site's images.
 */
import { useState } from 'react';
import { api } from '../app/api';
import { siteImagePath } from '../../shared/site/image-refs';
import { useDraft } from './use-draft';

interface Props {
  label: string;
  value: string;
  assetBase: string;
  baseurl: string;
  onChange(value: string): void;
}

/** The URL of a site image for the preview route, or null for external or non-image values. */
function thumbUrl(value: string, assetBase: string, baseurl: string): string | null {
  const p = siteImagePath(value, baseurl);
  return p === null ? null : assetBase + p.split('/').map(encodeURIComponent).join('/');
}

export function ImageField({ label, value, assetBase, baseurl, onChange }: Props) {
  const [images, setImages] = useState<{ path: string; size: number }[] | null>(null);
  const [filter, setFilter] = useState('');
  // The path keeps what is typed while the buffer catches up (see use-draft.ts).
  const draft = useDraft(value, onChange);
  const thumb = thumbUrl(draft.text, assetBase, baseurl);
  return (
    <div className="image-field">
      <div className="image-row">
        {thumb ? <img className="thumb" src={thumb} alt={`${label} preview`} /> : <span className="thumb empty" aria-hidden="true" />}
        <input aria-label={label} autoComplete="off" spellCheck={false} placeholder="/assets/images/…" {...draft.bind} />
        <button type="button" onClick={() => (images ? setImages(null) : void api.listImages().then(setImages))}>
          {images ? 'Close' : 'Choose…'}
        </button>
      </div>
      {images && (
        <div className="image-picker" role="listbox" aria-label={`Images for ${label}`}>
          <input aria-label="Filter images" placeholder="Filter…" value={filter} onChange={(e) => setFilter(e.target.value)} />
          <div className="image-grid">
            {images
              .filter((i) => i.path.toLowerCase().includes(filter.toLowerCase()))
              .slice(0, 300)
              .map((i) => (
                <button
                  type="button"
                  role="option"
                  aria-selected={value.replace(/^\//, '') === i.path}
                  key={i.path}
                  title={i.path}
                  onClick={() => {
                    onChange(`/${i.path}`);
                    setImages(null);
                  }}
                >
                  <img loading="lazy" src={thumbUrl(i.path, `${assetBase}.thumb/160/`, '') ?? ''} alt="" />
                  <span>{i.path.split('/').pop()}</span>
                </button>
              ))}
          </div>
        </div>
      )}
    </div>
  );
}
