/**
 * Quick open's fuzzy matching (fuzzysort) over realistic post titles and paths.
 */
import { describe, expect, it } from 'vitest';
import type { PostRecord } from '../../../shared/jekyll/site-types';
import { matchPosts, prepareTargets } from '../../../renderer/find/quick-open-match';
import { toRanges } from '../../../renderer/find/highlight';

const TITLES = [
  'Debian 12 SystemD Nightly Reboots on Dell Wyse 3040s',
  'Reboot your router weekly, or not',
  'Wyse 3040 thin client teardown',
  'Why I reboot my workstation every night',
  'WireGuard on a Raspberry Pi 4',
  'A week in Wyoming: field notes',
  'Reverse proxy with nginx and certbot',
  'Always reboot before you panic',
  'Wyse 5070 as a home server',
  'Nightly builds with GitHub Actions',
  'SystemD timers instead of cron',
  'Rebooting a blog after five years',
];
const slug = (t: string) => t.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const posts: PostRecord[] = TITLES.map((title, i) => ({
  path: `_posts/20${10 + i}/20${10 + i}-03-0${(i % 9) + 1}-${slug(title)}.md`,
  draft: false,
  title,
  date: `20${10 + i}-03-0${(i % 9) + 1}T00:00:00+00:00`,
  slug: slug(title),
  categories: [],
  tags: [],
  published: true,
  layout: 'post',
  url: `/${slug(title)}/`,
}));
const targets = prepareTargets(posts);

describe('quick open matching', () => {
  it.each([
    ['wyse reboot', 'Debian 12 SystemD Nightly Reboots on Dell Wyse 3040s'],
    ['reboot wyse', 'Debian 12 SystemD Nightly Reboots on Dell Wyse 3040s'],
    ['Wyse Reboot', 'Debian 12 SystemD Nightly Reboots on Dell Wyse 3040s'],
    ['wireguard', 'WireGuard on a Raspberry Pi 4'],
    ['rpi wg', 'WireGuard on a Raspberry Pi 4'], // r-p-i in "Raspberry Pi", w-g in "WireGuard"
    ['systemd timers', 'SystemD timers instead of cron'],
    ['nginx', 'Reverse proxy with nginx and certbot'],
    ['2019 proxy', null],
    ['2016 proxy', 'Reverse proxy with nginx and certbot'],
    ['wyse 5070', 'Wyse 5070 as a home server'],
  ])('%j finds %j first', (query, first) => {
    expect(matchPosts(query, targets)[0]?.record.title ?? null).toBe(first);
  });

  it('marks the matched characters of both words in the title', () => {
    const [best] = matchPosts('wyse reboot', targets);
    const marked = toRanges(best.titleIndexes).map(([a, b]) => best.record.title.slice(a, b));
    expect(marked).toEqual(['Reboot', 'Wyse']);
  });

  it('prepares each post list once and shows the newest posts for an empty query', () => {
    expect(prepareTargets(posts)).toBe(targets);
    expect(matchPosts('', targets, 3).map((r) => r.record.title)).toEqual(['Rebooting a blog after five years', 'SystemD timers instead of cron', 'Nightly builds with GitHub Actions']);
  });
});

describe('quick open over a big list', () => {
  // 3,000 filler posts make one or two letters take the cheap path; the real titles are dated newest.
  const filler: PostRecord[] = Array.from({ length: 3000 }, (_, i) => ({ ...posts[0], path: `_posts/2001-01-01-filler-${i}.md`, title: `Quiet meadow ${i}`, date: '2001-01-01T00:00:00+00:00', slug: `filler-${i}`, url: `/filler-${i}/` }));
  const big = prepareTargets([...filler, ...posts]);

  it.each([
    ['w', ['WireGuard on a Raspberry Pi 4', 'Why I reboot my workstation every night', 'Wyse 5070 as a home server']],
    ['re', ['Rebooting a blog after five years', 'Reboot your router weekly, or not', 'Reverse proxy with nginx and certbot']],
  ])('"%s" lists posts with a title word starting so, newest first, marked', (query, firstThree) => {
    const found = matchPosts(query, big, 50);
    const titles = found.map((r) => r.record.title);
    const wordStarts = TITLES.filter((t) => t.toLowerCase().split(/[^a-z0-9]+/).some((w) => w.startsWith(query)));
    for (const t of firstThree) expect(wordStarts).toContain(t);
    expect(new Set(titles.slice(0, wordStarts.length))).toEqual(new Set(wordStarts));
    expect(titles.slice(wordStarts.length).every((t) => t?.startsWith('Quiet meadow') || !wordStarts.includes(t!))).toBe(true);
    expect(found[0].titleIndexes.length).toBe(query.length);
  });

  it('a longer query still ranks with fuzzysort: "wyse reboot" finds the Wyse reboot post first', () => {
    expect(matchPosts('wyse reboot', big, 50)[0].record.title).toBe('Debian 12 SystemD Nightly Reboots on Dell Wyse 3040s');
  });
});
