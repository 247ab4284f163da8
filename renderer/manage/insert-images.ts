/**
 * Images dropped or pasted into the editor: copied into the site (scaled to 1600 px wide at
 * most), then inserted as Markdown at the drop point with a path that works on the built site.
 */
import type { EditorView } from '@codemirror/view';
import { uploadImage } from './upload-image';

export async function insertDroppedImages(files: File[], pos: number, view: EditorView, onError: (message: string) => void): Promise<void> {
  let insert = '';
  for (const f of files) {
    try {
      const added = await uploadImage(f, 1600);
      const alt = f.name.replace(/\.[^.]+$/, '').replace(/[[\]]/g, '');
      insert += `![${alt}](${added.markdownPath})\n`;
    } catch (e) {
      onError(`${f.name}: ${(e as Error).message}`);
    }
  }
  if (insert) view.dispatch({ changes: { from: Math.min(pos, view.state.doc.length), insert } });
}
