/**
 * readYaml against the answers of Jekyll 4.3's reader (`Psych.safe_load(yaml, permitted_classes:
 * [Date, Time], aliases: true)`, YAML 1.1). Every expected value below was checked with Ruby;
 * `psych-oracle.test.ts` re-checks the scalars live when Ruby is installed.
 */
import { describe, expect, it } from 'vitest';
import { readYaml, YamlDate, YamlTime, type YamlValue } from '../../../shared/yaml/read-yaml';

function value(source: string): YamlValue {
  const r = readYaml(source);
  if (!r.ok) throw new Error(`${r.message} at ${r.line}:${r.col}`);
  return r.value;
}

/** `utc` is the instant as written in UTC; minutes east of UTC, or null when no zone is written. */
function time(source: string, utc: string, offsetMinutes: number | null): YamlTime {
  return new YamlTime(Date.parse(`${utc}Z`), offsetMinutes, source);
}

describe('plain scalars resolve as YAML 1.1 (Psych)', () => {
  const cases: [string, YamlValue][] = [
    // null
    ['~', null], ['null', null], ['Null', null], ['NULL', null], ['', null], ['nULL', null], // Psych matches short null/bool words in any case
    // booleans (y/n are strings)
    ['yes', true], ['Yes', true], ['YES', true], ['true', true], ['True', true], ['TRUE', true], ['on', true], ['On', true], ['ON', true],
    ['no', false], ['No', false], ['NO', false], ['false', false], ['False', false], ['FALSE', false], ['off', false], ['Off', false], ['OFF', false],
    ['yEs', true], ['oFF', false], ['y', 'y'], ['n', 'n'], ['Y', 'Y'],
    // integers
    ['0', 0], ['12', 12], ['-12', -12], ['+12', 12], ['1_000', 1000], ['1,000', 1000], ['0755', 493], ['010', 8], ['09', '09'],
    ['0x1F', 31], ['0xff', 255], ['0b101', 5], ['0b1_01', 5], ['-0b11', -3],
    // sexagesimal: Psych multiplies part i by 60^|i-2|, so 14:50 is 14*3600 + 50*60 (not 890)
    ['14:50', 53400], ['1:30:00', 5400], ['190:20:30.15', 685230.15], ['1:60', '1:60'],
    // floats
    ['1.5', 1.5], ['.5', 0.5], ['-.5', -0.5], ['1.', 1], ['1.0', 1], ['1.0e+3', 1000], ['0.5e-3', 0.0005],
    ['.inf', Infinity], ['-.inf', -Infinity], ['+.inf', Infinity], ['.Inf', Infinity], ['.INF', Infinity], ['-.Inf', -Infinity],
    ['.nan', NaN], ['.NaN', NaN], ['.NAN', NaN],
    ['1e3', '1e3'], ['1.0e3', '1.0e3'], ['12e3', '12e3'], ['0.1.2', '0.1.2'], ['.', '.'],
    // dates: real calendar days only
    ['2019-08-08', new YamlDate(2019, 8, 8)], ['2016-02-29', new YamlDate(2016, 2, 29)],
    ['2016-06-31', '2016-06-31'], ['2015-02-29', '2015-02-29'], ['2019-13-01', '2019-13-01'],
    // timestamps
    ['2019-08-08 14:10:00 +0800', time('2019-08-08 14:10:00 +0800', '2019-08-08T06:10:00', 480)],
    ['2019-08-08 14:10:00 +08:00', time('2019-08-08 14:10:00 +08:00', '2019-08-08T06:10:00', 480)],
    ['2019-08-08 14:10:00 +8', time('2019-08-08 14:10:00 +8', '2019-08-08T06:10:00', 480)],
    ['2019-08-08 14:10:00 -07:00', time('2019-08-08 14:10:00 -07:00', '2019-08-08T21:10:00', -420)],
    ['2019-08-08 14:10:00 +05:30', time('2019-08-08 14:10:00 +05:30', '2019-08-08T08:40:00', 330)],
    ['2019-08-08T14:10:00+08:00', time('2019-08-08T14:10:00+08:00', '2019-08-08T06:10:00', 480)],
    ['2019-08-08t14:10:00Z', time('2019-08-08t14:10:00Z', '2019-08-08T14:10:00', 0)],
    ['2019-08-08 14:10:00', time('2019-08-08 14:10:00', '2019-08-08T14:10:00', null)],
    ['2019-08-08 14:10:00.5 -07:00', time('2019-08-08 14:10:00.5 -07:00', '2019-08-08T21:10:00.500', -420)],
    ['2019-08-08 14:10:00.123456', time('2019-08-08 14:10:00.123456', '2019-08-08T14:10:00.123', null)],
    ['2019-08-08 14:10', '2019-08-08 14:10'],
    // strings
    ['Hash #1', 'Hash'], ['a b', 'a b'], ['Field Notes', 'Field Notes'], ['a:b', 'a:b'], ['日本語の題名', '日本語の題名'], ['ünï', 'ünï'],
  ];
  it.each(cases)('k: %s', (text, expected) => {
    expect(value(`k: ${text}`)).toStrictEqual({ k: expected });
  });
});

