/**
 * The lossless front-matter editor, byte for byte: only the touched field's lines change, the
 * result reads back as intended, and anything doubtful throws instead of returning text.
 */
import { describe, expect, it } from 'vitest';
import { deleteField, setField, setFieldSource, type PlainValue } from '../../../shared/front-matter/edit-front-matter';
import { parseFieldPath } from '../../../shared/front-matter/field-path';
import { splitPost } from '../../../shared/front-matter/split';
import { SourceError } from '../../../shared/source-error';
import { readYaml } from '../../../shared/yaml/read-yaml';

const POST = [
  '---',
  'layout: post',
  'title: "Delve 1: First Steps"',
  "subtitle: 'A walk'",
  'categories: [Field Notes]',
  'tags: hiking   # one word',
  'banner:',
  '  image: /assets/a.png',
  "  alt: 'A trail'",
  'list:',
  '  - one',
  '  - two',
  '...',
  'Body with\ttabs.',
  '',
].join('\n');

const swap = (from: string, to: string, text = POST) => {
  expect(text).toContain(from);
  return text.replace(from, to);
};

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    return (error as SourceError).code;
  }
  return undefined;
}

describe('setField', () => {
  it.each<[string, string, string, PlainValue, string]>([
    // Quoting style is kept.
    ['double-quoted title with a colon', POST, 'title', 'Delve 2: Higher', swap('"Delve 1: First Steps"', '"Delve 2: Higher"')],
    ['double-quoted title escapes', POST, 'title', 'Say "hi" \\o/', swap('"Delve 1: First Steps"', '"Say \\"hi\\" \\\\o/"')],
    ['single-quoted stays single-quoted', POST, 'subtitle', "Sam's walk", swap("subtitle: 'A walk'", "subtitle: 'Sam''s walk'")],
    ['single-quoted keeps quotes when plain would do', POST, 'subtitle', 'Plain', swap("'A walk'", "'Plain'")],
    ['single-quoted multi-line becomes double-quoted', POST, 'subtitle', 'a\nb', swap("'A walk'", '"a\\nb"')],
    ['plain stays plain', POST, 'layout', 'page', swap('layout: post', 'layout: page')],
    ['string tags → another string, comment kept', POST, 'tags', 'walking', swap('tags: hiking   # one word', 'tags: walking   # one word')],
    // Flow lists.
    ['flow list: add an item', POST, 'categories', ['Field Notes', 'Trips'], swap('[Field Notes]', '[Field Notes, Trips]')],
    ['flow list: replace an item', POST, 'categories.0', 'Walks', swap('[Field Notes]', '[Walks]')],
    ['flow list: append by index', POST, 'categories.1', 'More', swap('[Field Notes]', '[Field Notes, More]')],
    ['flow list: spacing kept', '---\ntags: [ a, b ]  # c\n---\n', 'tags', ['a', 'b', 'c'], '---\ntags: [ a, b, c ]  # c\n---\n'],
    ['flow list: item needing quotes in flow', '---\nc: [a, b]\n---\n', 'c.0', 'x, y', '---\nc: ["x, y", b]\n---\n'],
    ['flow list: emptied', POST, 'categories', [], swap('[Field Notes]', '[]')],
    // Block lists.
    ['block list stays block', POST, 'list', ['a', 'b', 'c'], swap('  - one\n  - two\n', '  - a\n  - b\n  - c\n')],
    ['block list item', POST, 'list.1', 'deux', swap('  - two\n', '  - deux\n')],
    ['block list append', POST, 'list.2', 'three', swap('  - two\n', '  - two\n  - three\n')],
    ['block list dash at key column', '---\ntags:\n- a\n- b\n---\n', 'tags.2', 'c', '---\ntags:\n- a\n- b\n- c\n---\n'],
    ['block list becomes empty', '---\nt:   # c\n  - a\nx: 1\n---\n', 't', [], '---\nt: []   # c\nx: 1\n---\n'],
    ['block list append a map', '---\nl:\n  - name: a\n---\n', 'l.1', { name: 'b', v: 2 }, '---\nl:\n  - name: a\n  - name: b\n    v: 2\n---\n'],
    ['key inside a list item', '---\nl:\n  - name: a\n    v: 1\n  - name: b\n---\n', 'l.1.v', 2, '---\nl:\n  - name: a\n    v: 1\n  - name: b\n    v: 2\n---\n'],
    // Maps.
    ['nested value', POST, 'banner.image', '/assets/b.png', swap('image: /assets/a.png', 'image: /assets/b.png')],
    ['new nested key joins its map', POST, 'banner.caption', 'Hi', swap("  alt: 'A trail'\n", "  alt: 'A trail'\n  caption: Hi\n")],
    ['missing banner is created', '---\ntitle: A\n---\nx\n', 'banner.image', '/assets/a.png', '---\ntitle: A\nbanner:\n  image: /assets/a.png\n---\nx\n'],
    ['created map uses the file indent', '---\nseo:\n    type: x\n---\n', 'banner.image', 'a.png', '---\nseo:\n    type: x\nbanner:\n    image: a.png\n---\n'],
    ['new key in a four-space map', '---\nseo:\n    type: x\n---\n', 'seo.date', 'y', '---\nseo:\n    type: x\n    date: y\n---\n'],
    ['null value becomes a map', '---\nbanner:\nlayout: post\n---\n', 'banner.image', 'a.png', '---\nbanner:\n  image: a.png\nlayout: post\n---\n'],
    ['block map replaced in block style', '---\nb:\n    i: 1\n    j: 2\nx: 1\n---\n', 'b', { k: 'v', l: ['a', 'b'] }, '---\nb:\n    k: v\n    l: [a, b]\nx: 1\n---\n'],
    ['block map replaced by a scalar', '---\nb:   # note\n  i: 1\nx: 1\n---\n', 'b', 'v', '---\nb: v   # note\nx: 1\n---\n'],
    ['flow map new key', '---\nm: { a: 1 }\n---\n', 'm.b', 2, '---\nm: { a: 1, b: 2 }\n---\n'],
    ['flow map value needing quotes', '---\nm: {a: 1}\n---\n', 'm.a', 'x, y', '---\nm: {a: "x, y"}\n---\n'],
    // Shape changes.
    ['a scalar becomes a short flow list', POST, 'tags', ['hiking', 'alps'], swap('tags: hiking   # one word', 'tags: [hiking, alps]   # one word')],
    [
      'a scalar becomes a long block list',
      '---\nt: a\n---\n',
      't',
      ['a'.repeat(50), 'b'.repeat(50)],
      `---\nt:\n  - ${'a'.repeat(50)}\n  - ${'b'.repeat(50)}\n---\n`,
    ],
    ['a scalar becomes a map, comment kept on the key', '---\nt: a  # c\nu: 1\n---\n', 't', { x: 1 }, '---\nt:  # c\n  x: 1\nu: 1\n---\n'],
    ['a block scalar becomes plain', '---\nt: |\n  a\n  b\nd: 2\n---\n', 't', 'c', '---\nt: c\nd: 2\n---\n'],
    ['an empty value gets one', '---\ntitle:\nlayout: post\n---\n', 'title', 'T', '---\ntitle: T\nlayout: post\n---\n'],
    ['an empty value with a comment', '---\nt:   # c\nd: 2\n---\n', 't', 'x', '---\nt: x   # c\nd: 2\n---\n'],
    ['a tag is dropped for another type', '---\nt: !!str 12\n---\n', 't', 3, '---\nt: 3\n---\n'],
    ['a !!str tag is kept for a string', '---\nt: !!str 12\n---\n', 't', '13', '---\nt: !!str "13"\n---\n'],
    ['null leaves no trailing space', '---\nt: a\nd: 2\n---\n', 't', null, '---\nt:\nd: 2\n---\n'],
    // Scalars that plain text would change.
    ['numbers are plain', POST, 'layout', 3, swap('layout: post', 'layout: 3')],
    ['a float', POST, 'layout', 4.5, swap('layout: post', 'layout: 4.5')],
    ['a float needing a dot', POST, 'layout', 1e21, swap('layout: post', 'layout: 1.0e+21')],
    ['a boolean over a quoted string', POST, 'title', true, swap('"Delve 1: First Steps"', 'true')],
    ['a number string on a single-quoted field', POST, 'subtitle', '3', swap("'A walk'", "'3'")],
    ['the empty string', POST, 'layout', '', swap('layout: post', 'layout: ""')],
    ['line separator is escaped', POST, 'layout', 'a\u2028b', swap('layout: post', 'layout: "a\\Lb"')],
    ['NEL is escaped', POST, 'layout', 'a\u0085b', swap('layout: post', 'layout: "a\\Nb"')],
    ['DEL is escaped', POST, 'layout', 'a\u007fb', swap('layout: post', 'layout: "a\\u007fb"')],
    ['a tab is escaped', POST, 'layout', 'a\tb', swap('layout: post', 'layout: "a\\tb"')],
    ['a key needing quotes', POST, 'a: b', 1, swap('  - two\n...', '  - two\n"a: b": 1\n...')],
    ['a key read as a boolean', POST, 'yes', 1, swap('  - two\n...', '  - two\n"yes": 1\n...')],
    // Where new keys go.
    ['new top-level key goes last', POST, 'author', 'Sam', swap('  - two\n...', '  - two\nauthor: Sam\n...')],
    ['new key before trailing comments', '---\ntitle: x\n\n# end\n\n---\n', 'z', 'a', '---\ntitle: x\nz: a\n\n# end\n\n---\n'],
    ['a missing list is created by index 0', '---\ntitle: x\n---\n', 'tags.0', 'a', '---\ntitle: x\ntags: [a]\n---\n'],
    // Line ends, BOM, fences, body.
    ['CRLF kept, new lines CRLF', '---\r\ntitle: A\r\n---\r\nx\r\n', 'tags', ['a'], '---\r\ntitle: A\r\ntags: [a]\r\n---\r\nx\r\n'],
    ['CRLF nested creation', '---\r\ntitle: A\r\n---\r\n', 'banner.image', 'b.png', '---\r\ntitle: A\r\nbanner:\r\n  image: b.png\r\n---\r\n'],
    ['CRLF block replace', '---\r\nb:\r\n  c: 1\r\nd: 2\r\n---\r\nbody\r\n', 'b', { e: 1 }, '---\r\nb:\r\n  e: 1\r\nd: 2\r\n---\r\nbody\r\n'],
    ['CRLF block list append', '---\r\nt:\r\n- a\r\n---\r\n', 't.1', 'b', '---\r\nt:\r\n- a\r\n- b\r\n---\r\n'],
    ['BOM kept', '\uFEFF---\ntitle: A\n---\nx', 'title', 'B', '\uFEFF---\ntitle: B\n---\nx'],
    ['dots closer kept', '---\ntitle: A\n...\nx', 'title', 'B', '---\ntitle: B\n...\nx'],
    ['fence whitespace kept', '---  \ntitle: A\n---\t\nx', 'title', 'B', '---  \ntitle: B\n---\t\nx'],
    ['no front matter gets one', 'Just text.\n', 'title', 'New', '---\ntitle: New\n---\nJust text.\n'],
    ['no front matter, BOM and CRLF', '\uFEFFJust text.\r\n', 'title', 'New', '\uFEFF---\r\ntitle: New\r\n---\r\nJust text.\r\n'],
    ['no front matter, nested', '', 'banner.image', 'a.png', '---\nbanner:\n  image: a.png\n---\n'],
    ['empty front matter', '---\n---\nx', 'title', 'T', '---\ntitle: T\n---\nx'],
    ['empty front matter, CRLF', '---\r\n---\r\nx', 'title', 'T', '---\r\ntitle: T\r\n---\r\nx'],
    ['comment-only front matter', '---\n# note\n---\nx', 'title', 'T', '---\n# note\ntitle: T\n---\nx'],
    ['tabs and trailing spaces elsewhere kept', '---\na:\t1   \nb:\t"x"\n---  \n\tbody  \n', 'b', 'y', '---\na:\t1   \nb:\t"y"\n---  \n\tbody  \n'],
    ['comments and blank lines kept', '---\na: 1\n# about b\nb: 2 # two\n\nc: 3\n---\n', 'b', 5, '---\na: 1\n# about b\nb: 5 # two\n\nc: 3\n---\n'],
  ])('%s', (_name, input, path, value, expected) => {
    const result = setField(input, parseFieldPath(path), value);
    expect(result.text).toBe(expected);
    expect(result.changed).toBe(expected !== input);
  });
});

