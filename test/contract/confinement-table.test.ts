/**
 * The confinement table, generated from the contract: every method's string fields are classified
 * in `shared/api/path-kinds.ts` (a new method or field without an entry fails here), and every path
 * field of every method is probed with hostile values — `..`, absolute paths, `.git/…`,
 * `_config.yml`, `_plugins/…`, encoded dots, backslashes, NUL, and symlinks inside the site that
 * lead to `.git` or outside — directly and over HTTP. Each probe must get a 4xx-class refusal, and
 * no file outside `_posts`, `_drafts` and image folders may change, inside the site or outside it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realpath } from 'node:fs/promises';
import { methodNames, type MethodName } from '../../shared/api/contract';
import { NOT_A_PATH, pathFieldsOf, pathKinds, type PathKind } from '../../shared/api/path-kinds';
import { requestShapes } from '../../shared/api/validate-request';
import type { CoreService } from '../../electron/core/service/dispatch';
import { startService } from '../support/service-harness';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { requireTool } from '../support/require-tool';
import { changedPaths, directCaller, hostileSite, httpCaller, treeHashes, TINY_PNG, type RawCaller } from './reach-support';
import { RENDERER_DIR } from '../support/service-harness';

describe('the path-kinds table covers the contract', () => {
  it('lists every method of the contract, and no other', () => {
    expect(Object.keys(pathKinds).sort()).toEqual([...methodNames].sort());
    expect(Object.keys(requestShapes).sort()).toEqual([...methodNames].sort());
  });

  for (const method of methodNames) {
    it(`${method}: every string field is classified (a path kind or "${NOT_A_PATH}")`, () => {
      const stringFields = Object.entries(requestShapes[method])
        .filter(([, type]) => type.startsWith('string'))
        .map(([field]) => field)
        .sort();
      expect(Object.keys(pathKinds[method]).sort()).toEqual(stringFields);
    });
  }
});

/** What every path field is probed with; `SITE` is replaced by the site's absolute path. */
const HOSTILE = [
  '..',
  '../x',
  '../../etc/passwd',
  '/etc/passwd',
  '/etc',
  'SITE/_config.yml',
  'SITE/_posts/2026-03-02-delve-1-first-steps.md',
  'SITE/.git',
  'SITE/_posts',
  '.git/config',
  '.git/hooks/pre-commit',
  '.git/hooks',
  '_config.yml',
  '_plugins/evil.rb',
  '_plugins',
  '_includes/x.html',
  '_includes',
  '_layouts/default.html',
  '_data',
  'node_modules/x',
  '%2e%2e',
  '%2e%2e/_config.yml',
  '_posts/%2e%2e/%2e%2e/_config.yml',
  '..\\_config.yml',
  '_posts\\..\\..\\_config.yml',
  '.git\\config',
  '_posts/x\u0000.md',
  'link-git/config',
  'link-git/hooks',
  'link-out/secret.md',
  'link-out',
  'SITE/link-git',
  'SITE/link-out',
  '_posts/link-git/config',
  '_posts/2026-01-01-linked.md',
  '_posts/2026-01-02-out.md',
  'assets/link-hooks',
];

/**
 * Probes a kind may answer instead of refusing, because they reach nothing: a diff of a plain site
 * file (or of a link to one) is read-only, and a plain file name is cleaned (slugified) before use.
 */
const HARMLESS: Partial<Record<PathKind, RegExp>> = {
  'site-file': /^(_config\.yml|_plugins\/evil\.rb|_plugins|_includes\/x\.html|_includes|_layouts\/default\.html|_data|node_modules\/x|_posts\/2026-01-01-linked\.md)$/,
  'file-name': /^(_config\.yml|_plugins|_includes|_data|link-out)$/,
};

const REFUSALS = ['bad-request', 'forbidden', 'outside-site', 'not-found', 'conflict', 'not-jekyll', 'invalid-input'];

/** Folders whose files a probe may legitimately change (a draft made for the probe, a renamed probe post, an added image). */
const MAY_CHANGE = /^(_posts|_drafts|assets\/images)(\/|$)/;

