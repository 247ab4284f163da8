/**
 * What keeps a front-matter block from being saved: unreadable YAML, a key named twice, or a
 * block that is not a map; each with the line and column the YAML tab shows.
 */
import { describe, expect, it } from 'vitest';
import { describeYamlProblem, yamlProblem } from '../../../renderer/editor/front-matter-check';

describe('yamlProblem', () => {
  it('passes readable front matter', () => {
    expect(yamlProblem('')).toBeNull();
    expect(yamlProblem('title: "A: b"\ntags: [x, y]\nbanner:\n  image: /a.png\n')).toBeNull();
  });

  it('finds a key named twice, at top level and nested, with its line and column', () => {
    expect(yamlProblem('layout: post\ntitle: Copy\ntitle: "Real"\n')).toEqual({ message: 'the key “title” appears twice', line: 3, col: 1 });
    expect(yamlProblem('banner:\n  image: a\n  image: b\n')).toEqual({ message: 'the key “image” appears twice', line: 3, col: 3 });
  });

  it('finds unreadable YAML with its line', () => {
    const p = yamlProblem('title: x\nextra: [a, b\n');
    expect(p).not.toBeNull();
    expect(p!.line).toBeGreaterThanOrEqual(2);
    expect(describeYamlProblem(p!)).toMatch(/^Front matter line \d+, column \d+: /);
  });

  it('refuses a block that is not a map', () => {
    expect(yamlProblem('- a\n- b\n')?.message).toMatch(/not a map/);
    expect(yamlProblem('just words\n')?.message).toMatch(/not a map/);
  });
});
