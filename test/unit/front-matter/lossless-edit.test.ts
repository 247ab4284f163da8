/**
 * The lossless editor, byte for byte: one field changes, nothing else does.
 */
import { describe, expect, it } from 'vitest';
import { deleteField, setField, setFieldSource } from '../../../shared/front-matter/edit-front-matter';
import { parseFieldPath } from '../../../shared/front-matter/field-path';
import type { PlainValue } from '../../../shared/front-matter/yaml-render';
import { SourceError } from '../../../shared/source-error';

const POST = `---
layout: post
title: "Delve 1: First Steps"
categories: [Field Notes]
tags: hiking   # one word
banner:
  image: /assets/a.png
  alt: 'A trail'
list:
  - one
  - two
---
Body with\ttabs.
`;

const set = (text: string, path: string, value: PlainValue) => setField(text, parseFieldPath(path), value).text;
const src = (text: string, path: string, yaml: string) => setFieldSource(text, parseFieldPath(path), yaml).text;
const del = (text: string, path: string) => deleteField(text, parseFieldPath(path)).text;
const swap = (from: string, to: string) => POST.replace(from, to);

describe('setField writes only the field, in its style', () => {
  it.each<[string, string, PlainValue, string]>([
    ['double-quoted title stays double-quoted', 'title', 'Delve 2: Higher', swap('"Delve 1: First Steps"', '"Delve 2: Higher"')],
    ['plain layout stays plain', 'layout', 'page', swap('layout: post', 'layout: page')],
    ['a plain value that needs quotes gets them', 'layout', 'yes', swap('layout: post', 'layout: "yes"')],
    ['sexagesimal-looking text is quoted', 'layout', '14:50', swap('layout: post', 'layout: "14:50"')],
    ['colon-space text is quoted', 'layout', 'a: b', swap('layout: post', 'layout: "a: b"')],
    ['a leading # is quoted', 'layout', '#x', swap('layout: post', 'layout: "#x"')],
    ['a date-like string is quoted', 'layout', '2020-01-01', swap('layout: post', 'layout: "2020-01-01"')],
    ['single-quoted stays single-quoted', 'banner.alt', "Sam's trail", swap("alt: 'A trail'", "alt: 'Sam''s trail'")],
    ['nested value', 'banner.image', '/assets/b.png', swap('image: /assets/a.png', 'image: /assets/b.png')],
    ['flow list keeps its style', 'categories', ['Field Notes', 'Trips'], swap('[Field Notes]', '[Field Notes, Trips]')],
    ['flow list item', 'categories.0', 'Walks', swap('[Field Notes]', '[Walks]')],
    ['append to a flow list', 'categories.1', 'More', swap('[Field Notes]', '[Field Notes, More]')],
    ['string tag keeps its trailing comment', 'tags', 'walking', swap('tags: hiking   # one word', 'tags: walking   # one word')],
    ['block list keeps block style', 'list', ['a', 'b', 'c'], swap('  - one\n  - two\n', '  - a\n  - b\n  - c\n')],
    ['block list item', 'list.1', 'deux', swap('  - two\n', '  - deux\n')],
    ['append to a block list', 'list.2', 'three', swap('  - two\n', '  - two\n  - three\n')],
    ['new top-level key goes last', 'author', 'Sam', swap('  - two\n---', '  - two\nauthor: Sam\n---')],
    ['new nested key joins its map', 'banner.caption', 'Hi', swap("  alt: 'A trail'\n", "  alt: 'A trail'\n  caption: Hi\n")],
    ['a missing map is created', 'header.image', '/x.png', swap('  - two\n---', '  - two\nheader:\n  image: /x.png\n---')],
    ['a scalar becomes a list', 'tags', ['hiking', 'alps'], swap('tags: hiking   # one word', 'tags: [hiking, alps]   # one word')],
    ['numbers and booleans are plain', 'layout', 3, swap('layout: post', 'layout: 3')],
    ['a boolean over a quoted string', 'title', true, swap('"Delve 1: First Steps"', 'true')],
  ])('%s', (_name, path, value, expected) => {
    expect(set(POST, path, value)).toBe(expected);
  });

  it('an equal value changes nothing, not even quoting', () => {
    const r = setField(POST, ['title'], 'Delve 1: First Steps');
    expect(r).toEqual({ text: POST, changed: false });
    expect(setField(POST, ['categories'], ['Field Notes']).changed).toBe(false);
  });
});

