/**
 * Unsaved editor buffers kept outside the blog, so a crash or a closed window loses nothing.
 *
 * One file per (site, post) in a folder per site under the user data folder; the renderer stashes
 * a buffer while it is dirty and drops it after a successful save. On the next start the app
 * offers to restore. A caller may not fill the disk: each buffer is at most the post size limit,
 * and a site keeps at most MAX_BUFFERS_PER_SITE of them, MAX_BYTES_PER_SITE in all.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { RecoveredBuffer } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/api-error';
import { MAX_POST_BYTES } from '../store/post-file';
import { readJsonFile, writeJsonFile } from './json-file';

/** More unsaved posts than anyone edits at once; a caller stashing more is refused. */
export const MAX_BUFFERS_PER_SITE = 50;
/** Room for a few unsaved posts of the largest size, not for filling the disk. */
export const MAX_BYTES_PER_SITE = 64 * 1024 * 1024;
const MAX_VERSION_CHARS = 200;

interface StoredBuffer extends RecoveredBuffer {
  site: string;
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

export class RecoveryBuffers {
  private readonly dir: string;
  /** Stashes one at a time, so the count quota holds under concurrent calls. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(userDataDir: string) {
    this.dir = path.join(userDataDir, 'recovery');
  }

  private siteDir(site: string): string {
    return path.join(this.dir, hash(site));
  }

  private fileFor(site: string, post: string): string {
    return path.join(this.siteDir(site), `${hash(`${site}\0${post}`)}.json`);
  }

  /** Where versions before the per-site folders kept a buffer. */
  private legacyFileFor(site: string, post: string): string {
    return path.join(this.dir, `${hash(`${site}\0${post}`)}.json`);
  }

  async stash(site: string, buffer: Omit<RecoveredBuffer, 'savedAt'>): Promise<void> {
    if (Buffer.byteLength(buffer.text) > MAX_POST_BYTES) {
      throw new ApiError({ code: 'invalid-input', message: `an unsaved buffer is kept up to ${MAX_POST_BYTES / 1048576} MB, the size of the largest post` });
    }
    if (buffer.baseVersion.length > MAX_VERSION_CHARS) throw new ApiError({ code: 'bad-request', message: 'baseVersion is too long' });
    const run = this.queue.then(async () => {
      const file = this.fileFor(site, buffer.path);
      const names = await readdir(this.siteDir(site)).catch(() => [] as string[]);
      const kept = names.filter((n) => n.endsWith('.json'));
      const others = kept.filter((n) => n !== path.basename(file));
      if (others.length >= MAX_BUFFERS_PER_SITE) {
        throw new ApiError({ code: 'forbidden', message: `at most ${MAX_BUFFERS_PER_SITE} unsaved posts are kept for recovery; save or close some first` });
      }
      const sizes = await Promise.all(others.map((n) => stat(path.join(this.siteDir(site), n)).then((s) => s.size, () => 0)));
      if (sizes.reduce((a, b) => a + b, 0) + Buffer.byteLength(buffer.text) > MAX_BYTES_PER_SITE) {
        throw new ApiError({ code: 'forbidden', message: `unsaved posts of one site are kept for recovery up to ${MAX_BYTES_PER_SITE / 1048576} MB in all; save or close some first` });
      }
      const stored: StoredBuffer = { path: buffer.path, text: buffer.text, baseVersion: buffer.baseVersion, site, savedAt: new Date().toISOString() };
      await writeJsonFile(file, stored);
    });
    this.queue = run.catch(() => undefined);
    await run;
  }

  async drop(site: string, post: string): Promise<void> {
    await rm(this.fileFor(site, post), { force: true });
    await rm(this.legacyFileFor(site, post), { force: true });
  }

  async list(site: string): Promise<RecoveredBuffer[]> {
    const out = new Map<string, RecoveredBuffer>();
    // Legacy flat files first, so a newer per-site copy of the same post wins.
    for (const dir of [this.dir, this.siteDir(site)]) {
      const names = await readdir(dir).catch(() => [] as string[]);
      for (const name of names.filter((n) => n.endsWith('.json'))) {
        const b = await readJsonFile<StoredBuffer | null>(path.join(dir, name), null);
        if (b && b.site === site && typeof b.path === 'string' && typeof b.text === 'string') {
          out.set(b.path, { path: b.path, text: b.text, baseVersion: String(b.baseVersion), savedAt: String(b.savedAt) });
        }
      }
    }
    return [...out.values()].sort((a, b) => a.path.localeCompare(b.path));
  }
}
