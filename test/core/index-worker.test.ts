/**
 * A big site's index read partly in a worker thread (the bundled CLI) gives exactly the records
 * the single-threaded read gives.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { indexSite, recordsOf } from '../../electron/core/site/site-index';
import { WORKER_MIN_POSTS } from '../../electron/core/index/index-in-worker';
import { generateRealisticSite } from '../bench/realistic-site';
import { requireTool } from '../support/require-tool';

const dist = path.resolve(__dirname, '../../dist/electron');
const built = existsSync(path.join(dist, 'cli.cjs')) && existsSync(path.join(dist, 'index-worker.cjs'));

describe('index with a worker thread', () => {
  it.runIf(requireTool('index worker', { available: built, reason: 'dist/electron/index-worker.cjs is missing (npm run build)' }))(
    'gives the same records as one thread',
    async () => {
      const site = await mkdtemp(path.join(os.tmpdir(), 'pw-index-worker-'));
      try {
        await generateRealisticSite(site, { posts: WORKER_MIN_POSTS + 200, drafts: 5, bodyBytes: 300 });
        const alone = recordsOf(await indexSite(site, { cacheDir: false }));
        for (const worker of ['1', '0']) {
          const run = spawnSync(process.execPath, [path.join(dist, 'cli.cjs'), 'index', site, '--json', '--no-cache'], {
            encoding: 'utf8',
            maxBuffer: 64 << 20,
            env: { ...process.env, POSTWRIGHT_INDEX_WORKER: worker },
          });
          expect(run.status, run.stderr).toBe(0);
          expect(JSON.parse(run.stdout).posts).toEqual(alone);
        }
      } finally {
        await rm(site, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
