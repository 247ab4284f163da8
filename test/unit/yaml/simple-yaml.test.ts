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
  'authors: ["Ada Lovelace", \'Grace Hopper\']\n',
  'tags: ["a, b", c, "C#", \'it\'\'s\',] # note\n',
  'tags: [""]\n',
  'tags: ["yes", yes, "1", 1]\n',
  'tags: ["a":1]\n',
  'tags: ["a" x]\n',
  'tags: [a, "b\\"c"]\n',
  'tags: ["a"]x\n',
  'tags: ["open, b]\n',
];

/** Nested blocks, as configs (`defaults:`) and some front matters have them. */
const NESTED = [
  'defaults:\n  - scope:\n      path: ""\n      type: posts\n    values:\n      layout: post\n      banner:\n        overlay: dark\n  - scope:\n      path: "_drafts"\n    values:\n      layout: draft\n',
  'defaults:\n- scope:\n    path: x\n  values:\n    share: false\n',
  'gallery:\n  - url: /a.png\n    title: A # note\n  - url: /b.png\n    alt: [x, y]\n',
  'a:\n  b:\n  - x\n  - y\n  c: 1\n',
  'a:\n  -   k: 1\n      j: 2\n',
  'a:\n  - k: 1\n   j: 2\n',
  'a:\n  - k: 1\n     j: 2\n',
  'a:\n  - x\n    more\n',
  'a:\n  b: 1\n    c: 2\n',
  'a:\n  b: 1\n  b: 2\n',
  'a:\n  - k:\n  - j:\n      deep: [1, 2]\n',
  'a:\n  - k: 1\n  - - j\n',
  'a:\n  __proto__: 1\n',
  'a:\n  b:\n    c: |\n      text\n',
  'a:\n  b: &x 1\n  c: *x\n',
  'a:\n  b:\n    # only a comment\n  c: yes\n',
  'a:\n    b: 1\n  c: 2\n',
  'a:\n  - b: 1\n  c: 2\n',
  'a:\n  - 1\n  - "two"\n  - \'three\'\n  -\n',
  `deep:\n${Array.from({ length: 20 }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')} end\n`,
];

/** The fast path reads what the full parser reads, or steps aside; readYaml answers as the full parser does. */
function expectAgrees(src: string): void {
  const fast = readSimpleYaml(src, keyString);
  const full = readYamlFull(src);
  if (fast !== undefined) {
    expect(full.ok).toBe(true);
    if (full.ok) expect(fast).toEqual(full.value);
  }
  expect(readYaml(src)).toEqual(full);
}

describe('simple YAML fast path', () => {
  it.each(SAMPLES)('%j agrees with the full parser or steps aside', expectAgrees);

  it.each(NESTED)('nested %j agrees with the full parser or steps aside', expectAgrees);

  it('reads flow lists with quoted items itself (more than half of the corpora posts have one)', () => {
    expect(readSimpleYaml('authors: ["Ada Lovelace", \'Grace Hopper\']\n', keyString)).toEqual({ authors: ['Ada Lovelace', 'Grace Hopper'] });
    expect(readSimpleYaml('tags: ["a, b", c, "C#", \'it\'\'s\',] # note\n', keyString)).toEqual({ tags: ['a, b', 'c', 'C#', "it's"] });
  });

  it('reads nested maps and lists itself, and steps aside for what it cannot read alike', () => {
    for (const src of [NESTED[0], NESTED[1], NESTED[2], NESTED[3], NESTED[4], NESTED[9], NESTED[10], NESTED[15]]) expect(readSimpleYaml(src, keyString), src).not.toBeUndefined();
    for (const src of [NESTED[5], NESTED[7], NESTED[8], NESTED[11], NESTED[12], NESTED[13], NESTED[14], NESTED[16], NESTED[17], NESTED[19]]) expect(readSimpleYaml(src, keyString), src).toBeUndefined();
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