describe('values that plain YAML 1.1 would misread are quoted', () => {
  it.each([
    'yes', 'no', 'on', 'off', '=', '<<', 'true', 'False', 'null', '~', '14:50', '2020-01-01', '2020-01-01 10:00:00', '0755', '0x1F', '1_000', '12', '1.5', '.5', '-1', '+1',
    '.inf', '.NaN', ' lead', 'trail ', '-x', '- x', '?x', ':x', ',x', '[x', ']x', '{x', '}x', '#x', '&x', '*x', '!x', '|x', '>x', "'x", '"x', '%x', '@x', '`x',
    'a: b', 'a #b', 'x:', 'two\nlines', '--- x', '... x',
  ])('%j', (value) => {
    const out = setField('---\nlayout: post\n---\n', ['layout'], value).text;
    const line = out.split('\n')[1];
    expect(line.startsWith('layout: "')).toBe(true);
    const read = readYaml(splitPost(out).frontMatter!.yaml);
    expect(read.ok && (read.value as Record<string, unknown>).layout).toBe(value);
  });

  it.each(['y', 'n', 'Hello world', 'a:b', 'C#', 'x-y', '1e3', 'é', 'it’s', 'a#b'])('%j stays plain', (value) => {
    expect(setField('---\nlayout: post\n---\n', ['layout'], value).text).toBe(`---\nlayout: ${value}\n---\n`);
  });
});