const BENIGN: Record<string, unknown> = { text: 'probe text\n', baseVersion: 'v0', data: TINY_PNG };

for (const transport of ['direct', 'HTTP'] as const) {
  describe.skipIf(!requireTool('git'))(`every path field refuses hostile values (${transport})`, () => {
    let site: string;
    let outside: string;
    let service: CoreService & { userDataDir: string };
    let host: WebHost | null = null;
    let call: RawCaller;
    let before: Map<string, string>;
    let outsideBefore: Map<string, string>;
    let probes = 0;

    beforeAll(async () => {
      ({ site, outside } = await hostileSite());
      service = await startService();
      if (transport === 'HTTP') {
        host = await startWebHost({ service, rendererDir: RENDERER_DIR, port: 0 });
        call = httpCaller(host.port, host.token);
      } else call = directCaller(service);
      const opened = await call('openSite', { path: site });
      expect(opened.ok).toBe(true);
      await call('gitStatus', {});
      before = await treeHashes(site);
      outsideBefore = await treeHashes(outside);
    });
    afterAll(async () => {
      await host?.close();
      await service?.close();
    });

    /** A request for `method` with `field` set to `value` and harmless values elsewhere. */
    async function requestFor(method: MethodName, field: string, value: string): Promise<Record<string, unknown>> {
      const req: Record<string, unknown> = { [field]: value };
      for (const [other, type] of Object.entries(requestShapes[method])) {
        if (other === field || type.endsWith('?')) continue;
        const role = pathKinds[method][other];
        if (role === 'post') {
          // A fresh draft, so a probe that is (rightly) allowed cannot spoil the next one.
          const made = await call('createPost', { title: `probe ${probes}`, draft: true });
          if (!made.ok) throw new Error(`cannot make a probe draft: ${made.message}`);
          req[other] = (made.result as { path: string }).path;
        } else if (role === 'file-name') req[other] = method === 'addImage' ? 'probe.png' : 'probe-slug';
        else req[other] = BENIGN[other] ?? 'x';
      }
      return req;
    }

    const table = methodNames.flatMap((method) => pathFieldsOf(method).map(([field, kind]) => ({ method, field, kind })));

    it('has path fields to probe for every kind', () => {
      expect(new Set(table.map((t) => t.kind))).toEqual(new Set<PathKind>(['post', 'site-file', 'conflict', 'image-folder', 'site-root', 'buffer', 'file-name']));
    });

    for (const { method, field, kind } of table) {
      it(`${method}.${field} (${kind})`, async () => {
        const wrong: string[] = [];
        for (const raw of HOSTILE) {
          const value = raw.replace('SITE', site);
          const variants = kind === 'site-root' ? [{}, { allowNonJekyll: true }] : [{}];
          for (const extra of variants) {
            probes++;
            const outcome = await call(method, { ...(await requestFor(method, field, value)), ...extra });
            if (outcome.ok) {
              if (!HARMLESS[kind]?.test(raw)) wrong.push(`${JSON.stringify(raw)} ${JSON.stringify(extra)} was accepted`);
            } else if (!REFUSALS.includes(outcome.code) || outcome.status < 400 || outcome.status >= 500) {
              wrong.push(`${JSON.stringify(raw)} gave ${outcome.status} ${outcome.code}: ${outcome.message}`);
            }
          }
        }
        expect(wrong).toEqual([]);
        // The site is still the one opened, and nothing outside posts, drafts and images changed.
        const summary = await call('getSite', {});
        expect(summary.ok && (summary.result as { root: string }).root).toBe(await realpath(site));
        const changed = changedPaths(before, await treeHashes(site)).filter((p) => !MAY_CHANGE.test(p));
        expect(changed).toEqual([]);
        expect(changedPaths(outsideBefore, await treeHashes(outside))).toEqual([]);
        const buffers = await call('listBuffers', {});
        expect(buffers.ok && (buffers.result as unknown[]).length).toBe(0);
      });
    }
  });
}