describe('quoted, block and tagged scalars', () => {
  const cases: [string, YamlValue][] = [
    ['k: "yes"', { k: 'yes' }],
    ["k: '14:50'", { k: '14:50' }],
    ['k: "2019-08-08"', { k: '2019-08-08' }],
    ["k: '0755'", { k: '0755' }],
    ['k: "~"', { k: '~' }],
    ['title: "Part 1: the start"', { title: 'Part 1: the start' }],
    ["title: 'It''s: here'", { title: "It's: here" }],
    ['title: "A"\t', { title: 'A' }], // a tab after a quoted scalar: libyaml accepts it, so must we
    ['title: "A" \t# c\nn: "B"\t\t', { title: 'A', n: 'B' }],
    ['k: "a\\tb \\u00e9"', { k: 'a\tb é' }],
    ['k: >\n  folded\n  text\n\n  para\nn: 1', { k: 'folded text\npara\n', n: 1 }],
    ['k: |\n  yes\n   14:50\nn: 1', { k: 'yes\n 14:50\n', n: 1 }],
    ['k: |-\n  x\n', { k: 'x' }],
    ['k: !!str yes', { k: 'yes' }],
    ['k: !!str 12', { k: '12' }],
    ['k: !!int "12"', { k: 12 }],
    ['k: !!float "1"', { k: 1 }],
    ['k: !!float 1e3', { k: 1000 }],
    ['k: !!bool "yes"', { k: true }],
    ['k: !!null ""', { k: null }],
    ['k: !!timestamp "2019-08-08"', { k: new YamlDate(2019, 8, 8) }],
    ['k: !!timestamp 2019-08-08 14:10:00 +0800', { k: time('2019-08-08 14:10:00 +0800', '2019-08-08T06:10:00', 480) }],
    ['k: !!binary aGVsbG8=', { k: 'hello' }],
    ['k: !local 12', { k: 12 }],
    ['k: !local "yes"', { k: true }], // Psych: any other explicit tag reads the text as plain
  ];
  it.each(cases)('%j', (source, expected) => {
    expect(value(source)).toStrictEqual(expected);
  });
});

