/**
 * Images dropped or pasted into the editor, placed as a careful author would: the alt text is
 * asked for, the file is named after the post (`my-post-1.png`) in the folder the blog keeps
 * inline images in (the core learns it), and the Markdown goes in as its own paragraph with a
 * blank line before and after.
 *
 * The insert is one undo step, and undoing it (Ctrl+Z) takes the file back out of the site, so
 * an abandoned paste is never committed by the next sync; redo puts the same bytes back.
 */
import { StateEffect, type Transaction } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { createElement } from 'react';
import { api } from '../app/api';
import { dialogs } from '../dialogs/dialog-store';
import { base64Of, scaledImage } from './upload-image';
import { paragraphAround } from './image-paragraph';
import { toast } from '../toasts/toast-store';

/** An image this editor inserted, with its bytes kept so a redo can put it back. */
interface Inserted {
  path: string;
  markdownPath: string;
  data: string;
  /** False after an undo took the file away. */
  onDisk: boolean;
}

const tracked = new WeakMap<EditorView, Inserted[]>();

/** Alt text: what the image shows, for readers who cannot see it; [ and ] would end the Markdown. */
function cleanAlt(text: string): string {
  return text.replace(/[[\]\n\r]/g, ' ').replace(/\s+/g, ' ').trim();
}

async function askAlt(file: File, folderHint: string): Promise<string | null> {
  const url = URL.createObjectURL(file);
  try {
    return await dialogs.ask({
      title: 'Describe the image',
      description: `Alt text is read aloud to people who cannot see the image and shown when it does not load. ${folderHint}`,
      label: 'Alt text',
      placeholder: 'e.g. The lake at dawn, seen from the north ridge',
      allowEmpty: true,
      submitLabel: 'Insert image',
      details: createThumb(url, file.name),
    });
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }
}

/** A small preview of the image in the dialog. */
function createThumb(url: string, name: string) {
  return createElement('img', { src: url, alt: `Preview of ${name}`, className: 'dlg-thumb' });
}

/** Watches undo/redo in this editor: an undone insert removes its file, a redo adds it back. */
function watchUndo(view: EditorView): Inserted[] {
  let list = tracked.get(view);
  if (list) return list;
  list = [];
  tracked.set(view, list);
  const own = list;
  view.dispatch({
    effects: StateEffect.appendConfig.of(
      EditorView.updateListener.of((u) => {
        if (!u.docChanged) return;
        const undoRedo = u.transactions.some((t: Transaction) => t.isUserEvent('undo') || t.isUserEvent('redo'));
        if (!undoRedo) return;
        const text = u.state.doc.toString();
        for (const img of own) {
          const present = text.includes(`](${img.markdownPath})`);
          if (img.onDisk && !present) {
            img.onDisk = false;
            void api.removeImage({ path: img.path }).then(
              (r) => r.removed && toast({ title: 'Image removed', description: `${img.path} went with the undone insert; it will not be committed.` }),
              () => undefined,
            );
          } else if (!img.onDisk && present) {
            img.onDisk = true;
            const slash = img.path.lastIndexOf('/');
            void api.addImage({ name: img.path.slice(slash + 1), data: img.data, folder: img.path.slice(0, slash) }).catch(() => undefined);
          }
        }
      }),
    ),
  });
  return list;
}

/**
 * Asks each image's alt text, adds it to the site named after `post`, and inserts the Markdown at
 * `pos` as one undoable step. Errors (too large, not an image) are said through `onError`.
 */
export async function insertDroppedImages(files: File[], pos: number, view: EditorView, onError: (message: string) => void, post?: string): Promise<void> {
  const list = watchUndo(view);
  const lines: string[] = [];
  const added: Inserted[] = [];
  for (const f of files) {
    const alt = await askAlt(f, post ? 'The file is named after this post and saved where the blog keeps its post images.' : '');
    if (alt === null) continue;
    try {
      const data = base64Of(await (await scaledImage(f, 1600)).arrayBuffer());
      const name = f.name || `pasted.${(f.type.split('/')[1] ?? 'png').replace('jpeg', 'jpg')}`;
      const made = await api.addImage({ name, data, ...(post ? { post } : {}) });
      added.push({ path: made.path, markdownPath: made.markdownPath, data, onDisk: true });
      lines.push(`![${cleanAlt(alt)}](${made.markdownPath})`);
    } catch (e) {
      onError(`${f.name || 'image'}: ${(e as Error).message}`);
    }
  }
  if (!lines.length) return;
  // The post was closed meanwhile: nothing points at the new files, so they go again.
  if (!view.dom.isConnected) {
    for (const img of added) void api.removeImage({ path: img.path }).catch(() => undefined);
    return;
  }
  list.push(...added);
  const at = Math.min(pos, view.state.doc.length);
  const change = paragraphAround(view.state.doc.toString(), at, lines.join('\n\n'));
  view.dispatch({ changes: change, selection: { anchor: change.from + change.insert.length }, userEvent: 'input.paste', scrollIntoView: true });
  view.focus();
}
