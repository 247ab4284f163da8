/**
 * `npm run bench`: prints the speed and memory figures the issues set targets for.
 *
 * Index timings run in a child process each (so peak memory is the index's own and the JIT is
 * cold, as when the app opens a site); the corpora report runs when ../shared/corpora exists.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateSite } from './generate-site';
import { indexSite } from '../../electron/core/site/site-index';
import { setField } from '../../shared/front-matter/edit-front-matter';
import { writeFileAtomic } from '../../electron/core/store/atomic-write';
import { corporaReport } from './corpora-report';
import { uiBench } from './ui-bench';
import { searchBench } from './search-bench';
import { manageBench } from './manage-bench';
import { gitBench } from './git-bench';
import { kramdownCompareCli } from './kramdown-compare';
import { benchPostCount, runWebChild, userBench } from './user-bench';

const POSTS = benchPostCount();

async function childIndex(site: string, cacheDir: string): Promise<{ ms: number; rssMb: number; posts: number; fromCache: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [__filename, '--child-index', site, cacheDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', () => {
      try {
        resolve(JSON.parse(out));
      } catch {
        reject(new Error(`child failed: ${out}`));
      }
    });
  });
}

async function runChild(site: string, cacheDir: string): Promise<void> {
  const started = performance.now();
  const result = await indexSite(site, { cacheDir });
  const ms = performance.now() - started;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ ms, rssMb, posts: result.posts.size, fromCache: result.stats.fromCache }));
}

async function timeJekyllRead(site: string): Promise<string> {
  if (spawnSync('jekyll', ['--version']).status !== 0) return 'jekyll not installed, comparison skipped';
  await mkdir(path.join(site, '_plugins'), { recursive: true });
  await writeFile(path.join(site, '_plugins', 'stop_after_read.rb'), 'Jekyll::Hooks.register :site, :post_read do |site|\n  STDOUT.puts "posts read: #{site.posts.docs.size}"\n  STDOUT.flush\n  exit!(0)\nend\n');
  const started = performance.now();
  const run = spawnSync('jekyll', ['build', '--quiet', '-s', site, '-d', path.join(site, '_site')], { encoding: 'utf8' });
  const ms = performance.now() - started;
  await rm(path.join(site, '_plugins'), { recursive: true, force: true });
  return `${(ms / 1000).toFixed(2)} s (${run.stdout.trim() || run.stderr.trim().split('\n')[0]})`;
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child-index') return runChild(process.argv[3], process.argv[4]);
  if (process.argv[2] === '--kramdown') return kramdownCompareCli(process.argv.slice(3), path.resolve(__dirname, '../../../shared/corpora'));
  if (process.argv[2] === '--child-web') return runWebChild(process.argv[3], process.argv[4], process.argv[5]);
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const work = await mkdtemp(path.join(os.tmpdir(), 'pw-bench-'));
  const site = path.join(work, 'site');
  const cacheDir = path.join(work, 'cache');
  log(`bench: node ${process.version}, ${os.cpus().length} cores, ${os.platform()}`);
  // POSTWRIGHT_BENCH_ONLY=user runs only the realistic-site figures (quicker while iterating), =web only its web and core parts.
  if (process.env.POSTWRIGHT_BENCH_ONLY !== 'classic') await userBench(__filename, path.resolve(__dirname, '..'), log);
  if (process.env.POSTWRIGHT_BENCH_ONLY === 'user' || process.env.POSTWRIGHT_BENCH_ONLY === 'web') return rm(work, { recursive: true, force: true });
  let t = performance.now();
  await generateSite(site, { posts: POSTS, bodyBytes: 4096, drafts: 50 });
  log(`generated ${POSTS} posts (~4 KB bodies) + 50 drafts in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const cold = await childIndex(site, cacheDir);
  log(`index cold:  ${cold.ms.toFixed(0)} ms for ${cold.posts} files, peak RSS ${cold.rssMb.toFixed(0)} MB   (target ≤ 1000 ms, ≤ 250 MB)`);
  const warm = await childIndex(site, cacheDir);
  log(`index warm:  ${warm.ms.toFixed(0)} ms (${warm.fromCache} from cache), peak RSS ${warm.rssMb.toFixed(0)} MB   (target ≤ 200 ms)`);

  const target = path.join(site, '_posts', (await readdir(path.join(site, '_posts'), { recursive: true })).find((n) => n.endsWith('.md'))!);
  t = performance.now();
  const text = await readFile(target, 'utf8');
  const edited = setField(text, ['title'], 'A new title: set by the bench');
  await writeFileAtomic(target, edited.text);
  log(`one set:     ${(performance.now() - t).toFixed(1)} ms (read, lossless edit, verify, atomic write)`);

  log(`jekyll read of the same site: ${await timeJekyllRead(site)}`);
  await uiBench(site, path.resolve(__dirname, '../renderer'), log);
  await searchBench(site, path.resolve(__dirname, '../renderer'), log);
  await manageBench(site, log);
  await gitBench(log);

  await corporaReport(path.resolve(__dirname, '../../../shared/corpora'), log);
  await rm(work, { recursive: true, force: true });
}

void main().catch((error) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? error}\n`);
  process.exitCode = 1;
});
