/**
 * The stand-in `shell` (https://www.electronjs.org/docs/latest/api/shell): records what would leave
 * the app (openExternal, openPath) and moves trashed items into the test's own trash folder.
 */
import { mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';

export class StandinShell {
  readonly opened: string[] = [];
  readonly openedPaths: string[] = [];
  readonly trashed: string[] = [];

  constructor(private readonly trashDir: string) {}

  async openExternal(url: string): Promise<void> {
    // "Open the given external protocol URL in the desktop's default manner."
    this.opened.push(url);
  }

  async openPath(file: string): Promise<string> {
    this.openedPaths.push(file);
    return '';
  }

  showItemInFolder(file: string): void {
    this.openedPaths.push(file);
  }

  /** "Resolves when the operation has been completed. Rejects if there was an error while deleting the requested item." */
  async trashItem(file: string): Promise<void> {
    await stat(file);
    await mkdir(this.trashDir, { recursive: true });
    await rename(file, path.join(this.trashDir, `${this.trashed.length}-${path.basename(file)}`));
    this.trashed.push(file);
  }

  beep(): void {}
}
