/**
 * Writes a 10,000-post blog in the shapes real Jekyll blogs have, for the user-level bench.
 *
 * The older generator (generate-site.ts) keeps the index's fast path busy; this one adds what
 * real front matter holds and what made the index slow: quoted titles with colons and `#`,
 * dates with offsets in several spellings, `tags:` as space-separated strings, a nested
 * `banner:` map, `# comment` lines and trailing comments, commented-out blocks, folded
 * `excerpt: >` scalars, `published:`, empty values, a `defaults:` block with scopes, a
 * `:categories` permalink, posts in a category folder, and ~4 KB bodies with Liquid.
 * Every word is our own; nothing is copied from any corpus.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const WORDS = (
  'kettle lichen ferry quartz bramble plover saddle gantry thistle mizzen cobalt furrow ' +
  'lattice shingle cairn osprey tundra quill hearth spindle estuary pylon juniper mortar ' +
  'rudder sorrel turbine wicket alder bellows crag dynamo fjord gable heron ingot jetty'
).split(' ');
const TAGS = ['jekyll', 'liquid', 'hiking', 'rust', 'typescript', 'gardening', 'film', 'cycling', 'baking', 'maps', 'radio', 'sailing', 'linux', 'photography'];
const CATEGORIES = ['Notes', 'Field Reports', 'Engineering', 'Kitchen', 'Reviews', 'Letters'];
const AUTHORS = ['Ada Lindqvist', 'Tomás Ferreira', 'Priya Raman', 'Jo Okafor'];

export interface RealisticOptions {
  posts: number;
  /** Approximate body size in bytes. */
  bodyBytes?: number;
  drafts?: number;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1103515245 + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)];

function words(rand: () => number, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(pick(rand, WORDS));
  return out.join(' ');
}

function capital(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date line in one of the spellings blogs use (offsets with and without colon, T, no seconds). */
function dateLine(i: number, d: Date): string {
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(8 + (i % 12))}:${pad((i * 7) % 60)}`;
  switch (i % 6) {
    case 0:
      return `date: ${day} ${time}:00 +0800`;
    case 1:
      return `date: ${day} ${time}:00 -0500`;
    case 2:
      return `date: ${day}T${time}:00+02:00`;
    case 3:
      return `date: ${day}`;
    case 4:
      return `date: "${day} ${time}:00 +0000"`;
    default:
      return `date: ${day} ${time}`;
  }
}

function titleLine(i: number, rand: () => number): string {
  const base = capital(words(rand, 3 + (i % 4)));
  switch (i % 5) {
    case 0:
      return `title: "Part ${i % 40}: ${base}"`;
    case 1:
      return `title: '${base}: the ${pick(rand, WORDS)} #${i % 90}'`;
    case 2:
      return `title: ${base}`;
    case 3:
      return `title: "${base} — “${pick(rand, WORDS)}” and it's fine"`;
    default:
      return `title: 'It''s ${base.toLowerCase()}'`;
  }
}

function frontMatter(i: number, rand: () => number, date: Date, draft: boolean): string {
  const tags = TAGS.filter(() => rand() < 0.2);
  if (tags.length === 0) tags.push(pick(rand, TAGS));
  const lines = ['---'];
  lines.push(titleLine(i, rand));
  if (!draft || i % 2 === 0) lines.push(dateLine(i, date));
  if (i % 10 === 4) lines.push('# written on the train; tidy the intro later');
  if (i % 7 !== 0) lines.push(`author: ${pick(rand, AUTHORS)}`);
  // tags: mostly a space-separated string, as many older blogs write them.
  if (i % 3 !== 2) lines.push(`tags: ${tags.join(' ')}`);
  else if (i % 6 === 2) lines.push(`tags: [${tags.join(', ')}]${i % 4 === 0 ? '     # lower-case only' : ''}`);
  else lines.push('tags:', ...tags.map((t) => `  - ${t}`));
  if (i % 4 === 0) lines.push(`categories: [${pick(rand, CATEGORIES)}]`);
  else if (i % 4 === 1) lines.push(`category: ${pick(rand, CATEGORIES)}`);
  else if (i % 4 === 2) lines.push(`categories: ${pick(rand, CATEGORIES).toLowerCase().replace(' ', '-')} ${pick(rand, ['misc', 'longform', 'short'])}`);
  if (i % 3 === 0) {
    lines.push('banner:');
    lines.push(`  image: /assets/images/banners/${pick(rand, WORDS)}-${i % 50}.jpg`);
    if (i % 2 === 0) lines.push(`  caption: "Photo: ${capital(words(rand, 2))}"`);
    lines.push(`  height: ${200 + (i % 5) * 40}`);
  }
  if (i % 10 === 7) lines.push('# image:', '  # path: /assets/images/old-cover.png', '  # alt: an old cover');
  if (i % 8 === 0) lines.push(`published: ${i % 16 === 0 ? 'false' : 'true'}`);
  if (i % 20 === 5) lines.push('excerpt: >', `  ${capital(words(rand, 8))},`, `  ${words(rand, 6)}.`);
  else if (i % 5 === 3) lines.push(`description: "${capital(words(rand, 9))}."`);
  else if (i % 11 === 0) lines.push('description:');
  if (i % 6 === 1) lines.push(`last_modified_at: ${date.getUTCFullYear() + 1}-0${1 + (i % 9)}-1${i % 10}`);
  if (i % 9 === 0) lines.push('toc: true', 'comments: false');
  if (i % 13 === 0) lines.push(`time: "${pad(i % 24)}:30:00"`);
  lines.push('---', '');
  return lines.join('\n');
}

function body(i: number, rand: () => number, bytes: number, dates: string[]): string {
  const parts: string[] = [];
  let size = 0;
  let n = 0;
  while (size < bytes) {
    let block: string;
    switch (n % 9) {
      case 2:
        block = `## ${capital(words(rand, 3))}\n`;
        break;
      case 4:
        block = `{% include figure.html src="/assets/images/${pick(rand, WORDS)}.jpg" caption="${capital(words(rand, 4))}" %}\n`;
        break;
      case 5:
        block = `{% highlight ruby %}\nputs "${words(rand, 2)}"\n{% endhighlight %}\n`;
        break;
      case 7:
        block = `See [the earlier post]({% post_url ${pick(rand, dates)} %}) and ![${pick(rand, WORDS)}]({{ site.baseurl }}/assets/images/${pick(rand, WORDS)}-${i % 30}.png).\n`;
        break;
      default:
        block = `${Array.from({ length: 4 }, () => `${capital(words(rand, 11))}.`).join(' ')} {{ page.title }} *${pick(rand, WORDS)}*.\n`;
    }
    parts.push(block);
    size += block.length + 1;
    n++;
  }
  return parts.join('\n');
}

