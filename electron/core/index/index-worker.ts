/**
 * Worker thread entry (bundled as dist/electron/index-worker.cjs): reads its share of a site's
 * posts into index entries, so a 10,000-post open uses both cores.
 *
 * It loads `_config.yml` itself (same file, same answers) rather than receiving the parsed
 * config, whose values would lose their classes when copied between threads.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ScanEntry } from '../site/scan-site';
import { loadSiteConfig } from '../site/site-config';
import { readIndexEntry } from './read-posts';

export interface IndexWorkerInput {
  root: string;
  entries: ScanEntry[];
  now: number;
  /** The config stamp the main thread read: a different one means `_config.yml` changed meanwhile. */
  stamp: string;
}

async function run(): Promise<void> {
  const input = workerData as IndexWorkerInput;
  const config = await loadSiteConfig(input.root);
  if (config.stamp !== input.stamp) {
    parentPort!.postMessage({ error: 'the config changed while reading' });
    return;
  }
  const posts = input.entries.map((entry) => readIndexEntry(input.root, entry, config.config, input.now));
  parentPort!.postMessage({ posts });
}

run().catch((error: Error) => parentPort!.postMessage({ error: error.message }));