describe('documents', () => {
  const cases: [string, string, YamlValue][] = [
    ['empty', '', null],
    ['whitespace', '  \n\n\t\n', null],
    ['comments only', '# one\n  # two\n', null],
    ['a bare scalar', '42', 42],
    ['comments around keys', '# c\ntitle: Hi # trailing\n# end\n', { title: 'Hi' }],
    ['nested maps and lists', 'a:\n  b:\n    c: 1\n  d: [x, 2, yes]\ne:\n  - 1\n  - - 2\n    - three\n', { a: { b: { c: 1 }, d: ['x', 2, true] }, e: [1, [2, 'three']] }],
    ['flow list', 'tags: [a, b]', { tags: ['a', 'b'] }],
    ['flow map', 'k: {a: 1, b: [2]}', { k: { a: 1, b: [2] } }],
    ['empty collections', 'a: []\nb: {}', { a: [], b: {} }],
    ['duplicate keys: the last wins', 'k: 1\nj: 0\nk: 2', { k: 2, j: 0 }],
    ['typed keys become strings', '1: a\ntrue: b\n~: c\n2019-01-01: d\n1.5: e', { '1': 'a', true: 'b', '': 'c', '2019-01-01': 'd', '1.5': 'e' }],
    ['anchors and aliases', 'a: &a hello\nb: *a\nc: &l [1, 2]\nd: *l', { a: 'hello', b: 'hello', c: [1, 2], d: [1, 2] }],
    ['merge key', 'base: &b {x: 1, y: 2}\npost:\n  <<: *b\n  y: 3', { base: { x: 1, y: 2 }, post: { x: 1, y: 3 } }],
    ['merge key overrides keys before it', 'd:\n  c: 3\n  <<: {c: 4, e: 5}\n  e: 6', { d: { c: 4, e: 6 } }],
    ['merge list: the first map wins', 'a: &x {b: 1, c: 1}\nb: &y {c: 2, e: 2}\nd:\n  <<: [*x, *y]', { a: { b: 1, c: 1 }, b: { c: 2, e: 2 }, d: { c: 1, e: 2, b: 1 } }],
    ['merge of a scalar is an ordinary key', 'a: &s str\nd:\n  <<: *s', { a: 'str', d: { '<<': 'str' } }],
    ['__proto__ is data', '__proto__: 1\nconstructor: 2', JSON.parse('{"__proto__": 1, "constructor": 2}') as YamlValue],
    ['CRLF', 'title: Hi\r\ndate: 2019-08-08 14:10:00 +0800\r\ntags:\r\n  - a\r\n  - b\r\nbody: |\r\n  x\r\n  y\r\n', {
      title: 'Hi', date: time('2019-08-08 14:10:00 +0800', '2019-08-08T06:10:00', 480), tags: ['a', 'b'], body: 'x\ny\n',
    }],
    ['CJK', 'title: "中文标题：副标题"\ntags: [日本, 한국]\nauthor: 山田 太郎', { title: '中文标题：副标题', tags: ['日本', '한국'], author: '山田 太郎' }],
    ['quoted value continued on an unindented line (libyaml accepts)', 'a: "one\ntwo"\nb: 1', { a: 'one two', b: 1 }],
    ['a second document is ignored', '---\nk: 1\n---\nj: 2', { k: 1 }],
    ['a typical post', '---\nlayout: post\ntitle: "Yes: really"\ndate: 2019-08-08 14:10:00 +0800\npublished: no\ncategories: [blog, 2019]\n', {
      layout: 'post', title: 'Yes: really', date: time('2019-08-08 14:10:00 +0800', '2019-08-08T06:10:00', 480), published: false, categories: ['blog', 2019],
    }],
  ];
  it.each(cases)('%s', (_name, source, expected) => {
    expect(readYaml(source)).toStrictEqual({ ok: true, value: expected });
  });
});

describe('bad input is an error with a 1-based position, never a throw', () => {
  const cases: [string, string, number, RegExp][] = [
    ['unclosed flow list', 'a: 1\nb: [1, 2\nc: 3', 3, /\]/],
    ['bad indentation', 'a: 1\nb: 2\n  c: 3', 2, /./],
    ['unclosed quote (CRLF)', 'a: 1\r\nb: "x\r\nc: 3\r\n', 3, /quote/i],
    ['text after a quoted value', 'a: 1\nk: "a"b', 2, /./],
    ['reserved character', 'x: 1\ny: 2\nk: @x', 3, /@/],
    ['unknown alias', 'a: 1\nk: *nope', 2, /nope/],
    ['a Ruby symbol (safe_load refuses it)', 'k: :sym', 1, /symbol/],
    ['a Ruby object tag', 'k: !ruby/object:Foo {a: 1}', 1, /Ruby object/],
    ['!!float that is not a number', 'k: 1\nj: !!float abc', 2, /number/],
  ];
  it.each(cases)('%s', (_name, source, line, message) => {
    const r = readYaml(source);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.line).toBe(line);
    expect(r.col).toBeGreaterThanOrEqual(1);
    expect(r.message).toMatch(message);
  });

  it('refuses an alias bomb quickly', () => {
    const names = 'abcdefghi';
    let source = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 1; i < names.length; i++) source += `${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(', ')}]\n`;
    const started = Date.now();
    const r = readYaml(source);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/alias/) });
  });

  it('maxAliasCount allows as many aliases as asked', () => {
    const source = `a: &a x\nb: [${Array(60).fill('*a').join(', ')}]`;
    expect(readYaml(source).ok).toBe(false);
    expect(readYaml(source, { maxAliasCount: 60 })).toStrictEqual({ ok: true, value: { a: 'x', b: Array(60).fill('x') } });
  });
});
