/**
 * Full-text search: every word must occur (any order, any case), snippets carry the words'
 * ranges, lines are the file's own, and a changed file is searched again — on real files.
 */
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoreService } from '../../../electron/core/service/create-service';
import { foldCase, queryWords, snippetOf } from '../../../electron/core/service/search-text';
import type { SearchMatch } from '../../../shared/api/contract';

const marked = (m: SearchMatch) => m.ranges.map(([a, b]) => m.text.slice(a, b));

describe('search text helpers', () => {
  it.each([
    ['wyse reboot', ['reboot', 'wyse']],
    ['  Reboot   REBOOT wyse ', ['reboot', 'wyse']],
    ['', []],
    ['ÄRGER über', ['ärger', 'über']],
  ])('queryWords(%j) = %j', (query, words) => expect(queryWords(query)).toEqual(words));

  it('folds case without moving offsets', () => {
    const text = 'İstanbul and Straße';
    expect(foldCase(text)).toHaveLength(text.length);
    expect(foldCase(text).indexOf('and')).toBe(text.indexOf('and'));
  });

  it.each([
    ['Nightly reboots on the Wyse', ['reboot', 'wyse'], 'Nightly reboots on the Wyse', ['reboot', 'Wyse']],
    ['   indented WYSE line  ', ['wyse'], 'indented WYSE line', ['WYSE']],
    [`${'word '.repeat(60)}the needle is here ${'tail '.repeat(60)}`, ['needle'], null, ['needle']],
  ])('snippet of %j for %j', (line, words, text, hits) => {
    const s = snippetOf(line, foldCase(line), words);
    if (text) expect(s.text).toBe(text);
    else expect(s.text.length).toBeLessThanOrEqual(162);
    expect(s.ranges.map(([a, b]) => s.text.slice(a, b))).toEqual(hits);
  });
});

describe('PostSearch on a real site', () => {
  let site: string;
  let user: string;
  let service: Awaited<ReturnType<typeof createCoreService>>;
  const post = (name: string, title: string, body: string) => writeFile(path.join(site, '_posts', name), `---\ntitle: "${title}"\nlayout: post\n---\n${body}`);

  beforeAll(async () => {
    site = await mkdtemp(path.join(os.tmpdir(), 'pw-search-'));
    user = await mkdtemp(path.join(os.tmpdir(), 'pw-search-user-'));
    await mkdir(path.join(site, '_posts'), { recursive: true });
    await writeFile(path.join(site, '_config.yml'), 'title: Search test\n');
    await post('2024-03-01-wyse.md', 'Debian 12 SystemD Nightly Reboots on Dell Wyse 3040s', 'Intro line.\n\nThe timer reboots each Wyse at 03:00.\nNothing else.\n');
    await post('2024-02-01-router.md', 'Reboot your router weekly', 'A router needs a reboot sometimes.\n');
    await post('2024-01-01-wyse-teardown.md', 'Wyse thin client teardown', 'Screws, then the eMMC.\nReboot? Not needed.\n');
    await post('2023-01-01-other.md', 'Baking bread', 'Flour, water, salt.\n');
    service = await createCoreService({ userDataDir: user, sampleDir: site, host: 'web', assetBase: '/site-file/', canChooseFolder: false, cacheDir: false, watch: false });
    await service.api.openSite({ path: site });
  });

  afterAll(async () => {
    await service.close();
    await rm(site, { recursive: true, force: true });
    await rm(user, { recursive: true, force: true });
  });

  it.each([
    ['wyse reboot', ['_posts/2024-03-01-wyse.md', '_posts/2024-01-01-wyse-teardown.md']],
    ['REBOOT wyse', ['_posts/2024-03-01-wyse.md', '_posts/2024-01-01-wyse-teardown.md']],
    ['router reboot', ['_posts/2024-02-01-router.md']],
    ['flour salt', ['_posts/2023-01-01-other.md']],
    ['flour wyse', []],
    ['   ', []],
  ])('%j finds %j (all words, any order; title hits first)', async (query, paths) => {
    expect((await service.api.searchPosts({ query })).map((h) => h.path)).toEqual(paths);
  });

  it('gives the file line, a snippet and the ranges of the words', async () => {
    const [hit] = await service.api.searchPosts({ query: 'timer wyse' });
    expect(hit.path).toBe('_posts/2024-03-01-wyse.md');
    expect(hit.matches[0]).toMatchObject({ line: 7, text: 'The timer reboots each Wyse at 03:00.' });
    expect(marked(hit.matches[0])).toEqual(['timer', 'Wyse']);
  });

  it('searches a file again after it changed on disk and was saved', async () => {
    expect(await service.api.searchPosts({ query: 'sourdough' })).toEqual([]);
    const read = await service.api.readPost({ path: '_posts/2023-01-01-other.md' });
    await service.api.savePost({ path: read.path, text: read.text.replace('salt.', 'salt, sourdough.'), baseVersion: read.version });
    expect((await service.api.searchPosts({ query: 'Sourdough' })).map((h) => h.path)).toEqual(['_posts/2023-01-01-other.md']);
  });
});
