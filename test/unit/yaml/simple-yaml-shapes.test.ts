/**
 * The fast path on the shapes real blogs have (commented-out blocks, folded excerpts, trailing
 * comments) must read exactly what the full parser reads, or step aside; checked on samples, on
 * every post the realistic bench generator writes, and on the shared corpora when present.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readYaml, readYamlFull, keyString } from '../../../shared/yaml/read-yaml';
import { readSimpleYaml } from '../../../shared/yaml/simple-yaml';
import { splitPost } from '../../../shared/front-matter/split';
import { generateRealisticSite } from '../../bench/realistic-site';

const SAMPLES = [
  'excerpt: >\n  One two,\n  three.\nlayout: post\n',
  'excerpt: >-\n  One two\n\n  three\n\n\n  four\ntitle: x\n',
  'excerpt: |\n  line one\n  line two\n\nnext: 1\n',
  'excerpt: |-\n  a\n  b\n',
  'excerpt: >\n  a  \n  b\n',
  'excerpt: > # note\n  a # not a comment\n',
  'excerpt: >\n    deeper\n  shallower\nx: 1\n',
  'excerpt: >\n  a\n    more\n  b\n',
  'excerpt: >+\n  a\n\nb: 1\n',
  'excerpt: >2\n  a\n',
  'excerpt: >\nb: 1\n',
  'excerpt: >\n\n  a\n',
  'excerpt: >\n  a\n  \n  b\n',
  'excerpt: >\n  a',
  'x: 1\n  # indented comment\ny: 2\n',
  '# image:\n  # path: /a.png\n  # alt: x\ntitle: t\n',
  'title: t\n    # deep comment\n',
  'banner:\n  # first\n  image: a.png\n  # between\n  alt: b\n',
];

function agrees(src: string, where = src): boolean {
  const fast = readSimpleYaml(src, keyString);
  const full = readYamlFull(src);
  if (fast !== undefined) {
    expect(full.ok, where).toBe(true);
    if (full.ok) expect(fast, where).toEqual(full.value);
  }
  expect(readYaml(src), where).toEqual(full);
  return fast !== undefined;
}

async function postFiles(dir: string, out: string[] = []): Promise<string[]> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.isDirectory()) await postFiles(path.join(dir, e.name), out);
    else if (/\.(md|markdown|html|txt|mkdn|textile)$/i.test(e.name) && /\/_(posts|drafts)\//.test(path.join(dir, e.name))) out.push(path.join(dir, e.name));
  }
  return out;
}

describe('simple YAML fast path on real shapes', () => {
  it.each(SAMPLES)('%j agrees with the full parser or steps aside', (src) => {
    agrees(src);
  });

  it('reads the common shapes itself', () => {
    for (const src of [SAMPLES[0], SAMPLES[1], SAMPLES[2], SAMPLES[14], SAMPLES[15], SAMPLES[17]]) expect(readSimpleYaml(src, keyString), src).not.toBeUndefined();
  });

  it('agrees on every post of the realistic bench site, and takes almost all of them', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pw-simple-yaml-'));
    try {
      await generateRealisticSite(dir, { posts: 400, drafts: 10, bodyBytes: 200 });
      const files = await postFiles(dir);
      let fast = 0;
      for (const file of files) {
        const fm = splitPost(await readFile(file, 'utf8')).frontMatter;
        if (fm && agrees(fm.yaml, file)) fast++;
      }
      expect(fast / files.length).toBeGreaterThan(0.97);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  const corpora = path.resolve(__dirname, '../../../../shared/corpora');
  if (!existsSync(corpora)) console.log(`skipped: fast YAML path vs the full reader on the shared corpora — no corpora at ${corpora} (they sit next to the developers' checkout, not in CI clones)`);
  it.skipIf(!existsSync(corpora))('agrees on every post of the shared corpora', async () => {
    for (const file of await postFiles(corpora)) {
      const text = (await readFile(file)).toString('utf8');
      const fm = splitPost(text).frontMatter;
      if (fm) agrees(fm.yaml, file);
    }
  });
});
