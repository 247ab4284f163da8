import { describe, expect, it } from 'vitest';
import type { PreviewContext, PreviewLayout } from '../../../shared/api/contract';
import { createLiquid, renderLiquid, relativeIncludePath } from '../../../shared/preview/liquid-engine';
import { renderPost } from '../../../shared/preview/render-post';
import { CONTENT_MARKER, layoutChain, renderLayouts } from '../../../shared/preview/layout/layout-chain';
import { jekyllId, pageVariables, rubyTimeString, siteVariables } from '../../../shared/preview/layout/page-vars';
import { rewriteCssUrls } from '../../../shared/preview/layout/css-urls';
import { findConflictMarkers } from '../../../shared/preview/layout/conflict-markers';

const context: PreviewContext = {
  site: { title: 'Quiet Harbour', timezone: 'UTC', permalink: 'date' },
  baseurl: '/blog',
  url: 'https://example.org',
  markdownExt: ['md', 'markdown'],
  includes: { 'note.html': '<aside>{{ include.text }}</aside>' },
  posts: [
    { path: '_posts/2024-01-02-first-light.md', url: '/2024/01/02/first-light.html', slug: 'first-light', date: '2024-01-02T09:30:00+00:00', title: 'First Light' },
    { path: '_posts/2024-03-04-later.md', url: '/2024/03/04/later.html', slug: 'later', date: '2024-03-04T00:00:00+00:00', title: 'Later' },
  ],
};

const layout = (body: string, data: Record<string, unknown> = {}, origin: PreviewLayout['origin'] = 'theme'): PreviewLayout => ({ data, body, origin });

describe('page variables as Jekyll makes them', () => {
  it('page.date prints like Ruby Time#to_s and still goes through the date filter; page.id is /yyyy/mm/dd/slug', async () => {
    const engine = createLiquid({ context });
    const text = '---\ntitle: First Light\ndate: 2024-01-02 09:30:00 +0000\n---\n{{ page.date }}|{{ page.date | date: "%b %-d, %Y" }}|{{ page.date | date_to_xmlschema }}|{{ page.id }}|{{ page.url }}|{{ page.date | date_to_string }}\n';
    const out = await renderPost(engine, context, '_posts/2024-01-02-first-light.md', text);
    expect(out.html).toContain('2024-01-02 09:30:00 +0000|Jan 2, 2024|2024-01-02T09:30:00+00:00|/2024/01/02/first-light|/2024/01/02/first-light.html|02 Jan 2024');
    expect(out.problems).toEqual([]);
  });

  it('a date in another zone keeps its offset', () => {
    expect(rubyTimeString('2019-08-08T14:10:00+08:00')).toBe('2019-08-08 14:10:00 +0800');
    expect(jekyllId('/travel/2019/08/08/x/', 'x')).toBe('/travel/2019/08/08/x');
  });

  it('page takes the defaults and derived keys (slug, categories, layout)', () => {
    const ctx = { ...context, site: { ...context.site, defaults: [{ scope: { path: '', type: 'posts' }, values: { layout: 'post', author: 'Ana' } }] } };
    const page = pageVariables(ctx, '_posts/2024-01-02-first-light.md', '---\ntitle: X\n---\nbody');
    expect(page).toMatchObject({ layout: 'post', author: 'Ana', slug: 'first-light', title: 'X', id: '/2024/01/02/first-light' });
    expect((siteVariables(ctx).posts as { title: string }[]).map((p) => p.title)).toEqual(['Later', 'First Light']);
  });
});

describe('lax Liquid', () => {
  it('a tag or output liquidjs refuses renders empty with a note, the rest renders', async () => {
    const engine = createLiquid({ context });
    const r = await renderLiquid(engine, 'a {{ page.title | }} b\n{% assign = 3 %} c {{ page.title }}\n{{ a[ }}{% for %}d', { page: { title: 'T' } });
    expect(r.output).not.toContain('{{');
    expect(r.output).toContain(' c T');
    expect(r.errors.length).toBeGreaterThanOrEqual(2);
    expect(r.output.endsWith('\nd')).toBe(true);
    expect(r.errors.join('\n')).toMatch(/line 2: .*rendered empty/);
  });

  it('a failing filter renders empty and the post still renders as HTML, not as source', async () => {
    const engine = createLiquid({ context });
    const out = await renderPost(engine, context, '_posts/2024-01-02-first-light.md', '---\ntitle: T\n---\n# Head\n\n{% for i in (1..2) %}{{ i | append }}{% endfor %} after\n\n{% include missing.html %}\n');
    expect(out.html).toContain('<h1');
    expect(out.html).toContain('after');
    expect(out.html).not.toContain('{%');
    expect(out.problems.join('\n')).toMatch(/Liquid: line \d+:/);
  });

  it('unknown plugin tags stay placeholders', async () => {
    const engine = createLiquid({ context });
    const r = await renderLiquid(engine, 'x {% youtube abc %} y', {});
    expect(r.output).toContain('pw-unknown-tag');
    expect(r.errors).toEqual([]);
  });
});