describe('an equal value changes nothing', () => {
  it.each<[string, string, string, PlainValue]>([
    ['same double-quoted title', POST, 'title', 'Delve 1: First Steps'],
    ['same flow list', POST, 'categories', ['Field Notes']],
    ['same block list', POST, 'list', ['one', 'two']],
    ['same map', POST, 'banner', { image: '/assets/a.png', alt: 'A trail' }],
    ['quoted and plain are the same string', '---\nt: "x"\n---\n', 't', 'x'],
    ['null and empty', '---\nt:\n---\n', 't', null],
  ])('%s', (_name, input, path, value) => {
    expect(setField(input, parseFieldPath(path), value)).toEqual({ text: input, changed: false });
  });

  it('a YAML source spelled differently', () => {
    const input = '---\nt: "yes"\nd: 2020-01-01\n---\n';
    expect(setFieldSource(input, ['t'], "'yes'")).toEqual({ text: input, changed: false });
    expect(setFieldSource(input, ['d'], '2020-01-01')).toEqual({ text: input, changed: false });
  });
});

describe('setFieldSource', () => {
  it.each<[string, string, string, string, string]>([
    ['a quoted string', POST, 'layout', '"a: b"', swap('layout: post', 'layout: "a: b"')],
    ['single quotes as typed', POST, 'layout', "'a: b'", swap('layout: post', "layout: 'a: b'")],
    ['a flow list', POST, 'tags', '[x, y]', swap('tags: hiking   # one word', 'tags: [x, y]   # one word')],
    ['a flow list as spelled', POST, 'tags', '[ x,  y ]', swap('tags: hiking   # one word', 'tags: [ x,  y ]   # one word')],
    ['a block list stays block', POST, 'list', '[x, z]', swap('  - one\n  - two\n', '  - x\n  - z\n')],
    ['true', POST, 'layout', 'true', swap('layout: post', 'layout: true')],
    ['hex as written', POST, 'layout', '0x1F', swap('layout: post', 'layout: 0x1F')],
    ['a time keeps its spelling', POST, 'date', '2020-01-02 10:00:00 +0800', swap('  - two\n...', '  - two\ndate: 2020-01-02 10:00:00 +0800\n...')],
    ['a flow map over a flow map', '---\nm: {a: 1}\n---\n', 'm', '{ b: 2 }', '---\nm: { b: 2 }\n---\n'],
    ['a flow map for a new key is written as a block', '---\nt: 1\n---\n', 'extra', '{a: 1, b: [x]}', '---\nt: 1\nextra:\n  a: 1\n  b: [x]\n---\n'],
    ['a block list source', '---\nt: 1\n---\n', 'l', '- a\n- b', '---\nt: 1\nl: [a, b]\n---\n'],
    ['plain text that does not fit a flow list is quoted', '---\nc: [a, b]\n---\n', 'c.0', 'x, y', '---\nc: ["x, y", b]\n---\n'],
    ['a comment in the source is dropped', '---\nt: 1\n---\n', 't', 'abc # note', '---\nt: abc\n---\n'],
  ])('%s', (_name, input, path, source, expected) => {
    expect(setFieldSource(input, parseFieldPath(path), source).text).toBe(expected);
  });

  it.each(['[x, y', 'a: b: c', '"open', '*nope', ':symbol', '{a: 1'])('refuses %j as invalid-value', (source) => {
    expect(codeOf(() => setFieldSource(POST, ['layout'], source))).toBe('invalid-value');
  });
});

