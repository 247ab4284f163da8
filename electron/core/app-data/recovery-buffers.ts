/**
 * Unsaved editor buffers kept outside the blog, so a crash or a closed window loses nothing.
 *
 * One file per (site, post) in the user data folder; the renderer stashes a buffer while it is
 * dirty and drops it after a successful save. On the next start the app offers to restore.
 */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { RecoveredBuffer } from '../../../shared/api/contract';
import { readJsonFile, writeJsonFile } from './json-file';

interface StoredBuffer extends RecoveredBuffer {
  site: string;
}

export class RecoveryBuffers {
  private readonly dir: string;

  constructor(userDataDir: string) {
    this.dir = path.join(userDataDir, 'recovery');
  }

  private fileFor(site: string, post: string): string {
    const key = createHash('sha256').update(`${site}\0${post}`).digest('hex').slice(0, 32);
    return path.join(this.dir, `${key}.json`);
  }

  async stash(site: string, buffer: Omit<RecoveredBuffer, 'savedAt'>): Promise<void> {
    const stored: StoredBuffer = { ...buffer, site, savedAt: new Date().toISOString() };
    await writeJsonFile(this.fileFor(site, buffer.path), stored);
  }

  async drop(site: string, post: string): Promise<void> {
    await rm(this.fileFor(site, post), { force: true });
  }

  async list(site: string): Promise<RecoveredBuffer[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const out: RecoveredBuffer[] = [];
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      const b = await readJsonFile<StoredBuffer | null>(path.join(this.dir, name), null);
      if (b && b.site === site && typeof b.path === 'string' && typeof b.text === 'string') {
        out.push({ path: b.path, text: b.text, baseVersion: String(b.baseVersion), savedAt: String(b.savedAt) });
      }
    }
    return out.sort((a, b) => a.path.localeCompare(b.path));
  }
}
