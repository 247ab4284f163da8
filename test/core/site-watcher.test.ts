/**
 * The site watcher (one watch per folder): edits, new and removed posts, folders that appear or
 * go with posts in them, and what it ignores (our temp files, build output).
 */
import { describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rename, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { watchSite } from '../../electron/core/site/site-watcher';

const until = async (check: () => boolean, ms = 5000) => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('site watcher', () => {
  it('reports post changes by folder, and ignores temp files and build output', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'pw-watcher-'));
    await mkdir(path.join(root, '_posts', '2024'), { recursive: true });
    await mkdir(path.join(root, '_site'), { recursive: true });
    await writeFile(path.join(root, '_config.yml'), 'title: x\n');
    await writeFile(path.join(root, '_posts', '2024-01-01-a.md'), '---\ntitle: A\n---\n');
    await writeFile(path.join(root, '_posts', '2024', '2024-01-02-b.md'), '---\ntitle: B\n---\n');
    const events: string[] = [];
    let filesChanged = 0;
    const watcher = watchSite(root, (rel, kind) => events.push(`${kind} ${rel}`), () => filesChanged++);
    try {
      await watcher.ready;
      expect(watcher.postFiles().sort()).toEqual(['_posts/2024-01-01-a.md', '_posts/2024/2024-01-02-b.md']);
      await writeFile(path.join(root, '_posts', '2024-01-01-a.md'), '---\ntitle: A again\n---\n');
      await writeFile(path.join(root, '_posts', '2024-01-03-c.md'), '---\ntitle: C\n---\n');
      await unlink(path.join(root, '_posts', '2024', '2024-01-02-b.md'));
      await writeFile(path.join(root, '_posts', 'x.postwright-0a1b.tmp'), 'temp');
      await writeFile(path.join(root, '_site', 'index.html'), 'built');
      await writeFile(path.join(root, '_config.yml'), 'title: y\n');
      await until(() => events.length >= 4);
      expect(events.sort()).toEqual(['added _posts/2024-01-03-c.md', 'changed _config.yml', 'changed _posts/2024-01-01-a.md', 'removed _posts/2024/2024-01-02-b.md']);
      expect(filesChanged).toBe(2);

      // A folder of posts moved in (git checkout, a copy) and one removed.
      events.length = 0;
      const outside = await mkdtemp(path.join(os.tmpdir(), 'pw-watcher-out-'));
      await writeFile(path.join(outside, '2025-02-02-d.md'), '---\ntitle: D\n---\n');
      await rename(outside, path.join(root, '_posts', '2025'));
      await rm(path.join(root, '_posts', '2024'), { recursive: true });
      await until(() => events.length >= 1);
      await new Promise((r) => setTimeout(r, 300));
      expect(events).toEqual(['added _posts/2025/2025-02-02-d.md']);
      expect(watcher.postFiles().sort()).toEqual(['_posts/2024-01-01-a.md', '_posts/2024-01-03-c.md', '_posts/2025/2025-02-02-d.md']);
      await writeFile(path.join(root, '_posts', '2025', '2025-02-02-d.md'), '---\ntitle: D2\n---\n');
      await until(() => events.length >= 2);
      expect(events[1]).toBe('changed _posts/2025/2025-02-02-d.md');
    } finally {
      await watcher.close();
      await rm(root, { recursive: true, force: true });
    }
  });
});
