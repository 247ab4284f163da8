/**
 * A big site's index with the file reads in a worker thread (the bundled CLI) gives exactly the
 * records the single-threaded read gives, including posts whose front matter outgrows the head
 * the worker hands over, files that are not UTF-8, and files too large to open.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { indexSite, recordsOf } from '../../electron/core/site/site-index';
import { READ_WORKER_MIN_FILES } from '../../electron/core/index/read-ahead';
import { generateRealisticSite } from '../bench/realistic-site';
import { requireTool } from '../support/require-tool';

const dist = path.resolve(__dirname, '../../dist/electron');
const built = existsSync(path.join(dist, 'cli.cjs')) && existsSync(path.join(dist, 'read-worker.cjs'));

describe('index with a read worker', () => {
  it.runIf(requireTool('read worker', { available: built, reason: 'dist/electron/read-worker.cjs is missing (npm run build)' }))(
    'gives the same records as one thread',
    async () => {
      const site = await mkdtemp(path.join(os.tmpdir(), 'pw-index-worker-'));
      try {
        await generateRealisticSite(site, { posts: READ_WORKER_MIN_FILES * 3, drafts: 5, bodyBytes: 300 });
        const long = Array.from({ length: 200 }, (_, i) => `key_${i}: "value ${i}"`).join('\n');
        await writeFile(path.join(site, '_posts', '2020-01-01-long-front-matter.md'), `---\ntitle: Long\n${long}\n---\nbody\n`);
        await writeFile(path.join(site, '_posts', '2020-01-02-big-body.md'), `---\ntitle: Big\n---\n${'é'.repeat(9000)}\n`);
        await writeFile(path.join(site, '_posts', '2020-01-03-latin1.md'), Buffer.from('---\ntitle: caf\xe9\n---\n', 'latin1'));
        await writeFile(path.join(site, '_posts', '2020-01-04-huge.md'), `---\ntitle: Huge\n---\n${'x'.repeat(11 * 1024 * 1024)}`);
        const alone = recordsOf(await indexSite(site, { cacheDir: false }));
        expect(alone.find((p) => p.path.endsWith('long-front-matter.md'))?.title).toBe('Long');
        expect(alone.find((p) => p.path.endsWith('latin1.md'))?.skipped).toMatch(/UTF-8/);
        expect(alone.find((p) => p.path.endsWith('huge.md'))?.error).toMatch(/MB/);
        for (const worker of ['both', 'read', 'index', '0']) {
          const run = spawnSync(process.execPath, [path.join(dist, 'cli.cjs'), 'index', site, '--json', '--no-cache'], {
            encoding: 'utf8',
            maxBuffer: 64 << 20,
            env: { ...process.env, POSTWRIGHT_READ_WORKER: worker, POSTWRIGHT_TRACE: '1' },
          });
          expect(run.status, run.stderr).toBe(0);
          const how = /read \((\d+) read ahead and (\d+) indexed by the worker\)/.exec(run.stderr);
          if (worker === '0') expect(run.stderr).toMatch(/read \(no worker\)/);
          else expect(Number(how?.[1]) + Number(how?.[2]), run.stderr).toBeGreaterThan(0);
          if (worker === 'read') expect(Number(how?.[2])).toBe(0);
          if (worker === 'index') expect(Number(how?.[2])).toBeGreaterThanOrEqual(alone.filter((p) => !p.skipped && !p.error).length);
          if (worker === 'index') expect(Number(how?.[1])).toBe(0);
          expect(JSON.parse(run.stdout).posts).toEqual(alone);
        }
      } finally {
        await rm(site, { recursive: true, force: true });
      }
    },
    120_000,
  );

  it.runIf(requireTool('read worker', { available: built, reason: 'dist/electron/read-worker.cjs is missing (npm run build)' }))(
    'a warm open reads only what changed, on its own thread, and an edit made in between is seen',
    async () => {
      const site = await mkdtemp(path.join(os.tmpdir(), 'pw-index-warm-'));
      const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'pw-index-warm-cache-'));
      try {
        await generateRealisticSite(site, { posts: READ_WORKER_MIN_FILES * 3, drafts: 5, bodyBytes: 300 });
        const run = () => {
          const r = spawnSync(process.execPath, [path.join(dist, 'cli.cjs'), 'index', site, '--json'], {
            encoding: 'utf8',
            maxBuffer: 64 << 20,
            env: { ...process.env, POSTWRIGHT_CACHE_DIR: cacheDir, POSTWRIGHT_TRACE: '1' },
          });
          expect(r.status, r.stderr).toBe(0);
          return { posts: JSON.parse(r.stdout).posts as { path: string; title: string }[], trace: r.stderr };
        };
        const cold = run();
        const target = cold.posts.find((p) => p.path.startsWith('_posts/') && !p.path.includes('/notes/'))!;
        const warm = run();
        expect(warm.trace).toMatch(/stat \(0 to read\)/);
        expect(warm.trace).toMatch(/read \(no worker\)/);
        expect(warm.posts).toEqual(cold.posts);
        const file = path.join(site, ...target.path.split('/'));
        await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, 'title: "Edited between two opens"'));
        const after = run();
        expect(after.trace).toMatch(/stat \(1 to read\)/);
        expect(after.posts.find((p) => p.path === target.path)?.title).toBe('Edited between two opens');
      } finally {
        await rm(site, { recursive: true, force: true });
        await rm(cacheDir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
