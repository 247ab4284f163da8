/**
 * Writes a synthetic Jekyll blog of N posts for benchmarks, in the shapes real blogs use.
 *
 * Front matter varies the way it does in the wild (quoted titles with colons, flow and block
 * lists, space-separated strings, nested banner maps, time zones) so the index does real work.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const WORDS = (
  'river stone lantern meadow quiet harbor signal copper orchard winter paper garden valley ' +
  'engine window market thread compass island ledger morning cinder marble beacon hollow ' +
  'summit canvas willow anchor prairie velvet granite ember tide falcon cedar basalt'
).split(' ');
const TAGS = ['jekyll', 'markdown', 'travel', 'notes', 'hiking', 'code', 'ruby', 'design', 'photos', 'books'];
const CATEGORIES = ['Field Notes', 'Writing Tips', 'Engineering', 'Travel', 'Reviews'];

export interface GenerateOptions {
  posts: number;
  /** Approximate body size of each post in bytes. */
  bodyBytes: number;
  drafts?: number;
}

/** Deterministic pseudo-random numbers so every run benchmarks the same site. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function sentence(rand: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(rand() * WORDS.length)]);
  const text = out.join(' ');
  return text[0].toUpperCase() + text.slice(1) + '.';
}

function body(rand: () => number, bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  let n = 0;
  while (size < bytes) {
    const block =
      n % 7 === 3
        ? `## ${sentence(rand, 3).slice(0, -1)}\n`
        : n % 11 === 5
          ? '```js\nconst answer = 42;\nconsole.log(answer);\n```\n'
          : `${Array.from({ length: 4 }, () => sentence(rand, 12)).join(' ')}\n`;
    parts.push(block);
    size += block.length + 1;
    n++;
  }
  return parts.join('\n');
}

function frontMatter(i: number, rand: () => number, date: Date): string {
  const title = sentence(rand, 4).slice(0, -1);
  const tags = TAGS.filter(() => rand() < 0.25);
  const category = CATEGORIES[i % CATEGORIES.length];
  const stamp = date.toISOString().slice(0, 10);
  const lines = ['---', 'layout: post'];
  lines.push(i % 3 === 0 ? `title: "Part ${i}: ${title}"` : i % 3 === 1 ? `title: '${title}'` : `title: ${title}`);
  lines.push(i % 4 === 0 ? `date: ${stamp} 10:${String(i % 60).padStart(2, '0')}:00 +0800` : `date: ${stamp}`);
  if (i % 2 === 0) lines.push(`categories: [${category}]`);
  else lines.push(`categories:\n  - ${category}`);
  if (i % 5 === 0) lines.push(`tags: ${tags.join(' ') || 'misc'}`);
  else lines.push(`tags: [${tags.join(', ')}]`);
  if (i % 6 === 0) lines.push(`banner:\n  image: /assets/images/banners/b${i % 40}.jpg`);
  if (i % 9 === 0) lines.push('published: false');
  lines.push('---', '');
  return lines.join('\n');
}

/** Creates `dir` with `_config.yml`, `_posts/YYYY/…` and optional `_drafts/`. */
export async function generateSite(dir: string, options: GenerateOptions): Promise<void> {
  const rand = rng(42);
  await mkdir(path.join(dir, '_drafts'), { recursive: true });
  await writeFile(
    path.join(dir, '_config.yml'),
    'title: Generated Blog\ntimezone: UTC\npermalink: /:categories/:year/:month/:day/:title/\n',
  );
  const start = Date.UTC(2005, 0, 1);
  const jobs: Promise<void>[] = [];
  const made = new Set<string>();
  for (let i = 0; i < options.posts; i++) {
    const date = new Date(start + Math.floor((i * 365 * 20 * 86_400_000) / options.posts));
    const year = String(date.getUTCFullYear());
    const slug = `post-${i}-${WORDS[i % WORDS.length]}`;
    const folder = path.join(dir, '_posts', year);
    if (!made.has(folder)) {
      made.add(folder);
      await mkdir(folder, { recursive: true });
    }
    const file = path.join(folder, `${date.toISOString().slice(0, 10)}-${slug}.md`);
    jobs.push(writeFile(file, frontMatter(i, rand, date) + body(rand, options.bodyBytes)));
    if (jobs.length >= 256) await Promise.all(jobs.splice(0));
  }
  for (let i = 0; i < (options.drafts ?? 0); i++) {
    jobs.push(writeFile(path.join(dir, '_drafts', `draft-${i}.md`), frontMatter(i, rand, new Date(start)) + body(rand, options.bodyBytes)));
  }
  await Promise.all(jobs);
}
