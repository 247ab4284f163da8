/**
 * Tag and category rename/merge/delete on every shape a front matter holds them in.
 */
import { describe, expect, it } from 'vitest';
import { applyTermOperation, mayHaveTerm, nearDuplicates, type TermOperation } from '../../../shared/site/taxonomy-edit';

const fm = (lines: string) => `---\ntitle: T\n${lines}\n---\nBody mentions tags: old.\n`;

describe('term operations', () => {
  it.each<[string, string, TermOperation, string]>([
    ['flow list rename', 'tags: [old, keep]', { op: 'rename', kind: 'tag', from: 'old', to: 'new' }, 'tags: [new, keep]'],
    ['block list rename', 'tags:\n  - old\n  - keep', { op: 'rename', kind: 'tag', from: 'old', to: 'new' }, 'tags:\n  - new\n  - keep'],
    ['one-word string rename', 'tags: old', { op: 'rename', kind: 'tag', from: 'old', to: 'new' }, 'tags: new'],
    ['space-separated string rename', 'tags: old keep', { op: 'rename', kind: 'tag', from: 'old', to: 'new' }, 'tags: new keep'],
    ['string becomes a list for a name with a space', 'tags: old keep', { op: 'rename', kind: 'tag', from: 'old', to: 'Two Words' }, 'tags: [Two Words, keep]'],
    ['singular category', 'category: Old Name', { op: 'rename', kind: 'category', from: 'Old Name', to: 'New Name' }, 'category: New Name'],
    ['trailing comment kept', 'tags: [old, keep]   # lowercase', { op: 'rename', kind: 'tag', from: 'old', to: 'new' }, 'tags: [new, keep]   # lowercase'],
    ['merge into an existing name', 'tags: [ml, ML Engineering, x]', { op: 'merge', kind: 'tag', from: ['ml', 'ML Engineering'], into: 'ml-engineering' }, 'tags: [ml-engineering, x]'],
    ['delete from a list', 'tags: [old, keep]', { op: 'delete', kind: 'tag', name: 'old' }, 'tags: [keep]'],
    ['delete the only word of a string', 'tags: old', { op: 'delete', kind: 'tag', name: 'old' }, ''],
    ['categories flow list', 'categories: [Field Notes, misc]', { op: 'rename', kind: 'category', from: 'Field Notes', to: 'Notes' }, 'categories: [Notes, misc]'],
    ['other kind untouched', 'tags: [old]\ncategories: [old]', { op: 'rename', kind: 'category', from: 'old', to: 'new' }, 'tags: [old]\ncategories: [new]'],
  ])('%s', (_name, before, operation, after) => {
    const result = applyTermOperation(fm(before), operation);
    expect(result.text).toBe(after === '' ? '---\ntitle: T\n---\nBody mentions tags: old.\n' : fm(after));
  });

  it('a post without the term is untouched', () => {
    const text = fm('tags: [a, b]');
    expect(applyTermOperation(text, { op: 'rename', kind: 'tag', from: 'zzz', to: 'y' })).toEqual({ text, changed: false });
  });

  it("a post without the term keeps its own duplicates (only the term's posts change)", () => {
    const text = fm('tags: [a, a, b]');
    expect(applyTermOperation(text, { op: 'rename', kind: 'tag', from: 'zzz', to: 'y' })).toEqual({ text, changed: false });
    expect(applyTermOperation(text, { op: 'delete', kind: 'tag', name: 'zzz' })).toEqual({ text, changed: false });
  });
});

describe('mayHaveTerm: a look at the text before parsing it', () => {
  const rename = (from: string): TermOperation => ({ op: 'rename', kind: 'tag', from, to: 'x' });
  // Every case where the operation changes the post must say true; false only where it cannot.
  it.each<[string, string, TermOperation, boolean]>([
    ['the name as written', 'tags: [old, keep]', rename('old'), true],
    ['absent', 'tags: [keep]', rename('old'), false],
    ['a name with spaces folded over two lines', 'tags: [Field\n  Notes]', rename('Field Notes'), true],
    ["an apostrophe doubled in single quotes", "tags: ['it''s fine']", rename("it's fine"), true],
    ['an escape in double quotes', 'tags: ["\\x6Fld"]', rename('old'), true],
    ['a number read from YAML', 'tags: [0x1F]', rename('31'), true],
    ['a boolean read from YAML', 'tags: [yes]', rename('true'), true],
    ['one of merged names present', 'tags: [b]', { op: 'merge', kind: 'tag', from: ['a', 'b'], into: 'c' }, true],
    ['none of merged names present', 'tags: [d]', { op: 'merge', kind: 'tag', from: ['alpha', 'beta'], into: 'c' }, false],
    ['delete, absent', 'tags: [d]', { op: 'delete', kind: 'tag', name: 'gone' }, false],
  ])('%s', (_name, lines, operation, want) => {
    const text = fm(lines).replace('Body mentions tags: old.', 'Body.');
    expect(mayHaveTerm(text, operation)).toBe(want);
    // Never false where the operation would change the post.
    if (!want) expect(applyTermOperation(text, operation).changed).toBe(false);
  });
});

describe('near duplicates', () => {
  it('groups case, spacing and plural variants', () => {
    expect(nearDuplicates(['ML Engineering', 'ml-engineering', 'python', 'Python', 'book', 'books', 'jekyll'])).toEqual([
      ['ML Engineering', 'ml-engineering'],
      ['python', 'Python'],
      ['book', 'books'],
    ]);
  });
});
