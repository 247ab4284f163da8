import { describe, expect, it } from 'vitest';
import { bodyFacts, frontMatterImages, lineOfOffset } from '../../../shared/site/post-facts';

const lines = (...rows: string[]) => rows.join('\n');

describe('bodyFacts', () => {
  it('finds Markdown, reference-style and HTML images with their file lines', () => {
    const body = lines(
      'Intro.',
      '![a cat](/assets/cat.png "Cat")',
      'Text ![dog]({{ site.baseurl }}/img/dog.jpg) and <img class="x" src="/img/owl.gif">',
      '[![badge](/b.svg)](https://example.com)',
      '![ref][pic] and ![pic]',
      '',
      '[pic]: /img/ref.webp',
    );
    const facts = bodyFacts(body, 10);
    expect(facts.images.map((i) => `${i.line} ${i.ref}`)).toEqual([
      '11 /assets/cat.png',
      '12 {{ site.baseurl }}/img/dog.jpg',
      '12 /img/owl.gif',
      '13 /b.svg',
      '14 /img/ref.webp',
      '14 /img/ref.webp',
    ]);
  });

  it('ignores images in code fences, inline code and HTML comments', () => {
    const body = lines('```', '![x](/in-fence.png)', '```', 'Use `![x](/in-code.png)` here.', '<!-- ![x](/commented.png) -->', '~~~~', '<img src="/t.png">', '~~~~', '![ok](/ok.png)');
    expect(bodyFacts(body).images.map((i) => i.ref)).toEqual(['/ok.png']);
  });

  it('finds post_url, link and site-relative links, also inside code (Jekyll runs the tags there too)', () => {
    const body = lines(
      'See [old]({% post_url 2020-01-02-old %}) and [doc]({% link _posts/2020-01-02-old.md %}).',
      '[abs](/2021/03/04/x.html) [ext](https://e.com/a) [rel](other.html) [base]({{ site.baseurl }}/blog/y/)',
      '<a href="/blog/z/">z</a>',
      '```',
      '{% post_url 2019-01-01-in-code %}',
      '```',
      '{% raw %}{% post_url 2019-01-01-raw %}{% endraw %}',
    );
    expect(bodyFacts(body).links.map((l) => `${l.line} ${l.kind} ${l.target}`)).toEqual([
      '1 post_url 2020-01-02-old',
      '1 link _posts/2020-01-02-old.md',
      '2 url /2021/03/04/x.html',
      '2 url {{ site.baseurl }}/blog/y/',
      '3 url /blog/z/',
      '5 post_url 2019-01-01-in-code',
    ]);
  });

  it('reports Liquid inside a code fence once per block, not inside raw', () => {
    const body = lines(
      'Text {{ page.title }} is fine outside code.',
      '```yaml', // 2
      'name: x',
      'run: echo ${{ github.ref }}', // 4
      'again: {{ x }}',
      '```',
      '{% raw %}',
      '```liquid',
      '{{ site.title }}',
      '```',
      '{% endraw %}',
      '```',
      '{% raw %}{{ kept }}{% endraw %}',
      '```',
      '{% highlight ruby %}', // 15
      'puts "{{ value }}"', // 16
      '{% endhighlight %}',
    );
    expect(bodyFacts(body, 1).liquidInCode).toEqual([
      { line: 4, blockLine: 2, sample: '{{ github.ref }}' },
      { line: 16, blockLine: 15, sample: '{{ value }}' },
    ]);
  });

  it('a fence opened or closed next to {% raw %} / {% endraw %} is a fence once Liquid has run', () => {
    const body = lines('{% raw %}```', '{% highlight ruby %}', 'x', '{% endhighlight %}', '```{% endraw %}', '', '{% highlight ruby %}', 'puts 1', '{% endhighlight %}');
    expect(bodyFacts(body).liquidInCode).toEqual([]);
  });

  it('closes a fence only with the same character, at least as long', () => {
    const body = lines('````', '```', '{{ inside }}', '````', '{{ outside }}');
    expect(bodyFacts(body).liquidInCode.map((c) => c.line)).toEqual([3]);
  });

  it('counts lines of CRLF bodies', () => {
    expect(bodyFacts('a\r\n\r\n![x](/x.png)\r\n', 7).images).toEqual([{ ref: '/x.png', line: 9 }]);
  });

  it('reads hostile lines (unclosed brackets, tags, backticks) without blowing up', () => {
    const hostile = '['.repeat(20_000) + ']'.repeat(5) + '{%'.repeat(20_000) + '<img '.repeat(5_000) + '`'.repeat(5_000);
    expect(bodyFacts(hostile)).toEqual({ images: [], links: [], liquidInCode: [] });
    const many = bodyFacts(Array.from({ length: 5000 }, () => '![a](/b.png) `x` <a href="/c/">d</a> {{ e }}').join('\n'));
    expect([many.images.length, many.links.length]).toEqual([5000, 5000]);
  });
});

describe('frontMatterImages', () => {
  it('finds image values at any depth, with the line of their top-level key', () => {
    const fm = { title: 'x', image: { path: '/img/a.png', alt: 'A' }, gallery: ['b.jpg', 'notes.txt'], banner: 'c.webp?v=2' };
    expect(frontMatterImages(fm, { image: 3, gallery: 5, banner: 8 })).toEqual([
      { ref: '/img/a.png', line: 3, field: 'image' },
      { ref: 'b.jpg', line: 5, field: 'gallery' },
      { ref: 'c.webp?v=2', line: 8, field: 'banner' },
    ]);
  });
});

describe('lineOfOffset', () => {
  it('counts the lines before an offset', () => {
    expect(lineOfOffset('---\na: 1\n---\nbody', 13)).toBe(4);
    expect(lineOfOffset('body', 0)).toBe(1);
  });
});
