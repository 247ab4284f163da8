/**
 * The fast path must read exactly what the full parser reads, or step aside.
 */
import { describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { readYaml, readYamlFull, keyString } from '../../../shared/yaml/read-yaml';
import { readSimpleYaml } from '../../../shared/yaml/simple-yaml';
import { splitPost } from '../../../shared/front-matter/split';

const SAMPLES = [
  'title: Hello\nlayout: post\n',
  'title: "Quoted: colon"\ntags: [a, b, c]\n',
  "title: 'It''s here'\ncategories: [Two Words, x]   # note\n",
  'date: 2021-03-04 10:00:00 +0800\npublished: no\ncount: 0755\ntime: 14:50\n',
  'title: Hash #1\nempty:\nlist: []\n',
  'title: a#b\nurl: http://x.y/z\n',
  '# comment first\n\ntitle: x\r\ntags: [one,two,]\r\n',
  'yes: 1\n2019: year\n',
  'title: :sym\n',
  'title: "esc\\"aped"\n',
  'banner:\n  image: x.png\n',
  'banner:\n  image: x.png\n  alt: "A b"\nlayout: post\n',
  'tags:\n  - a\n  - b # c\nlayout: post\n',
  'tags:\n- a\n- 2020-01-01\n',
  'seo:\n    type: x\n    date: 2020-01-01\n',
  'image:\n  # path: x\n  # alt: y\nnext: 1\n',
  'a:\n  b:\n    c: 1\n',
  'a:\n  - b: 1\n',
  'a:\n  - - b\n',
  'a:\n  x: 1\n   y: 2\n',
  'a:\n  - x\n  y: 2\n',
  'a:\n  x: |\n    text\n',
  'tags: [a, "b"]\n',
  'title: a: b\n',
  'title: x\n  continued\n',
  'list: [a, , b]\n',
  'key : value\n',
  'title: -dash\n',
  'title: 1.5\nratio: .5\nbig: 1_000\n',
];

describe('simple YAML fast path', () => {
  it.each(SAMPLES)('%j agrees with the full parser or steps aside', (src) => {
    const fast = readSimpleYaml(src, keyString);
    const full = readYamlFull(src);
    if (fast !== undefined) {
      expect(full.ok).toBe(true);
      if (full.ok) expect(fast).toEqual(full.value);
    }
    expect(readYaml(src)).toEqual(full);
  });

  it('agrees on every fixture post', async () => {
    const root = path.resolve(__dirname, '../../fixtures/sites');
    const files: string[] = [];
    const walk = async (d: string) => {
      for (const e of await readdir(d, { withFileTypes: true })) {
        if (e.isDirectory()) await walk(path.join(d, e.name));
        else if (/\.(md|markdown|html|txt)$/.test(e.name)) files.push(path.join(d, e.name));
      }
    };
    await walk(root);
    let fastUsed = 0;
    for (const file of files) {
      const fm = splitPost(await readFile(file, 'utf8')).frontMatter;
      if (!fm) continue;
      const fast = readSimpleYaml(fm.yaml, keyString);
      if (fast === undefined) continue;
      fastUsed++;
      const full = readYamlFull(fm.yaml);
      expect(full.ok, file).toBe(true);
      if (full.ok) expect(fast, file).toEqual(full.value);
    }
    expect(fastUsed).toBeGreaterThan(20);
  });
});

describe('what libyaml (Jekyll) accepts and `yaml` does not', () => {
  it('a quoted value continued on an unindented line', () => {
    const r = readYaml('title: "A long title, \nContinued here."\ndate: 2015-11-10\n');
    expect(r.ok).toBe(true);
    if (r.ok) expect((r.value as Record<string, unknown>).title).toBe('A long title, Continued here.');
  });
  it('a tab after a quoted title', () => {
    const r = readYaml('title: "Tabbed"\t\nlayout: post\n');
    expect(r).toMatchObject({ ok: true, value: { title: 'Tabbed', layout: 'post' } });
  });
});