describe('line ends, BOM, fences', () => {
  it.each<[string, string, string, PlainValue, string]>([
    ['CRLF stays CRLF, new lines too', '---\r\ntitle: A\r\n---\r\nx\r\n', 'tags', ['a'], '---\r\ntitle: A\r\ntags: [a]\r\n---\r\nx\r\n'],
    ['CRLF nested creation', '---\r\ntitle: A\r\n---\r\n', 'banner.image', 'b.png', '---\r\ntitle: A\r\nbanner:\r\n  image: b.png\r\n---\r\n'],
    ['BOM kept', '\uFEFF---\ntitle: A\n---\nx', 'title', 'B', '\uFEFF---\ntitle: B\n---\nx'],
    ['dots closer kept', '---\ntitle: A\n...\nx', 'title', 'B', '---\ntitle: B\n...\nx'],
    ['no front matter gets one', 'Just text.\n', 'title', 'New', '---\ntitle: New\n---\nJust text.\n'],
    ['no front matter, BOM and CRLF', '\uFEFFJust text.\r\n', 'title', 'New', '\uFEFF---\r\ntitle: New\r\n---\r\nJust text.\r\n'],
    ['empty front matter', '---\n---\nx', 'title', 'T', '---\ntitle: T\n---\nx'],
    ['comment-only front matter', '---\n# note\n---\nx', 'title', 'T', '---\n# note\ntitle: T\n---\nx'],
    ['empty value gets one', '---\ntitle:\nlayout: post\n---\n', 'title', 'T', '---\ntitle: T\nlayout: post\n---\n'],
    ['null value becomes a map', '---\nbanner:\nlayout: post\n---\n', 'banner.image', 'a.png', '---\nbanner:\n  image: a.png\nlayout: post\n---\n'],
    ['dash at the key column is kept', '---\ntags:\n- a\n- b\n---\n', 'tags', ['a', 'b', 'c'], '---\ntags:\n- a\n- b\n- c\n---\n'],
    ['four-space indentation is kept', '---\nseo:\n    type: x\n---\n', 'seo.date', 'y', '---\nseo:\n    type: x\n    date: y\n---\n'],
    ['a date from text stays a date', '---\ndate: 2020-01-01\n---\n', 'date', 'x', '---\ndate: x\n---\n'],
  ])('%s', (_name, input, path, value, expected) => {
    expect(set(input, path, value)).toBe(expected);
  });
});

describe('setFieldSource takes YAML', () => {
  it.each<[string, string, string, string]>([
    ['quoted string', 'layout', '"a: b"', swap('layout: post', 'layout: "a: b"')],
    ['flow list', 'tags', '[x, y]', swap('tags: hiking   # one word', 'tags: [x, y]   # one word')],
    ['boolean', 'layout', 'true', swap('layout: post', 'layout: true')],
    ['a time keeps its spelling', 'date', '2020-01-02 10:00:00 +0800', swap('  - two\n---', '  - two\ndate: 2020-01-02 10:00:00 +0800\n---')],
  ])('%s', (_name, path, yaml, expected) => {
    expect(src(POST, path, yaml)).toBe(expected);
  });

  it('rejects invalid YAML values', () => {
    expect(() => src(POST, 'tags', '[x, y')).toThrow(SourceError);
  });
});

describe('deleteField removes whole lines', () => {
  it.each<[string, string, string]>([
    ['a key with a comment', 'tags', swap('tags: hiking   # one word\n', '')],
    ['a block map', 'banner', swap("banner:\n  image: /assets/a.png\n  alt: 'A trail'\n", '')],
    ['a nested key', 'banner.alt', swap("  alt: 'A trail'\n", '')],
    ['a block list item', 'list.0', swap('  - one\n', '')],
    ['a flow list item', 'categories.0', swap('[Field Notes]', '[]')],
    ['the last key', 'list', swap('list:\n  - one\n  - two\n', '')],
  ])('%s', (_name, path, expected) => {
    expect(del(POST, path)).toBe(expected);
  });

  it('a missing key is no change', () => {
    expect(deleteField(POST, ['nope'])).toEqual({ text: POST, changed: false });
  });

  it('flow list items keep their separators', () => {
    expect(del('---\nt: [a, b, c]\n---\n', 't.1')).toBe('---\nt: [a, c]\n---\n');
    expect(del('---\nt: [a, b, c]\n---\n', 't.2')).toBe('---\nt: [a, b]\n---\n');
  });
});

describe('refusals', () => {
  it('invalid YAML names the line in the whole file', () => {
    const broken = '---\ntitle: ok\ntags: [a\n---\nbody\n';
    try {
      setField(broken, ['title'], 'x');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SourceError);
      expect((error as SourceError).code).toBe('invalid-yaml');
      expect((error as SourceError).line).toBeGreaterThanOrEqual(3);
    }
  });

  it('a path through a scalar is refused', () => {
    expect(() => set(POST, 'title.x', 'y')).toThrow(/not a map or list/);
  });
});

describe('front matter libyaml accepts but the yaml CST does not', () => {
  const SWC = '---\nlayout: post\ntitle: "A long title, \nContinued at column 0."\ntags: ["Community"]\n---\nBody\n';
  it('edits another field and keeps the unindented continuation as it was', () => {
    expect(set(SWC, 'layout', 'page')).toBe(SWC.replace('layout: post', 'layout: page'));
    expect(set(SWC, 'tags', ['Community', 'News'])).toBe(SWC.replace('["Community"]', '["Community", "News"]'));
  });
  it('replaces the continued value itself', () => {
    expect(set(SWC, 'title', 'Short')).toBe(SWC.replace('"A long title, \nContinued at column 0."', '"Short"'));
  });
});
