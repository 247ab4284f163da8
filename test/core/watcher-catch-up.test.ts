/**
 * Opening a site does not wait for the watcher's first scan; what changes on disk meanwhile
 * (an edit, a new post, a deleted one) is still seen, and reported, once the watcher is ready.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SiteSession } from '../../electron/core/site/site-session';
import { checkSite } from '../../electron/core/site/check-site';

describe('watcher catch-up', () => {
  it('sees changes made while the watcher was starting', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'pw-catch-up-'));
    await cp(path.resolve(__dirname, '../fixtures/sites/pretty-site'), root, { recursive: true });
    const events: string[] = [];
    const session = await SiteSession.open(root, {
      cacheDir: false,
      events: { postChanged: (p, kind) => events.push(`${kind} ${p}`), reset: () => undefined },
    });
    try {
      const before = session.records().filter((r) => !r.skipped && !r.error && !r.draft);
      const [edited, removed] = [before[0].path, before[1].path];
      const added = '_posts/2023-05-06-written-meanwhile.md';
      // Before any await: the watcher has not scanned the folder yet.
      const abs = (rel: string) => path.join(root, ...rel.split('/'));
      writeFileSync(abs(edited), readFileSync(abs(edited), 'utf8').replace(/^---\n/, '---\ncaught_up: yes\n').replace(/^title:.*$/m, 'title: Edited meanwhile'));
      unlinkSync(abs(removed));
      writeFileSync(abs(added), '---\ntitle: Written meanwhile\n---\nHello.\n');
      await session.ready();
      const records = session.records();
      expect(records.find((r) => r.path === edited)?.title).toBe('Edited meanwhile');
      expect(records.some((r) => r.path === removed)).toBe(false);
      expect(records.find((r) => r.path === added)?.title).toBe('Written meanwhile');
      expect(events).toEqual(expect.arrayContaining([`changed ${edited}`, `removed ${removed}`, `added ${added}`]));
      expect((await session.schema()).fields.some((f) => f.key === 'caught_up')).toBe(true);
      expect(await session.check()).toEqual((await checkSite(root)).problems);
    } finally {
      await session.close();
      await rm(root, { recursive: true, force: true });
    }
  });
});
