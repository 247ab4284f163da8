/**
 * A recoverable trash outside the blog (in the app's data folder), used where no OS trash is
 * reachable from plain Node. Each deleted file keeps its site path so undo can put it back.
 */
import path from 'node:path';
import { moveNoOverwrite } from './safe-move';

/** Moves a site file into the trash and returns where it went. */
export async function moveToTrash(trashDir: string, root: string, rel: string): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = path.join(trashDir, `${stamp}-${Math.random().toString(36).slice(2, 8)}`, ...rel.split('/'));
  await moveNoOverwrite(path.join(root, ...rel.split('/')), target);
  return target;
}
