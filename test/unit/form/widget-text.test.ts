/**
 * The pure parts of the form's text widgets: what counts as a typed number or a picked date, and
 * a value's own source text for raw YAML fields.
 */
import { describe, expect, it } from 'vitest';
import { typedNumber } from '../../../renderer/form/number-field';
import { pickedWallTime } from '../../../renderer/form/date-field';
import { valueSource } from '../../../renderer/form/value-source';
import { readValueSource } from '../../../renderer/form/yaml-value-field';
import { setFieldSource } from '../../../shared/front-matter/edit-front-matter';

describe('typedNumber', () => {
  it('reads whole numbers and leaves the steps on the way alone', () => {
    expect(typedNumber('42')).toBe(42);
    expect(typedNumber(' -4.5 ')).toBe(-4.5);
    expect(typedNumber('1e3')).toBe(1000);
    for (const step of ['', '-', '4.5.', '1e', 'abc', '1e400']) expect(typedNumber(step)).toBeNull();
  });
});

describe('pickedWallTime', () => {
  it('takes a complete picker value with a four-digit year only', () => {
    expect(pickedWallTime('2026-12-01T08:20:00')).toEqual({ year: 2026, month: 12, day: 1, hour: 8, minute: 20, second: 0 });
    expect(pickedWallTime('2026-12-01T08:20')).toEqual({ year: 2026, month: 12, day: 1, hour: 8, minute: 20, second: 0 });
    // The picker's year after the first key of "2026".
    expect(pickedWallTime('0002-12-01T08:20:00')).toBeNull();
    expect(pickedWallTime('')).toBeNull();
  });
});

describe('valueSource', () => {
  const yaml = 'title: x\nmatrix: [[1, 2], [3, 4]] # rows\nlist:\n  - a\n  - [b, c]\nbanner:\n  image: "/a b.png"\n';
  it('gives a value as the file spells it', () => {
    expect(valueSource(yaml, ['matrix'])).toBe('[[1, 2], [3, 4]]');
    expect(valueSource(yaml, ['banner', 'image'])).toBe('"/a b.png"');
    expect(valueSource(yaml, ['list'])).toBe('- a\n- [b, c]');
    expect(valueSource(yaml, ['missing'])).toBeNull();
  });

  it('reads back as the same value, and one key typed into it changes one key in the file', () => {
    const block = readValueSource(valueSource(yaml, ['list'])!);
    expect(block.ok && (block.value as { v: unknown }).v).toEqual(['a', ['b', 'c']]);
    const file = `---\n${yaml}---\nbody\n`;
    const src = valueSource(yaml, ['matrix'])!;
    const typed = `${src.slice(0, 14)}, 5${src.slice(14)}`;
    expect(typed).toBe('[[1, 2], [3, 4, 5]]');
    expect(setFieldSource(file, ['matrix'], typed).text).toBe(file.replace('[3, 4]]', '[3, 4, 5]]'));
  });
});
