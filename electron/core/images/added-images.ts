/**
 * Images this session added (a paste, a drop), so an undone insert can take its file back.
 *
 * Only a file we created, still byte for byte what we wrote, may be removed this way: removing
 * any other image of the blog is not something an editor's Ctrl+Z may do. The file goes to the
 * app trash, so it never reaches the next sync's commit and is still recoverable.
 */
import { moveToTrash } from '../lifecycle/app-trash';
import { normaliseRelPath, resolveInSite } from '../store/confine';
import { readCurrent } from '../store/checked-write';
import { withFileLock } from '../store/file-lock';

export class AddedImages {
  private readonly added = new Map<string, string>();

  /** Remembers a file `addImage` created, with the version of the bytes written. */
  remember(rel: string, version: string): void {
    this.added.set(normaliseRelPath(rel), version);
  }

  /** Moves an added, unchanged image to the trash; false when it was not added here or changed since. */
  async remove(root: string, rel: string, trashDir: string): Promise<boolean> {
    const clean = normaliseRelPath(rel);
    const version = this.added.get(clean);
    if (version === undefined) return false;
    const abs = await resolveInSite(root, clean);
    return withFileLock(abs, async () => {
      if ((await readCurrent(abs)).version !== version) return false;
      await moveToTrash(trashDir, root, clean, version);
      this.added.delete(clean);
      return true;
    });
  }

  clear(): void {
    this.added.clear();
  }
}
