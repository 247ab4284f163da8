/**
 * Preview bodies the way Jekyll's kramdown (GFM input) writes them, one table per category.
 * Expectations follow kramdown 2.4 / kramdown-parser-gfm 1.1 (Jekyll 4.3's), read from their source.
 */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../shared/preview/markdown-renderer';
import { markdownSettings } from '../../../shared/preview/kramdown/settings';
import { splitSections } from '../../../shared/preview/sections';
import { gfmId, kramdownId } from '../../../shared/preview/kramdown-ids';

/** The HTML without scroll-sync attributes and newlines, for short expectations. */
function html(source: string, site: Record<string, unknown> = {}): string {
  return renderMarkdown(source, 0, markdownSettings(site)).html.replace(/ data-source-line="\d+"/g, '').replace(/\n/g, '');
}

describe('lists: <p> decided item by item', () => {
  it.each([
    ['tight list', '- a\n- b\n', '<ul><li>a</li><li>b</li></ul>'],
    ['loose list', '- a\n\n- b\n', '<ul><li><p>a</p></li><li><p>b</p></li></ul>'],
    ['blank line only before the last item', '- a\n- b\n\n- c\n', '<ul><li>a</li><li><p>b</p></li><li>c</li></ul>'],
    ['second paragraph always wrapped', '- a\n\n  more\n', '<ul><li><p>a</p><p>more</p></li></ul>'],
  ])('%s', (_name, source, expected) => expect(html(source)).toBe(expected));
});

describe('typography: kramdown only', () => {
  it.each([
    ['dashes and ellipsis', 'a -- b --- c...', 'a – b — c…'],
    ['guillemets', '<< a >> and <<1>>', '«\u00a0a\u00a0» and «1»'],
    ['markdown-it symbols stay', '(c) (r) (tm) +- a..b', '(c) (r) (tm) +- a..b'],
    ['balanced quotes', 'say "hi" and \'yo\'', 'say “hi” and ‘yo’'],
    ['unbalanced quote closes after a letter', 'the 1990s" end', 'the 1990s” end'],
    ['apostrophe', "it's", 'it’s'],
    ['decade', "the '80s", 'the ’80s'],
    ['escaped quote stays straight', 'a \\"b\\"', 'a "b"'],
  ])('%s', (_name, source, expected) => expect(html(source)).toBe(`<p>${expected.replace(/"/g, '&quot;')}</p>`));

  it('uses the site smart_quotes setting', () => {
    expect(html('"a"', { kramdown: { smart_quotes: ['apos', 'apos', 'quot', 'quot'] } })).toBe('<p>&quot;a&quot;</p>');
  });
});

describe('kramdown extensions', () => {
  it.each([
    ['span IAL on an image', '![x](a.gif){: .icon width="70"}', '<p><img src="a.gif" alt="x" width="70" class="icon"></p>'],
    ['span IAL on a link', '[a](b){:target="_blank"}', '<p><a href="b" target="_blank">a</a></p>'],
    ['span IAL after text stays text', 'word{:.x}', '<p>word{:.x}</p>'],
    ['block IAL before a paragraph', '{: .lead}\nText\n', '<p class="lead">Text</p>'],
    ['block IAL after a blank line goes to the next block', 'One\n\n{: .note}\n> Two\n', '<p>One</p><blockquote class="note"><p>Two</p></blockquote>'],
    ['block IAL right after a paragraph', 'Text\n{: .lead}\n', '<p class="lead">Text</p>'],
    ['abbreviation', '*[HTML]: Hyper Text\n\nSome HTML here.\n', '<p>Some <abbr title="Hyper Text">HTML</abbr> here.</p>'],
  ])('%s', (_name, source, expected) => expect(html(source)).toBe(expected));
});

