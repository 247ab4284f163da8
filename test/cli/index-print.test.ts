/**
 * `postwright index SITE --json` as a process prints records straight from the cache file's
 * bytes on a warm run: the output must be exactly what a run without the cache prints, whether
 * nothing changed, one post was edited, or posts were added and removed in between.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { copySite } from '../support/jekyll-oracle';

const CLI = path.resolve(__dirname, '../../dist/electron/cli.cjs');
const FIXTURES = path.resolve(__dirname, '../fixtures/sites');
const built = existsSync(CLI) && existsSync(path.join(path.dirname(CLI), 'cli-main.cjs'));

describe.skipIf(!built)('index --json from the cache', () => {
  it('prints what a run without the cache prints, before and after edits', async () => {
    const site = await copySite(path.join(FIXTURES, 'edge-cases'));
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pw-index-print-'));
    const env = { ...process.env, POSTWRIGHT_CACHE_DIR: dir };
    const index = (...extra: string[]) => {
      const r = spawnSync(process.execPath, [CLI, 'index', site, '--json', ...extra], { encoding: 'utf8', env });
      expect(r.status).toBe(0);
      return r.stdout;
    };
    try {
      const cold = index();
      expect(cold).toBe(index('--no-cache'));
      // Warm: every record from the cache file.
      expect(index()).toBe(cold);
      JSON.parse(cold);

      // One post edited: its record is new, the ones around it still come from the cache.
      const edited = path.join(site, '_posts', '2021-03-04-quoted-colon.md');
      await writeFile(edited, (await readFile(edited, 'utf8')).replace('Part 1: The Colon', 'Part 2: Another Colon'));
      const afterEdit = index();
      expect(afterEdit).toBe(index('--no-cache'));
      expect(afterEdit).toContain('"title":"Part 2: Another Colon"');
      expect(index()).toBe(afterEdit);

      // A post added and another removed.
      await writeFile(path.join(site, '_posts', '2022-01-01-added.md'), '---\ntitle: Added\n---\nNew.\n');
      await unlink(path.join(site, '_posts', '2021-03-04-quoted-colon.md'));
      const afterAdd = index();
      expect(afterAdd).toBe(index('--no-cache'));
      expect(index()).toBe(afterAdd);
      expect((JSON.parse(afterAdd) as { posts: { title?: string }[] }).posts.map((p) => p.title)).toContain('Added');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
