import { describe, expect, it } from 'vitest';
import { checkAcrossPosts, checkAcrossPostsSteps, checkDuplicateTitles, checkDuplicateTitlesSteps } from '../../shared/site/check-rules';
import { inferSchema, inferSchemaSteps, type SchemaInput } from '../../shared/site/schema';
import { postForPostUrl, postForUrl, siteContext, siteContextSteps } from '../../shared/site/site-context';
import { sortSteps, runToEnd, type Stepped } from '../../shared/site/stepped';
import type { PostRecord } from '../../shared/jekyll/site-types';
import { inForeground, runSliced, sliceClock, yieldToLoop } from '../../electron/core/util/batches';

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function posts(n: number): { records: PostRecord[]; frontMatters: Record<string, unknown>[] } {
  const r = random(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)];
  const records: PostRecord[] = [];
  const frontMatters: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const day = `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`;
    const slug = `post-${i % 700}`;
    const title = pick(['Hello', 'hello ', 'Notes: on  things', `Post ${i}`, `Post ${i}`, 'Weekly links']);
    const dir = pick(['_posts', 'notes/_posts', '_drafts']);
    records.push({
      path: `${dir}/${day}-${slug}.md`,
      draft: dir === '_drafts',
      title,
      date: `${day}T10:00:00+02:00`,
      slug,
      categories: [],
      tags: [],
      published: r() > 0.1,
      layout: 'post',
      url: pick([`/${day.replace(/-/g, '/')}/${slug}.html`, `/notes/${slug}/`, `/blog/${slug}%20x/`]),
      ...(r() < 0.02 ? { error: '1:1: bad' } : {}),
      ...(r() < 0.02 ? { skipped: 'no date' } : {}),
    });
    const fm: Record<string, unknown> = { title, layout: pick(['post', 'note']) };
    if (r() < 0.7) fm.tags = pick(['a b c', ['x', 'y'], 'solo']);
    if (r() < 0.3) fm.banner = { image: `/img/${i}.jpg`, caption: 'c' };
    if (r() < 0.03) fm.rare_key = i;
    if (r() < 0.5) fm.author = pick(['ann', 'bo', 'cy']);
    if (r() < 0.1) fm.published = r() < 0.5;
    frontMatters.push(fm);
  }
  return { records, frontMatters };
}

/** Counts the yields of a stepped pass while running it to its end. */
function yields<T>(steps: Stepped<T>): { value: T; yields: number } {
  let n = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { value: step.value, yields: n };
    n++;
  }
}

describe('long passes in slices give the one-pass answer', () => {
  const { records, frontMatters } = posts(5000);
  const langs = new Map(records.filter((_, i) => i % 13 === 0).map((r) => [r.path, 'de']));
  const titleLines = new Map(records.map((r, i) => [r.path, 2 + (i % 3)]));

  it('inferSchema', async () => {
    const input: SchemaInput = { frontMatters, defaults: { layout: 'post', comments: true }, layouts: ['post', 'page'], explicit: { fields: { author: { label: 'Writer' } } } };
    const once = inferSchema(input);
    expect(once.fields.map((f) => f.key)).toContain('banner');
    expect(await runSliced(inferSchemaSteps(input), sliceClock(0))).toEqual(once);
    expect(yields(inferSchemaSteps(input)).yields).toBeGreaterThan(50);
  });

  it('siteContext', async () => {
    const files = new Set(['about.md', 'img/1.jpg', 'blog/index.html']);
    const once = siteContext(files, records, '/base', ['/about/']);
    const sliced = await runSliced(siteContextSteps(files, records, '/base', ['/about/']), sliceClock(0));
    expect([...sliced.byUrl]).toEqual([...once.byUrl]);
    expect([...sliced.byPostUrlName]).toEqual([...once.byPostUrlName]);
    expect([...sliced.byLegacyName]).toEqual([...once.byLegacyName]);
    for (const url of ['/notes/post-3/', '/2011/02/11/post-1.html', '/about/', '/nope/x/', '/blog/post-9 x/']) {
      expect(sliced.isPostLike(url)).toBe(once.isPostLike(url));
      expect(sliced.hasFileFor(url)).toBe(once.hasFileFor(url));
      expect(postForUrl(sliced, url)).toBe(postForUrl(once, url));
    }
    expect(postForPostUrl(sliced, '2011-02-11-post-1')).toBe(postForPostUrl(once, '2011-02-11-post-1'));
    expect(yields(siteContextSteps(files, records, '/base')).yields).toBeGreaterThan(50);
  });

  it('duplicate titles and URLs', async () => {
    const titles = checkDuplicateTitles(records, titleLines, langs);
    expect(titles.length).toBeGreaterThan(100);
    expect(await runSliced(checkDuplicateTitlesSteps(records, titleLines, langs), sliceClock(0))).toEqual(titles);
    const urls = checkAcrossPosts(records);
    expect(urls.length).toBeGreaterThan(100);
    expect(await runSliced(checkAcrossPostsSteps(records), sliceClock(0))).toEqual(urls);
  });

  it('sortSteps orders as Array#sort does, ties in their first order', () => {
    const r = random(3);
    const items = Array.from({ length: 3001 }, (_, i) => ({ key: `k${Math.floor(r() * 500)}`, i }));
    const collator = new Intl.Collator();
    const compare = (a: { key: string }, b: { key: string }) => collator.compare(a.key, b.key);
    expect(runToEnd(sortSteps(items, compare))).toEqual([...items].sort(compare));
    expect(runToEnd(sortSteps([], compare))).toEqual([]);
    expect(runToEnd(sortSteps(items.slice(0, 5), compare))).toEqual(items.slice(0, 5).sort(compare));
  });
});

describe('foreground requests', () => {
  it('hold background slices back until they are done', async () => {
    const order: string[] = [];
    const request = inForeground(async () => {
      for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
      order.push('request');
    });
    const background = (async () => {
      for (let i = 0; i < 3; i++) {
        await yieldToLoop();
        order.push(`slice ${i}`);
      }
    })();
    await Promise.all([request, background]);
    expect(order[0]).toBe('request');
  });
});
