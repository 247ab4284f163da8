/**
 * The editor view: front matter and the Markdown body in one column, the live preview with its
 * outline in the other, and the divider between them.
 */
import type { PreviewContext } from '../../shared/api/contract';
import type { SiteSchema } from '../../shared/site/schema';
import { MarkdownEditor } from '../editor/markdown-editor';
import type { FormEnv } from '../form/front-matter-form';
import { FrontMatterPanel } from '../form/front-matter-panel';
import { insertDroppedImages } from '../manage/insert-images';
import { PreviewPane } from '../preview/preview-pane';
import { NoPostSelected } from '../welcome/empty-states';
import type { DocumentSession } from '../state/use-document-session';
import type { LayoutStore } from '../state/use-layout';

interface Props {
  session: DocumentSession;
  layout: LayoutStore;
  schema: SiteSchema | null;
  formEnv: FormEnv;
  context: PreviewContext | null;
  assetBase: string;
  onMessage(message: string): void;
}

export function EditorView({ session, layout, schema, formEnv, context, assetBase, onMessage }: Props) {
  const { doc, path, editor } = session;
  const buffer = doc.buffer;
  const { previewHidden, split, setSplit } = layout;

  const startDrag = (e: React.PointerEvent) => {
    const main = (e.currentTarget.parentElement as HTMLElement).getBoundingClientRect();
    const move = (ev: PointerEvent) => setSplit(Math.max(0.2, Math.min(0.8, (ev.clientX - main.left) / main.width)));
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  const sideHidden = previewHidden && (!layout.detailsOpen || !buffer);
  return (
    <main className="main" hidden={layout.view !== 'editor'}>
      <section className="edit-column" style={{ flexBasis: sideHidden || layout.focusMode ? '100%' : `${split * 100}%` }}>
        {buffer && (
          <MarkdownEditor
            docKey={`${path}#${doc.loadCount}`}
            text={buffer.body}
            onChange={session.onBodyChange}
            onScrollLine={session.onEditorScroll}
            onFiles={(files, pos) => editor.view && void insertDroppedImages(files, pos, editor.view, onMessage, path ?? undefined)}
            handle={editor}
          />
        )}
        {!buffer && <NoPostSelected loading={!!path} />}
      </section>
      <div className="divider" role="separator" aria-orientation="vertical" aria-label="Resize editor and side panel" hidden={sideHidden} onPointerDown={startDrag} />
      <aside className={`side-column${layout.detailsOpen ? ' details-open' : ''}`} aria-label="Post details and preview" hidden={sideHidden}>
        {buffer && (
          <FrontMatterPanel
            yaml={buffer.yaml}
            schema={schema}
            tab={session.fmTab}
            onTab={session.setFmTab}
            env={formEnv}
            onEdit={session.stableApplyEdit}
            onYamlChange={(yaml) => doc.update({ yaml })}
            generation={doc.loadCount}
            open={layout.detailsOpen}
            onOpenChange={layout.setDetailsOpen}
          />
        )}
        <section className="preview-column" aria-label="Preview" hidden={previewHidden}>
          {session.outline.length > 0 && (
            <details className="outline">
              <summary>Outline</summary>
              <ul>
                {session.outline.map((h) => (
                  <li key={`${h.id}-${h.line}`} style={{ paddingLeft: (h.level - 1) * 12 }}>
                    <button type="button" onClick={() => session.goToHeading(h.line)}>
                      {h.text}
                    </button>
                  </li>
                ))}
              </ul>
            </details>
          )}
          {path && buffer && (
            <PreviewPane
              context={context}
              assetBase={assetBase}
              path={path}
              text={session.fullText}
              onOutline={session.setOutline}
              onScrollLine={session.onPreviewScroll}
              frameRef={session.frameRef}
              controller={session.preview}
            />
          )}
        </section>
      </aside>
    </main>
  );
}
