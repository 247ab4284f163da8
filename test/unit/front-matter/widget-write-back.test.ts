/**
 * What each form widget writes: the exact bytes of the file after one change.
 */
import { describe, expect, it } from 'vitest';
import { setField, setFieldSource, deleteField } from '../../../shared/front-matter/edit-front-matter';
import { dateStyleOf, formatDateInStyle, termsValue } from '../../../shared/front-matter/form-values';

const POST = `---
title: "Delve 1: First Steps"
date: 2026-03-02 09:30:00 +0100
categories: [Field Notes]
tags: hiking
draft: false
rating: 3
layout: post
banner:
  image: /assets/a.svg
---
Body.
`;

const swap = (a: string, b: string) => POST.replace(a, b);

describe('widget write-back bytes', () => {
  it.each<[string, string, string]>([
    ['text', setField(POST, ['title'], 'Delve 2: Higher').text, swap('"Delve 1: First Steps"', '"Delve 2: Higher"')],
    ['long text', setField(POST, ['description'], 'Two\nlines').text, swap('---\nBody', 'description: "Two\\nlines"\n---\nBody')],
    ['boolean', setField(POST, ['draft'], true).text, swap('draft: false', 'draft: true')],
    ['number', setField(POST, ['rating'], 4.5).text, swap('rating: 3', 'rating: 4.5')],
    ['select', setField(POST, ['layout'], 'page').text, swap('layout: post', 'layout: page')],
    ['select back to the default', deleteField(POST, ['layout']).text, swap('layout: post\n', '')],
    ['tags chip added (string form kept)', setField(POST, ['tags'], termsValue('tags', 'hiking', ['hiking', 'alpine'])).text, swap('tags: hiking', 'tags: hiking alpine')],
    ['tags chip with a space (becomes a list)', setField(POST, ['tags'], termsValue('tags', 'hiking', ['hiking', 'Long Walks'])).text, swap('tags: hiking', 'tags: [hiking, Long Walks]')],
    ['category chip with a space', setField(POST, ['categories'], termsValue('categories', ['Field Notes'], ['Field Notes', 'Two Words'])).text, swap('[Field Notes]', '[Field Notes, Two Words]')],
    [
      'date keeps its format and offset',
      setFieldSource(POST, ['date'], formatDateInStyle({ year: 2026, month: 3, day: 5, hour: 7, minute: 0, second: 0 }, dateStyleOf('2026-03-02 09:30:00 +0100'), 60)).text,
      swap('date: 2026-03-02 09:30:00 +0100', 'date: 2026-03-05 07:00:00 +0100'),
    ],
    ['image in a nested map', setField(POST, ['banner', 'image'], '/assets/b.svg').text, swap('image: /assets/a.svg', 'image: /assets/b.svg')],
    ['new nested image', setField(POST, ['header', 'image'], '/assets/c.svg').text, swap('---\nBody', 'header:\n  image: /assets/c.svg\n---\nBody')],
    ['raw YAML', setFieldSource(POST, ['extra'], '{a: 1, b: [x]}').text, swap('---\nBody', 'extra:\n  a: 1\n  b: [x]\n---\nBody')],
  ])('%s', (_name, actual, expected) => expect(actual).toBe(expected));
});
