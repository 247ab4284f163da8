/**
 * The site's images: thumbnails, which posts use each, missing and unused ones; set the open
 * post's banner from here, and add images by drag and drop, paste or a file dialog.
 */
import { useEffect, useState } from 'react';
import { api } from '../app/api';
import { imageFiles, uploadImage } from './upload-image';

type Gallery = Awaited<ReturnType<typeof api.getGallery>>;

interface Props {
  assetBase: string;
  /** Sets the open post's banner (null when no post is open). */
  onSetBanner: ((sitePath: string) => void) | null;
  onMessage(text: string): void;
}

export function ImagesPanel({ assetBase, onSetBanner, onMessage }: Props) {
  const [gallery, setGallery] = useState<Gallery | null>(null);
  const [show, setShow] = useState<'all' | 'unused' | 'missing'>('all');
  const [maxWidth, setMaxWidth] = useState(1600);
  const [filter, setFilter] = useState('');
  const load = () => void api.getGallery().then(setGallery, (e) => onMessage((e as Error).message));
  useEffect(load, []);

  const add = async (files: File[]) => {
    if (!files.length) return;
    const added: string[] = [];
    for (const f of files) {
      try {
        added.push((await uploadImage(f, maxWidth)).path);
      } catch (e) {
        onMessage(`${f.name}: ${(e as Error).message}`);
      }
    }
    if (added.length) onMessage(`Added ${added.join(', ')}`);
    load();
  };

  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const files = imageFiles(e.clipboardData?.files);
      if (files.length) {
        e.preventDefault();
        void add(files);
      }
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  });

  const images = (gallery?.images ?? []).filter((i) => (show === 'unused' ? i.usedBy.length === 0 : true)).filter((i) => i.path.toLowerCase().includes(filter.toLowerCase()));
  return (
    <section
      className="manage"
      aria-label="Images"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        void add(imageFiles(e.dataTransfer.files));
      }}
    >
      <header className="manage-head">
        <div role="tablist" aria-label="Show">
          <button type="button" role="tab" aria-selected={show === 'all'} onClick={() => setShow('all')}>
            All ({gallery?.images.length ?? '…'})
          </button>
          <button type="button" role="tab" aria-selected={show === 'unused'} onClick={() => setShow('unused')}>
            Unused ({gallery?.images.filter((i) => i.usedBy.length === 0).length ?? '…'})
          </button>
          <button type="button" role="tab" aria-selected={show === 'missing'} onClick={() => setShow('missing')}>
            Missing ({gallery?.missing.length ?? '…'})
          </button>
        </div>
        <input aria-label="Filter images" placeholder="Filter…" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <label className="inline">
          Max width <input aria-label="Maximum width" type="number" min={0} step={100} value={maxWidth} onChange={(e) => setMaxWidth(Number(e.target.value))} />
        </label>
        <label className="button-like">
          Add images…
          <input type="file" accept="image/*" multiple hidden aria-label="Add images" onChange={(e) => void add(imageFiles(e.target.files))} />
        </label>
        <span className="muted">or drop / paste them here · new images go to {gallery?.uploadFolder ?? '…'}</span>
      </header>
      {show === 'missing' ? (
        <ul className="missing-list" aria-label="Missing images">
          {(gallery?.missing ?? []).map((m) => (
            <li key={m.path}>
              <code>{m.path}</code> — used by {m.usedBy.join(', ')}
            </li>
          ))}
        </ul>
      ) : (
        <div className="gallery-grid" role="list" aria-label="Site images">
          {images.map((img) => (
            <figure key={img.path} role="listitem" className={img.usedBy.length ? '' : 'unused'}>
              <img loading="lazy" src={`${assetBase}.thumb/320/${img.path.split('/').map(encodeURIComponent).join('/')}`} alt={img.path} />
              <figcaption title={img.path}>
                {img.path.split('/').pop()}
                <span className="muted"> · {img.usedBy.length ? `${img.usedBy.length} post${img.usedBy.length === 1 ? '' : 's'}` : 'unused'}</span>
              </figcaption>
              {onSetBanner && (
                <button type="button" onClick={() => onSetBanner(img.path)}>
                  Set as banner
                </button>
              )}
            </figure>
          ))}
        </div>
      )}
    </section>
  );
}
