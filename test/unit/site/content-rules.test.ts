import { describe, expect, it } from 'vitest';
import { checkContent, checkReferences, contentFacts, type ContentInput } from '../../../shared/site/content-rules';
import { checkDuplicateTitles } from '../../../shared/site/check-rules';
import { checkSettingsFrom, DEFAULT_CHECK_SETTINGS } from '../../../shared/site/check-settings';
import { postForPostUrl, siteContext, sitePathForUrl } from '../../../shared/site/site-context';
import type { PostRecord } from '../../../shared/jekyll/site-types';

function record(over: Partial<PostRecord> = {}): PostRecord {
  return {
    path: '_posts/2024-01-02-hello.md',
    draft: false,
    title: 'Hello',
    date: '2024-01-02T00:00:00+00:00',
    slug: 'hello',
    categories: [],
    tags: [],
    published: true,
    layout: 'post',
    url: '/2024/01/02/hello.html',
    ...over,
  };
}

function input(body: string, over: Partial<ContentInput> = {}): ContentInput {
  return { record: record(), frontMatter: { title: 'Hello' }, keyLines: { title: 2 }, body, bodyFirstLine: 4, ...over };
}

const posts = [
  record(),
  record({ path: '_posts/2023-05-06-older.md', slug: 'older', title: 'Older', date: '2023-05-06T00:00:00+00:00', url: '/2023/05/06/older.html' }),
  record({ path: '_posts/2025-01-01-later.md', slug: 'later', title: 'Later', date: '2025-01-01T00:00:00+00:00', url: '/2025/01/01/later.html', published: false }),
  record({ path: '_posts/sub/2022-02-02-deep.md', slug: 'deep', title: 'Deep', date: '2022-02-02T00:00:00+00:00', url: '/2022/02/02/deep.html' }),
  record({ path: '_drafts/idea.md', draft: true, slug: 'idea', title: 'Idea', date: null, url: '/2026/01/01/idea.html', published: false }),
];
const files = ['assets/cat.png', 'img/banner.jpg', '2024/01/02/local.png', 'about.md', 'pages/archive.md', '_posts/2023-05-06-older.md'];

function problems(body: string, over: Partial<ContentInput> = {}, baseurl = '', pageUrls: string[] = []) {
  const site = siteContext(files, posts, baseurl, pageUrls);
  return checkReferences(contentFacts(input(body, over)), site).map((p) => `${p.line} ${p.severity} ${p.code}`);
}

describe('checkReferences: images', () => {
  it('reports body and banner images that are not in the site, with their lines', () => {
    const fm = { title: 'Hello', banner: { image: '/img/banner.jpg' }, image: '/img/missing.jpg' };
    expect(problems('![a](/assets/cat.png)\n![b](/assets/dog.png)\n<img src="{{ site.baseurl }}/assets/owl.png">', { frontMatter: fm, keyLines: { title: 2, banner: 3, image: 5 } })).toEqual([
      '5 warning missing-image',
      '5 warning missing-image',
      '6 warning missing-image',
    ]);
  });

  it('resolves relative paths against the page URL, the post folder and media_subpath; warns when only the root has it', () => {
    expect(problems('![a](local.png)')).toEqual([]);
    expect(problems('![a](assets/cat.png)')).toEqual(['4 warning relative-image']);
    expect(problems('![a](cat.png)', { data: { media_subpath: '/assets' } })).toEqual([]);
    expect(problems('![a](https://cdn.example/cat.png) ![b](data:image/png;base64,AAA) ![c]({{ page.x }}/y.png)')).toEqual([]);
  });

  it('strips the baseurl', () => {
    expect(problems('![a](/blog/assets/cat.png)', {}, '/blog')).toEqual([]);
  });
});

describe('checkReferences: links', () => {
  it('post_url: found, legacy name, unpublished, missing', () => {
    expect(problems('{% post_url 2023-05-06-older %} {% post_url sub/2022-02-02-deep %} {% post_url 2022-02-02-deep %}')).toEqual([]);
    expect(problems('{% post_url 2025-01-01-later %}\n{% post_url 2020-01-01-nope %}')).toEqual(['4 error broken-post-url', '5 error broken-post-url']);
  });

  it('is a warning when the linking post is not published itself', () => {
    expect(problems('{% post_url 2020-01-01-nope %}', { record: record({ published: false }) })).toEqual(['4 warning broken-post-url']);
  });

  it('link: a file of the site or not', () => {
    expect(problems('{% link _posts/2023-05-06-older.md %} {% link about.md %}\n{% link _posts/gone.md %}')).toEqual(['5 error broken-link-tag']);
  });

  it('site-relative URLs shaped like post URLs', () => {
    const body = ['[a](/2023/05/06/older.html#part) [b](/2023/05//older/) [c]({{ site.baseurl }}/2022/02/02/deep.html)', '[d](/2019/01/01/gone.html)', '[e](/about/) [f](/assets/x.pdf) [g](/2025/01/01/later.html)', '<a href="/2018/03/03/missing.html">h</a>'].join('\n');
    expect(problems(body)).toEqual(['5 warning broken-link', '6 warning broken-link', '7 warning broken-link']);
  });

  it('a page permalink is not a missing post', () => {
    const site = siteContext(files, [record({ url: '/blog/hello/' })], '', ['/blog/archive/']);
    const facts = contentFacts(input('[a](/blog/archive/) [b](/blog/gone/) [c](/blog/hello)'));
    expect(checkReferences(facts, site).map((p) => p.message)).toEqual(['links to /blog/gone/, but no post of this site has that URL: readers get "page not found"']);
  });

  it('render_with_liquid: false turns the Liquid checks off', () => {
    expect(problems('{% post_url 2020-01-01-nope %}', { frontMatter: { render_with_liquid: false } })).toEqual([]);
  });
});