describe('deleteField', () => {
  it.each<[string, string, string, string]>([
    ['a key with a trailing comment', POST, 'tags', swap('tags: hiking   # one word\n', '')],
    ['a block map', POST, 'banner', swap("banner:\n  image: /assets/a.png\n  alt: 'A trail'\n", '')],
    ['a block map with a comment on its key', '---\na: 1\nb:   # note\n  c: 1\n  d: 2\ne: 3\n---\n', 'b', '---\na: 1\ne: 3\n---\n'],
    ['a nested key', POST, 'banner.alt', swap("  alt: 'A trail'\n", '')],
    ['a block list item', POST, 'list.0', swap('  - one\n', '')],
    ['a block list item with a comment', '---\nt:\n  - a  # x\n  - b\n---\n', 't.0', '---\nt:\n  - b\n---\n'],
    ['a flow list item', POST, 'categories.0', swap('[Field Notes]', '[]')],
    ['the middle of a flow list', '---\nt: [a, b, c]\n---\n', 't.1', '---\nt: [a, c]\n---\n'],
    ['the end of a flow list', '---\nt: [a, b, c]\n---\n', 't.2', '---\nt: [a, b]\n---\n'],
    ['the last key', POST, 'list', swap('list:\n  - one\n  - two\n', '')],
    ['a block scalar', '---\nt: |\n  a\n  b\nd: 2\n---\n', 't', '---\nd: 2\n---\n'],
    ['the only key of a nested map leaves {}', '---\nb:\n  c: 1\ne: 1\n---\n', 'b.c', '---\nb: {}\ne: 1\n---\n'],
    ['the only item of a block list leaves []', '---\nt:\n  - a\nx: 1\n---\n', 't.0', '---\nt: []\nx: 1\n---\n'],
    ['the first key of a map in a list', '---\nl:\n  - k: v\n    j: 2\n  - c\n---\n', 'l.0.k', '---\nl:\n  - j: 2\n  - c\n---\n'],
    ['the first item of a list in a list', '---\nl:\n  - - a\n    - b\n---\n', 'l.0.0', '---\nl:\n  - - b\n---\n'],
    ['a map in a list', '---\nl:\n  - k: v\n    j: 2\n  - c\n---\n', 'l.0', '---\nl:\n  - c\n---\n'],
    ['CRLF', '---\r\nb:\r\n  c: 1\r\nd: 2\r\n---\r\nbody\r\n', 'b', '---\r\nd: 2\r\n---\r\nbody\r\n'],
    ['the only key', '\uFEFF---\ntitle: x\n...\nbody', 'title', '\uFEFF---\n...\nbody'],
    ['a comment above stays', '---\na: 1\n# about b\nb: 2 # two\n\nc: 3\n---\n', 'b', '---\na: 1\n# about b\n\nc: 3\n---\n'],
  ])('%s', (_name, input, path, expected) => {
    const result = deleteField(input, parseFieldPath(path));
    expect(result).toEqual({ text: expected, changed: true });
  });

  it.each<[string, string]>([
    ['a missing key', 'nope'],
    ['a missing nested key', 'banner.nope'],
    ['a missing item', 'list.5'],
    ['under a scalar', 'title.x'],
  ])('%s is no change', (_name, path) => {
    expect(deleteField(POST, parseFieldPath(path))).toEqual({ text: POST, changed: false });
  });

  it('no front matter is no change', () => {
    expect(deleteField('Just text', ['title'])).toEqual({ text: 'Just text', changed: false });
  });
});