describe('include_relative', () => {
  it('reads the file next to the post, with include params, and refuses ..', async () => {
    const asked: string[] = [];
    const engine = createLiquid({ context, loadRelative: async (p) => (asked.push(p), p === '_posts/snippets/tide.md' ? 'Tide: {{ include.when }}' : null) });
    const r = await renderLiquid(engine, '{% include_relative snippets/tide.md when="dawn" %}|{% include_relative ../secret.md %}|{% include_relative nope.md %}', { page: { path: '_posts/2024-01-02-first-light.md' } });
    expect(r.output.startsWith('Tide: dawn|')).toBe(true);
    expect(asked).toEqual(['_posts/snippets/tide.md', '_posts/nope.md']);
    expect(r.errors.length).toBe(2);
    expect(relativeIncludePath('_posts/a.md', './x.md')).toBeNull();
  });
});

describe('layout chain', () => {
  const layouts = {
    default: layout('<html><head><link rel="stylesheet" href="{{ "/assets/main.css" | relative_url }}">{% seo %}</head><body class="{{ layout.kind }}">{%- include head.html -%}<main>{{ content }}</main></body></html>', { kind: 'outer' }),
    post: layout('<article><h1>{{ page.title | escape }}</h1><time>{{ page.date | date: "%b %-d, %Y" }}</time>{{ content }}</article>', { layout: 'default', kind: 'inner' }),
    loop: layout('{{ content }}', { layout: 'loop' }),
  };
  it('goes post → default, with layout data merged inner-first and the marker where content goes', async () => {
    expect(layoutChain(layouts, 'post').names).toEqual(['post', 'default']);
    expect(layoutChain(layouts, 'loop').names).toEqual(['loop']);
    expect(layoutChain(layouts, 'none').names).toEqual([]);
    expect(layoutChain(layouts, 'gone')).toEqual({ names: [], missing: 'gone' });
    const engine = createLiquid({ context, themeIncludes: { 'head.html': '<div id="site-head">{{ site.title }}</div>' } });
    const page = { title: 'A & B', date: '2024-01-02 09:30:00 +0000' };
    const out = await renderLayouts(engine, layouts, 'post', { site: siteVariables(context), page });
    expect(out.html).toContain(`<body class="inner"><div id="site-head">Quiet Harbour</div><main><article><h1>A &amp; B</h1><time>Jan 2, 2024</time>${CONTENT_MARKER}</article></main>`);
    expect(out.html).toContain('href="/blog/assets/main.css"');
    expect(out.html).toContain('<title>A &amp; B | Quiet Harbour</title>');
    expect(out.problems).toEqual([]);
  });

  it('a missing layout is reported and leaves no layout', async () => {
    const out = await renderLayouts(createLiquid({ context }), layouts, 'wide', { page: {} });
    expect(out.html).toBeNull();
    expect(out.problems[0]).toMatch(/Layout 'wide' does not exist/);
  });
});

describe('theme CSS made safe for the frame', () => {
  it('site URLs go to the site-file route, remote ones are dropped', () => {
    const css = `@import url("https://fonts.example.com/x.css");\n@import "local.css";\nbody{background:url(../img/bg.png)} .a{background:url('/blog/assets/x.svg')} .b{background:url(https://cdn.example.com/y.png)} .c{background:url(data:image/png;base64,AAA)}`;
    const out = rewriteCssUrls(css, 'assets/css/main.css', '/site-file/', '/blog');
    expect(out.css).not.toContain('fonts.example.com');
    expect(out.css).not.toContain('cdn.example.com');
    expect(out.css).toContain('url("/site-file/assets/img/bg.png")');
    expect(out.css).toContain('url("/site-file/assets/x.svg")');
    expect(out.css).toContain('url("data:image/png;base64,AAA")');
    expect(out.blocked).toBe(2);
  });
});

describe('conflict markers', () => {
  it('finds <<<<<<< … ======= … >>>>>>> blocks, not a lone ======= underline', () => {
    expect(findConflictMarkers('Title\n=======\n')).toBeNull();
    expect(findConflictMarkers('<<<<<<< HEAD\nmine\n=======\n')).toEqual({ lines: [1] });
    expect(findConflictMarkers('a\n<<<<<<< HEAD\nmine\n=======\ntheirs\n>>>>>>> abc123\nb\n<<<<<<< HEAD\nx\n=======\ny\n>>>>>>> def\n')).toEqual({ lines: [2, 8] });
  });
});
