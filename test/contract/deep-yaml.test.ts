/**
 * Deeply nested YAML gets a plain message, never a stack overflow, a 500 or a dead process:
 * `title: [[[[…` ten thousand deep in a saved post, in a post on disk (list, read, check, schema,
 * gallery, taxonomy) and in `_config.yml`, in every nesting style the parser recurses on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { excessiveNesting, MAX_YAML_NESTING } from '../../shared/yaml/nesting-limit';
import { readYaml } from '../../shared/yaml/read-yaml';
import { readFrontMatter } from '../../shared/front-matter/read-front-matter';
import { setField } from '../../shared/front-matter/edit-front-matter';
import type { CoreService } from '../../electron/core/service/dispatch';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { RENDERER_DIR, startService } from '../support/service-harness';
import { copySampleBlog } from './contract-suite';
import { httpCaller, type RawCaller } from './reach-support';

const N = 10_000;
const DEEP: Record<string, string> = {
  flow: `title: ${'['.repeat(N)}`,
  'closed flow': `title: ${'['.repeat(N)}${']'.repeat(N)}`,
  'flow maps': `title: ${'{a: '.repeat(N)}`,
  'compact dashes': `title:\n${'- '.repeat(N)}x`,
  'block sequences': `a:\n${Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i)}-`).join('\n')}\n`,
  'block maps': Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'),
};
const PLAIN = /nested more than 200 levels deep/;

describe('the nesting limit', () => {
  for (const [name, yaml] of Object.entries(DEEP)) {
    it(`refuses ${name} with a plain message and a place`, () => {
      expect(excessiveNesting(yaml)).toBeGreaterThanOrEqual(0);
      const read = readYaml(yaml);
      expect(read.ok).toBe(false);
      if (!read.ok) {
        expect(read.message).toMatch(PLAIN);
        expect(read.line).toBeGreaterThanOrEqual(1);
      }
      const fm = readFrontMatter(`---\n${yaml}\n---\nbody\n`);
      expect(fm).toMatchObject({ ok: false, kind: 'invalid-yaml' });
      expect(() => setField(`---\n${yaml}\n---\nbody\n`, ['title'], 'x')).toThrow(PLAIN);
    });
  }

  it('lets ordinary front matter through untouched, however long', () => {
    const ordinary = [
      'title: "Brackets [in] {quotes} [[[[["',
      "note: 'it''s [[[[[[[[ fine'",
      'tags: [a, b, [c, [d]]]',
      'banner:\n  image: /a.png\n  caption: |\n    [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
      'comment: x # [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
      ...Array.from({ length: 400 }, (_, i) => `key${i}:\n  - item ${i}\n  - {a: [1, 2]}`),
    ].join('\n');
    expect(excessiveNesting(ordinary)).toBe(-1);
    expect(readYaml(ordinary).ok).toBe(true);
    const nested = Array.from({ length: 150 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' end';
    expect(excessiveNesting(nested)).toBe(-1);
    expect(excessiveNesting(`title: ${'['.repeat(MAX_YAML_NESTING - 5)}${']'.repeat(MAX_YAML_NESTING - 5)}`)).toBe(-1);
  });
});

describe('deep YAML through the API (HTTP)', () => {
  let site: string;
  let service: CoreService;
  let host: WebHost;
  let call: RawCaller;
  const DEEP_POST = '_posts/2026-01-01-deep.md';
  const deepText = `---\ntitle: ${'['.repeat(N)}\n---\nbody\n`;

  beforeAll(async () => {
    site = await copySampleBlog();
    await writeFile(path.join(site, DEEP_POST), deepText);
    service = await startService();
    host = await startWebHost({ service, rendererDir: RENDERER_DIR, port: 0 });
    call = httpCaller(host.port, host.token);
    expect((await call('openSite', { path: site })).ok).toBe(true);
  });
  afterAll(async () => {
    await host?.close();
    await service?.close();
  });

  it('lists, reads and checks a post with deep front matter, and says why it cannot be used', async () => {
    const list = await call('listPosts', {});
    expect(list.ok).toBe(true);
    const read = await call('readPost', { path: DEEP_POST });
    expect(read).toMatchObject({ ok: true, result: { text: deepText } });
    const problems = await call('checkSite', {});
    expect(problems.ok).toBe(true);
    const mine = ((problems as { result: unknown }).result as { file?: string; path?: string; message: string }[]).filter((p) => (p.file ?? p.path) === DEEP_POST);
    expect(mine.map((p) => p.message).join('\n')).toMatch(PLAIN);
    for (const method of ['getSchema', 'getGallery', 'getTaxonomy', 'getPreviewContext', 'suggestCommitMessage'] as const) {
      const out = await call(method, {});
      expect(out.status, method).toBeLessThan(500);
    }
  });

  it('refuses to save deep front matter with a plain message, in a new post and over an existing one', async () => {
    for (const target of [DEEP_POST, '_posts/2026-03-02-delve-1-first-steps.md']) {
      const current = await call('readPost', { path: target });
      const version = (current as { result: { version: string } }).result.version;
      for (const yaml of Object.values(DEEP)) {
        const saved = await call('savePost', { path: target, text: `---\n${yaml}\n---\nbody\n`, baseVersion: version });
        expect(saved).toMatchObject({ ok: true, result: { status: 'invalid' } });
        expect((saved as { result: { message: string } }).result.message).toMatch(PLAIN);
      }
    }
    expect((await call('getAppInfo', {})).ok).toBe(true);
  });

  it('opens a site whose _config.yml is nested too deeply, with a warning instead of a 500', async () => {
    const other = await copySampleBlog();
    await writeFile(path.join(other, '_config.yml'), `title: ${'['.repeat(N)}\n`);
    const opened = await call('openSite', { path: other });
    expect(opened.status).toBeLessThan(500);
    if (opened.ok) expect((opened.result as { warnings: string[] }).warnings.join('\n')).toMatch(PLAIN);
  });
});
