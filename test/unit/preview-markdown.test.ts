/**
 * kramdown-style Markdown in the preview: header ids, attribute lists, TOC, footnotes, math.
 */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../shared/preview/markdown-renderer';
import { kramdownId } from '../../shared/preview/kramdown-ids';
import { splitSections } from '../../shared/preview/sections';

describe('kramdown ids', () => {
  it.each([
    ['What I packed', 'what-i-packed'],
    ['1. Numbers first', 'numbers-first'],
    ['Café & Co.', 'caf--co'],
    ['', ''],
  ])('%j → %j', (text, id) => expect(kramdownId(text)).toBe(id));
});

describe('markdown like kramdown', () => {
  it.each([
    ['header ids, deduplicated', '## Intro\n\n## Intro\n', ['id="intro"', 'id="intro-1"']],
    ['block IAL after a paragraph', 'Text\n{: .lead}\n', ['<p class="lead" data-source-line="0">Text</p>']],
    ['block IAL on a blockquote', '> Quote\n{: .pull-quote}\n', ['<blockquote class="pull-quote"']],
    ['header IAL', '## Title {#custom .big}\n', ['id="custom"', 'class="big"']],
    ['toc', '* TOC\n{:toc}\n\n## One\n\n## Two\n', ['id="markdown-toc"', 'href="#one"', 'href="#two"']],
    ['footnotes', 'Walk.[^1]\n\n[^1]: Note.\n', ['footnote']],
    ['definition lists', 'Term\n: Definition\n', ['<dl', '<dt', '<dd']],
    ['tables', '| a | b |\n|---|---|\n| 1 | 2 |\n', ['<table', '<td>1</td>']],
    ['math passes through', 'Inline $$a_1 + b_2$$ here.\n', ['\\(a_1 + b_2\\)']],
    ['fenced code keeps its language', '```ruby\nputs 1\n```\n', ['language-ruby']],
  ])('%s', (_name, source, expected) => {
    const { html } = renderMarkdown(source);
    for (const part of expected) expect(html).toContain(part);
  });
});

describe('sections', () => {
  it('splits at headings outside fences, keeps cross-referenced bodies whole', () => {
    expect(splitSections('a\n## b\nc\n```\n## not\n```\n## d\n').map((s) => s.line)).toEqual([0, 1, 6]);
    expect(splitSections('a[^1]\n## b\n\n[^1]: x\n')).toHaveLength(1);
  });
});