const CONFIG = `# Site settings
title: "Lichen & Ferry: a field notebook"
description: >-
  Notes from the coast, the kitchen and the terminal.
url: "https://notebook.example.org"
baseurl: ""
timezone: Europe/Berlin
permalink: /:categories/:year/:month/:day/:title:output_ext
markdown: kramdown
exclude: [Gemfile, Gemfile.lock, vendor, README.md]

defaults:
  - scope:
      path: ""
      type: posts
    values:
      layout: post
      comments: true
      banner:
        overlay: dark
  - scope:
      path: "notes/_posts"
    values:
      layout: note
      share: false
  - scope:
      path: "_drafts"
    values:
      layout: draft
`;

/** Creates the site at `dir`; posts in `_posts/YYYY/` and one in eight in `notes/_posts/`. */
export async function generateRealisticSite(dir: string, options: RealisticOptions): Promise<void> {
  const rand = rng(7);
  const bodyBytes = options.bodyBytes ?? 4096;
  await mkdir(path.join(dir, '_layouts'), { recursive: true });
  await mkdir(path.join(dir, '_includes'), { recursive: true });
  await mkdir(path.join(dir, '_drafts'), { recursive: true });
  await writeFile(path.join(dir, '_config.yml'), CONFIG);
  for (const layout of ['default', 'post', 'note', 'draft']) {
    await writeFile(path.join(dir, '_layouts', `${layout}.html`), layout === 'default' ? '<html><body>{{ content }}</body></html>\n' : '---\nlayout: default\n---\n<article>{{ content }}</article>\n');
  }
  await writeFile(path.join(dir, '_includes', 'figure.html'), '<figure><img src="{{ include.src }}"><figcaption>{{ include.caption }}</figcaption></figure>\n');
  const start = Date.UTC(2008, 2, 3);
  const span = 17 * 365 * 86_400_000;
  const dates: string[] = [];
  const names: { file: string; i: number; date: Date }[] = [];
  for (let i = 0; i < options.posts; i++) {
    const date = new Date(start + Math.floor((i * span) / options.posts));
    const stamp = date.toISOString().slice(0, 10);
    const slug = `${WORDS[i % WORDS.length]}-${WORDS[(i * 7) % WORDS.length]}-${i}`;
    const inNotes = i % 8 === 3;
    const folder = inNotes ? path.join(dir, 'notes', '_posts') : path.join(dir, '_posts', String(date.getUTCFullYear()));
    names.push({ file: path.join(folder, `${stamp}-${slug}.md`), i, date });
    dates.push(`${stamp}-${slug}`);
  }
  const folders = new Set(names.map((n) => path.dirname(n.file)));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  let jobs: Promise<void>[] = [];
  for (const { file, i, date } of names) {
    jobs.push(writeFile(file, frontMatter(i, rand, date, false) + body(i, rand, bodyBytes, dates)));
    if (jobs.length >= 256) await Promise.all(jobs.splice(0));
  }
  for (let i = 0; i < (options.drafts ?? 0); i++) {
    jobs.push(writeFile(path.join(dir, '_drafts', `${WORDS[i % WORDS.length]}-draft-${i}.md`), frontMatter(i, rand, new Date(start + span), true) + body(i, rand, bodyBytes, dates)));
  }
  await Promise.all(jobs);
  jobs = [];
}
