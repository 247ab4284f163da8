/**
 * A recoverable trash outside the blog (in the app's data folder), used where no OS trash is
 * reachable from plain Node. Each deleted file keeps its site path so undo can put it back.
 */
import path from 'node:path';
import { realTargetInSite } from '../store/confine';
import { moveNoOverwrite } from './safe-move';

/** Moves a site file into the trash, if it still has version `expected` when given, and returns where it went. */
export async function moveToTrash(trashDir: string, root: string, rel: string, expected?: string): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = path.join(trashDir, `${stamp}-${Math.random().toString(36).slice(2, 8)}`, ...rel.split('/'));
  const from = path.join(root, ...rel.split('/'));
  await realTargetInSite(root, from);
  await moveNoOverwrite(from, target, expected ? { expected, name: rel } : undefined);
  return target;
}