describe('code and raw HTML', () => {
  it.each([
    ['highlight figure is not cut at a blank line', '<figure class="highlight"><pre><code>a\n\n# not a header\n...\n</code></pre></figure>\n', '<figure class="highlight"><pre><code>a# not a header...</code></pre></figure>'],
    ['img alone on a line is a paragraph', '<img src="a.png">\n', '<p><img src="a.png"></p>'],
    ['text after </figure> starts a paragraph', '<figure>x</figure> after\n', '<figure>x</figure><p>after</p>'],
    ['fenced code in a list keeps its extra indentation', '- item\n\n    ```\n    a\n      b\n    ```\n', '<ul><li><p>item</p><pre class="highlight"><code>  a    b</code></pre></li></ul>'],
    ['display math', 'Text\n\n$$a+b$$\n\nMore\n', '<p>Text</p>\\[a+b\\]<p>More</p>'],
  ])('%s', (_name, source, expected) => expect(html(source)).toBe(expected));

  it('draws Rouge line numbers when _config.yml asks', () => {
    const site = { kramdown: { syntax_highlighter_opts: { block: { line_numbers: true } } } };
    expect(html('```py\na\nb\n```\n', site)).toContain('<td class="rouge-gutter gl"><pre class="lineno">12</pre></td><td class="rouge-code"><pre>ab</pre></td>');
  });
});

describe('blocks', () => {
  it.each([
    ['task list', '- [ ] a\n- [X] b\n', '<ul class="task-list"><li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled="disabled" />a</li><li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled="disabled" checked="checked" />b</li></ul>'],
    ['strong next to CJK punctuation', '**注意：**文字', '<p><strong>注意：</strong>文字</p>'],
    ['strong around a comment', '**<!--x-->**text', '<p><strong><!--x--></strong>text</p>'],
    ['no intraword underscore emphasis', 'snake_case_name', '<p>snake_case_name</p>'],
    ['bare #### is text', '####\n', '<p>####</p>'],
  ])('%s', (_name, source, expected) => expect(html(source)).toBe(expected));
});

describe('header ids as the configured parser makes them', () => {
  it.each([
    ['1. Origin Story', '1-origin-story', 'origin-story'],
    ['参加者', '参加者', ''],
    ['Café & Co.', 'café--co', 'caf--co'],
    ['snake_case', 'snake_case', 'snakecase'],
  ])('%j', (text, gfm, kramdown) => {
    expect(gfmId(text)).toBe(gfm);
    expect(kramdownId(text)).toBe(kramdown);
  });

  it.each([
    ['GFM (Jekyll default)', {}, '## 1. Origin\n\n## 1. Origin\n\n## 参加者\n', ['id="1-origin"', 'id="1-origin-1"', 'id="参加者"']],
    ['kramdown input', { kramdown: { input: 'kramdown' } }, '## 1. Origin\n\n## 参加者\n', ['id="origin"', 'id="section"']],
  ])('%s', (_name, site, source, ids) => {
    const out = html(source, site);
    for (const id of ids) expect(out).toContain(id);
  });
});

describe('sections never split inside code or raw HTML', () => {
  it.each([
    ['# comment inside <pre><code>', 'a\n\n<pre><code>\n  # comment\n\n# another\n</code></pre>\n\n## Real\n', [0, 8]],
    ['# inside a fence', 'a\n```\n# no\n```\n## b\n', [0, 4]],
    ['# inside an indented code block', 'a\n\n    # no\n\n## b\n', [0, 4]],
    ['repeated heading texts stay one section', '## A\nx\n## A\n', [0]],
    ['abbreviations stay one section', '*[A]: b\n\n## x\n', [0]],
  ])('%s', (_name, body, lines) => expect(splitSections(body).map((s) => s.line)).toEqual(lines));
});

describe('tables: kramdown takes rows GFM would leave as text', () => {
  it.each([
    ['rows without a separator line are body rows', '| a | b |\n| c | d |\n', '<table><tbody><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></tbody></table>'],
    ['a separator with more columns than the header', '| Time | Event |\n|---|---|---|\n| 8 | x |\n', '<table><thead><tr><th>Time</th><th>Event</th></tr></thead><tbody><tr><td>8</td><td>x</td></tr></tbody></table>'],
    ['an escaped pipe splits nothing, and stays escaped in code', 'para\n\n| `x \\| y` | z \\| w |\n', '<p>para</p><table><tbody><tr><td><code>x \\| y</code></td><td>z | w</td></tr></tbody></table>'],
    ['a lone row of dashes is not a table', '|---|\n', '<p>|—|</p>'],
    ['GFM tables stay as they were', '| a | b |\n|---|---|\n| 1 | 2 |\n', '<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>'],
  ])('%s', (_name, source, expected) => expect(html(source)).toBe(expected));
});