describe('refusals', () => {
  it.each<[string, string, number, number]>([
    ['a compact nested map, BOM, CRLF, blank line', '\uFEFF---\r\n\r\ntitle: ok\r\nbad: a: b\r\nx: 1\r\n---\r\nbody\r\n', 4, 6],
    ['a tab as indentation', '---\ntitle: ok\n\tx: 1\n---\n', 3, 1],
    ['an unknown alias', '---\na: 1\nb: *nope\n---\n', 3, 4],
    ['a Ruby symbol', '---\ntitle: ok\nkey: :sym\n---\n', 3, 6],
  ])('invalid YAML (%s) names the line in the whole file', (_name, input, line, col) => {
    for (const run of [() => setField(input, ['title'], 'x'), () => setFieldSource(input, ['title'], 'x'), () => deleteField(input, ['title'])]) {
      try {
        run();
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(SourceError);
        expect((error as SourceError).code).toBe('invalid-yaml');
        expect([(error as SourceError).line, (error as SourceError).col]).toEqual([line, col]);
      }
    }
  });

  it.each<[string, string, string, PlainValue]>([
    ['through a string', POST, 'title.x', 'y'],
    ['through a string by index', POST, 'title.0', 'y'],
    ['a word index into a list', POST, 'list.x', 'y'],
    ['past the end of a list', POST, 'list.5', 'y'],
    ['a new nested key in a flow map', '---\nm: {a: 1}\n---\n', 'm.b.c', 1],
    ['through an alias', '---\nbase: &b\n  x: 1\nm: *b\n---\n', 'm.x', 3],
  ])('a bad path (%s)', (_name, input, path, value) => {
    expect(codeOf(() => setField(input, parseFieldPath(path), value))).toBe('bad-path');
  });

  it('the empty path', () => {
    expect(codeOf(() => setField(POST, [], 'x'))).toBe('bad-path');
  });

  it('an edit that would change another field (an anchored value) is refused', () => {
    expect(codeOf(() => setField('---\nt: &a x\nd: *a\n---\n', ['t'], 'b'))).toBe('edit-failed');
  });

  it('text that cannot be saved is refused', () => {
    expect(codeOf(() => setField(POST, ['layout'], 'x\ud800'))).toBe('invalid-value');
  });
});

describe('only the touched lines change', () => {
  const lines = (text: string) => text.split('\n');
  const STRINGS = ['plain', 'Two words', 'yes', '14:50', 'a: b', '#x', '2020-01-01', "it's", 'say "hi"', 'a\nb', ' pad ', 'ünï', '[x]', '@me', '100%', 'a\u2028b'];

  it.each(STRINGS)('%j in each scalar field of a post', (value) => {
    const fields: [string, number][] = [['layout', 1], ['title', 2], ['subtitle', 3], ['tags', 5], ['banner.image', 7], ['banner.alt', 8], ['list.0', 10]];
    for (const [path, lineIndex] of fields) {
      const result = setField(POST, parseFieldPath(path), value);
      const before = lines(POST);
      const after = lines(result.text);
      expect(after.length).toBe(before.length);
      after.forEach((line, i) => {
        if (i !== lineIndex) expect(line).toBe(before[i]);
      });
      const read = readYaml(splitPost(result.text).frontMatter!.yaml);
      expect(read.ok).toBe(true);
    }
  });
});
