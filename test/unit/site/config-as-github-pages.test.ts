/**
 * `_config.yml` read as GitHub Pages reads it (upstream Jekyll's SafeYAML), and one bad line never
 * costing the whole configuration.
 */
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../shared/jekyll/config';
import { readYaml } from '../../../shared/yaml/read-yaml';

const CONFIG = [
  '# our test blog',
  'title: Symbols',
  'permalink: /blog/:title/',
  'sass:',
  '  style: :compressed',
  '  load_paths: [:one, two]',
  'baseurl: /b',
].join('\n');

describe('_config.yml as GitHub Pages reads it', () => {
  it('reads :symbols as strings, as SafeYAML does, and keeps every other key', () => {
    const { config, warnings } = parseConfigText(CONFIG);
    expect(warnings).toEqual([]);
    expect(config.raw.sass).toEqual({ style: ':compressed', load_paths: [':one', 'two'] });
    expect(config.permalink).toBe('/blog/:title/');
    expect(config.baseurl).toBe('/b');
  });

  it('front matter keeps Psych semantics (what the installed Jekyll does): a symbol is refused there', () => {
    const r = readYaml('style: :compressed\n');
    expect(r.ok).toBe(false);
  });

  it('a setting that cannot be read is left out with its line; the rest is kept', () => {
    const text = ['title: Kept', 'defaults: &d', '  - values: {layout: post}', 'broken: [unclosed', 'timezone: Europe/Paris', 'again: *d', 'url: https://example.org'].join('\n');
    const { config, warnings } = parseConfigText(text);
    expect(config.raw.title).toBe('Kept');
    expect(config.timezone).toBe('Europe/Paris');
    expect(config.url).toBe('https://example.org');
    expect(config.defaults).toHaveLength(1);
    expect(config.raw.again).toEqual([{ values: { layout: 'post' } }]);
    expect(config.raw.broken).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^_config\.yml:4:\d+: .*'broken' is left out, the rest of _config\.yml is read$/);
  });

  it('a file that is wholly unreadable gives the defaults and one warning', () => {
    const { config, warnings } = parseConfigText('[a, b');
    expect(config.permalink).toBe('date');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^_config\.yml:\d+:\d+: /);
  });

  it('a BOM and a document marker are fine', () => {
    expect(parseConfigText('\uFEFF---\ntitle: x\n').config.raw.title).toBe('x');
  });
});