describe('checkContent', () => {
  const codes = (over: Partial<ContentInput>, body = '', settings = DEFAULT_CHECK_SETTINGS) => checkContent(contentFacts(input(body, over)), settings).map((p) => `${p.line ?? ''} ${p.code} ${p.field ?? ''}`.trim());

  it('Liquid in a code fence, with the line', () => {
    expect(codes({}, 'x\n```\n{{ site.title }}\n```')).toEqual(['6 liquid-in-code']);
  });

  it('title over 60 and description outside 50–160, on their lines', () => {
    const long = 'A'.repeat(61);
    expect(codes({ frontMatter: { title: long, description: 'short' }, keyLines: { title: 2, description: 3 } })).toEqual(['2 title-length title', '3 description-length description']);
    expect(codes({ frontMatter: { title: 'A'.repeat(60), description: 'd'.repeat(50) } })).toEqual([]);
    expect(codes({ frontMatter: { title: 'ok', description: 'd'.repeat(161) } })).toEqual(['description-length description']);
    expect(codes({ frontMatter: { title: '日本語'.repeat(20) } })).toEqual([]);
  });

  it('limits from postwright: checks:', () => {
    const { settings, warnings } = checkSettingsFrom({ postwright: { checks: { title_max: 10, description_min: 5, description_max: 'many' } } });
    expect(settings).toEqual({ titleMax: 10, descriptionMin: 5, descriptionMax: 160 });
    expect(warnings).toEqual(["_config.yml: postwright.checks.description_max should be a whole number, not 'many'; using 160"]);
    expect(codes({ frontMatter: { title: 'Eleven char', description: 'tiny' }, keyLines: { title: 2, description: 3 } }, '', settings)).toEqual(['2 title-length title', '3 description-length description']);
  });
});

describe('checkDuplicateTitles', () => {
  it('translations (another lang:) may share a title', () => {
    const en = record({ path: '_posts/en/a.md', title: 'Newsletter #1' });
    const ja = record({ path: '_posts/ja/a.md', title: 'Newsletter #1' });
    expect(checkDuplicateTitles([en, ja], new Map(), new Map([['_posts/en/a.md', 'en'], ['_posts/ja/a.md', 'ja']]))).toEqual([]);
    expect(checkDuplicateTitles([en, ja])).toHaveLength(2);
  });

  it('flags posts sharing a title regardless of case and spacing', () => {
    const a = record({ path: '_posts/a.md', title: 'Hello  World' });
    const b = record({ path: '_posts/b.md', title: 'hello world' });
    const c = record({ path: '_posts/c.md', title: 'Other' });
    const got = checkDuplicateTitles([a, b, c], new Map([['_posts/a.md', 2]]));
    expect(got.map((p) => `${p.path}:${p.line ?? ''} ${p.code}`)).toEqual(['_posts/a.md:2 duplicate-title', '_posts/b.md: duplicate-title']);
  });
});

describe('site context', () => {
  it('sitePathForUrl', () => {
    expect(sitePathForUrl("{{ '/x/y.html' | relative_url }}#a", '')).toBe('/x/y.html');
    expect(sitePathForUrl('{{site.baseurl}}/a/', '')).toBe('/a/');
    expect(sitePathForUrl('/blog/a/', '/blog')).toBe('/a/');
    expect(sitePathForUrl('//cdn/x', '')).toBeNull();
  });

  it('post_url under a category folder (cat/_posts)', () => {
    const site = siteContext([], [record({ path: 'cat/_posts/2020-03-04-x.md', slug: 'x', date: '2020-03-04T00:00:00+00:00' })], '');
    expect(postForPostUrl(site, 'cat/2020-03-04-x')?.path).toBe('cat/_posts/2020-03-04-x.md');
    expect(postForPostUrl(site, '/2020-03-04-x')?.path).toBe('cat/_posts/2020-03-04-x.md');
  });
});
