/**
 * The figures a user feels on a realistic blog (realistic-site.ts), measured the way they run it:
 * the CLI as a whole process (cold and warm, with peak RSS), Jekyll's own `Site#read` of the same
 * site, web mode's post list over three consecutive page loads, the longest event-loop block in
 * the core, how fast cheap calls answer while a full check runs, and schema/check when warm.
 *
 * Medians of 3 everywhere. POSTWRIGHT_BENCH_POSTS picks the post count (default 10,000).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, openSync, readSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';
import { generateRealisticSite } from './realistic-site';
import { listPaintedAfter, markListPaint } from './list-paint';
import { createCoreService } from '../../electron/core/service/create-service';
import { startWebHost } from '../../electron/web/web-host';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function benchPostCount(): number {
  const n = Number(process.env.POSTWRIGHT_BENCH_POSTS ?? 10_000);
  return Number.isInteger(n) && n > 0 ? n : 10_000;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const runs = (values: number[], unit: (v: number) => string) => values.map(unit).join(', ');

/** One `postwright index SITE --json` as a whole process: wall time and peak RSS (from `/usr/bin/time -v`). */
function cliIndex(cli: string, site: string, cacheDir: string, extraEnv: Record<string, string> = {}, baseEnv: NodeJS.ProcessEnv = process.env): { ms: number; rssMb: number; cpuMs: number; ok: boolean } {
  const env = { ...baseEnv, POSTWRIGHT_CACHE_DIR: cacheDir, ...extraEnv };
  const hasTime = existsSync('/usr/bin/time');
  const command = hasTime ? '/usr/bin/time' : process.execPath;
  const args = hasTime ? ['-v', process.execPath, cli, 'index', site, '--json'] : [cli, 'index', site, '--json'];
  const started = performance.now();
  const run = spawnSync(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 20 });
  const ms = performance.now() - started;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr ?? '');
  // CPU time (user + system, all threads) says how much work it was when other programs share the cores.
  const user = /User time \(seconds\): ([\d.]+)/.exec(run.stderr ?? '');
  const system = /System time \(seconds\): ([\d.]+)/.exec(run.stderr ?? '');
  const cpuMs = user && system ? (Number(user[1]) + Number(system[1])) * 1000 : NaN;
  return { ms, rssMb: rss ? Number(rss[1]) / 1024 : NaN, cpuMs, ok: run.status === 0 };
}

/** This process's environment without one variable. */
function envWithout(name: string): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env[name];
  return env;
}

/** Jekyll 4's `Site#read` of the site, timed inside Ruby (no build, no write). */
function jekyllRead(site: string): number | string {
  const script =
    'require "jekyll"; ' +
    's = Jekyll::Site.new(Jekyll.configuration("source" => ARGV[0], "destination" => File.join(ARGV[0], "_site"), "quiet" => true)); ' +
    't = Time.now; s.reset; s.read; puts((Time.now - t) * 1000); STDERR.puts s.posts.docs.size';
  const run = spawnSync('ruby', ['-e', script, site], { encoding: 'utf8' });
  if (run.status !== 0) return `jekyll read failed: ${(run.stderr || run.error?.message || '').trim().split('\n')[0]}`;
  return Number(run.stdout.trim());
}

interface Gaps {
  /** The longest stretch between two turns of the timer, and the CPU the process and its main thread used in it. */
  longest: { ms: number; cpuMs: number; mainMs: number };
  /** The longest stretch counting only the CPU the main thread (else the process) used in it (at most the stretch itself). */
  ownMs: number;
}

/**
 * The main thread's CPU time in ms, from Linux's per-thread schedstat (nanoseconds on the CPU);
 * null elsewhere. The process's CPU also counts V8's compiler and GC threads and the thread pool,
 * which run beside the event loop without holding it.
 */
function mainThreadCpu(): (() => number) | null {
  try {
    const fd = openSync(`/proc/self/task/${process.pid}/schedstat`, 'r');
    const buf = Buffer.alloc(128);
    const read = () => Number(buf.toString('latin1', 0, readSync(fd, buf, 0, buf.length, 0)).split(' ')[0]) / 1e6;
    return Number.isFinite(read()) ? read : null;
  } catch {
    return null;
  }
}

/**
 * Stretches between turns of a 2 ms timer, with the CPU used in each: on a shared 2-core machine
 * a long stretch with little CPU is the process waiting for a core (Chromium, other programs),
 * not our code holding the loop; min(stretch, main-thread CPU) is what our own work held it.
 */
function loopGaps(): { reset(): void; report(): Gaps } {
  let gaps: Gaps = { longest: { ms: 0, cpuMs: 0, mainMs: 0 }, ownMs: 0 };
  const mainCpu = mainThreadCpu();
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  let lastMain = mainCpu?.() ?? 0;
  setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage();
    const main = mainCpu?.() ?? 0;
    const ms = now - last;
    const cpuMs = (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000;
    const mainMs = mainCpu ? main - lastMain : cpuMs;
    if (ms > gaps.longest.ms) gaps.longest = { ms, cpuMs, mainMs };
    gaps.ownMs = Math.max(gaps.ownMs, Math.min(ms, mainMs));
    last = now;
    lastCpu = cpu;
    lastMain = main;
  }, 2).unref();
  return { reset: () => (gaps = { longest: { ms: 0, cpuMs: 0, mainMs: 0 }, ownMs: 0 }), report: () => gaps };
}

const gapNote = (gaps: Gaps) =>
  `the longest gap between timer turns ${gaps.longest.ms.toFixed(0)} ms, in which the process used ${gaps.longest.cpuMs.toFixed(0)} ms of CPU, its main thread ${gaps.longest.mainMs.toFixed(0)} ms; longest counting only the main thread's own CPU ${gaps.ownMs.toFixed(0)} ms`;

/** `--child-web SITE CACHE`: the core and web host in their own process, as `npm run web` runs them. */
export async function runWebChild(site: string, cacheDir: string, rendererDir: string): Promise<void> {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const gap = loopGaps();
  const user = await mkdtemp(path.join(os.tmpdir(), 'pw-bench-web-'));
  const service = await createCoreService({ userDataDir: user, sampleDir: site, host: 'web', assetBase: '/site-file/', canChooseFolder: false, cacheDir });
  const started = performance.now();
  await service.api.openSite({ path: site });
  const openMs = performance.now() - started;
  const openBlockMs = loop.max / 1e6;
  const openGap = gapNote(gap.report());
  loop.reset();
  gap.reset();
  const host = await startWebHost({ service, rendererDir, port: 0 });
  process.send!({ url: host.openUrl, openMs, openBlockMs, openGap });
  process.on('message', async (message: string) => {
    if (message !== 'report') return;
    // Whatever the page loads started is finished (or shared) by these.
    await Promise.all([service.api.getSchema(), service.api.checkSite()]);
    process.send!({ loadsBlockMs: loop.max / 1e6, loadsGap: gapNote(gap.report()) });
    await host.close();
    await service.close();
    await rm(user, { recursive: true, force: true });
    process.exit(0);
  });
}

/** Node flags for the web child, from POSTWRIGHT_BENCH_CHILD_FLAGS (`--cpu-prof`, `--trace-gc`…), to see what held its loop. */
function childFlags(): string[] {
  return (process.env.POSTWRIGHT_BENCH_CHILD_FLAGS ?? '').split(' ').filter(Boolean);
}

async function webLoads(benchFile: string, site: string, cacheDir: string, rendererDir: string, log: (line: string) => void): Promise<void> {
  if (!existsSync(CHROMIUM)) return log(`web: skipped: no Chromium at ${CHROMIUM}`);
  const child = spawn(process.execPath, [...childFlags(), benchFile, '--child-web', site, cacheDir, rendererDir], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = () => new Promise<Record<string, number | string>>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Record<string, number | string>));
    child.once('exit', (code) => reject(new Error(`web child exited with ${code}`)));
  });
  // A failure here must not leave the child (and so this process) running.
  const stop = () => child.kill();
  process.once('exit', stop);
  const ready = await next();
  log(`web: core opened the site (cold index, watcher ready) in ${sec(Number(ready.openMs))}; longest event-loop block while opening ${Number(ready.openBlockMs).toFixed(0)} ms   (target ≤ 50 ms; ${ready.openGap})`);
  const times: number[] = [];
  const seen: number[] = [];
  let browser: Browser;
  try {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  } catch (error) {
    child.kill();
    throw error;
  }
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await markListPaint(page);
    // Three loads in a row, each as soon as the list shows: the earlier loads' schema and check may still run.
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const startedAt = performance.timeOrigin + started;
      await page.goto(String(ready.url));
      await page.waitForSelector('.post-row');
      seen.push(performance.now() - started);
      times.push(await listPaintedAfter(page, startedAt));
    }
  } finally {
    await browser.close();
  }
  log(`web: post list painted on three consecutive loads: ${runs(times, sec)}; worst ${sec(Math.max(...times))}   (target ≤ 1.5 s each; Playwright's waitForSelector saw it at ${runs(seen, sec)})`);
  child.send('report');
  const report = await next();
  log(`web: longest event-loop block in the core during the three loads and their schema/check: ${Number(report.loadsBlockMs).toFixed(0)} ms   (target ≤ 50 ms; ${report.loadsGap})`);
}

/** Cheap calls while a full schema + check runs, then warm schema/check, then after one edited post. */
async function coreResponsiveness(site: string, log: (line: string) => void): Promise<void> {
  const user = await mkdtemp(path.join(os.tmpdir(), 'pw-bench-core-'));
  const service = await createCoreService({ userDataDir: user, sampleDir: site, host: 'web', assetBase: '/site-file/', canChooseFolder: false, cacheDir: path.join(user, 'cache'), watch: false });
  try {
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    let t = performance.now();
    await service.api.openSite({ path: site });
    const openMs = performance.now() - t;
    const posts = await service.api.listPosts();
    const target = posts.find((p) => !p.skipped && !p.draft && !p.error)!.path;
    loop.reset();
    const gaps = loopGaps();
    t = performance.now();
    let done = false;
    const full = Promise.all([service.api.getSchema(), service.api.checkSite()]).finally(() => (done = true));
    const cheap: Record<string, number[]> = { getSite: [], readPost: [], savePost: [] };
    while (!done) {
      let s = performance.now();
      await service.api.getSite();
      cheap.getSite.push(performance.now() - s);
      s = performance.now();
      const post = await service.api.readPost({ path: target });
      cheap.readPost.push(performance.now() - s);
      s = performance.now();
      await service.api.savePost({ path: target, text: post.text, baseVersion: post.version });
      cheap.savePost.push(performance.now() - s);
      await new Promise((r) => setTimeout(r, 20));
    }
    await full;
    const coldMs = performance.now() - t;
    const blockMs = loop.max / 1e6;
    log(`core: in-process cold open ${sec(openMs)}; first schema + check of ${posts.length} posts ${sec(coldMs)}, longest event-loop block meanwhile ${blockMs.toFixed(0)} ms (target ≤ 50 ms; ${gapNote(gaps.report())})`);
    log(`core: while that ran, slowest getSite ${Math.max(...cheap.getSite).toFixed(0)} ms, readPost ${Math.max(...cheap.readPost).toFixed(0)} ms, savePost ${Math.max(...cheap.savePost).toFixed(0)} ms over ${cheap.getSite.length} rounds   (target ≤ 50 ms)`);
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) {
      t = performance.now();
      await Promise.all([service.api.getSchema(), service.api.checkSite()]);
      warm.push(performance.now() - t);
    }
    log(`core: schema + check of ${posts.length} posts, warm: median ${median(warm).toFixed(0)} ms (${runs(warm, (v) => `${v.toFixed(0)} ms`)})   (target ≤ 300 ms)`);
    const post = await service.api.readPost({ path: target });
    await service.api.savePost({ path: target, text: post.text.replace('\n---\n', '\nbench_edit: 1\n---\n'), baseVersion: post.version });
    t = performance.now();
    await Promise.all([service.api.getSchema(), service.api.checkSite()]);
    log(`core: schema + check after editing one post: ${(performance.now() - t).toFixed(0)} ms`);
    const after = await service.api.readPost({ path: target });
    await service.api.savePost({ path: target, text: post.text, baseVersion: after.version });
    loop.disable();
  } finally {
    await service.close();
    await rm(user, { recursive: true, force: true });
  }
}

/** Runs every section on a freshly generated realistic site. */
export async function userBench(benchFile: string, distDir: string, log: (line: string) => void): Promise<void> {
  const posts = benchPostCount();
  const work = await mkdtemp(path.join(os.tmpdir(), 'pw-bench-real-'));
  const site = path.join(work, 'site');
  try {
    let t = performance.now();
    await generateRealisticSite(site, { posts, drafts: 40 });
    // A site at rest, as a user's is: its 80 MB written out, not being flushed while we measure.
    spawnSync('sync');
    log(`machine load (1-minute average) at the start: ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
    // How fast the machine is right now: the figures below move with it (a shared host varies ~1.5× over minutes).
    const empty = [0, 1, 2, 3, 4].map(() => {
      const t0 = performance.now();
      spawnSync(process.execPath, ['-e', '0']);
      return performance.now() - t0;
    });
    log(`machine speed: an empty \`node -e 0\` takes ${median(empty).toFixed(0)} ms (median of 5)`);
    // Node reads NODE_EXTRA_CA_CERTS at every start, before any script runs, building its whole
    // store of root certificates: on this host that is most of a start. Few users set it; the
    // figures without it are what they see.
    const certs = process.env.NODE_EXTRA_CA_CERTS;
    const bareEnv = certs ? envWithout('NODE_EXTRA_CA_CERTS') : null;
    if (bareEnv) {
      const bare = [0, 1, 2, 3, 4].map(() => {
        const t0 = performance.now();
        spawnSync(process.execPath, ['-e', '0'], { env: bareEnv });
        return performance.now() - t0;
      });
      log(`machine speed: NODE_EXTRA_CA_CERTS is set here (${certs}); without it \`node -e 0\` takes ${median(bare).toFixed(0)} ms`);
    }
    log(`\nrealistic site: ${posts} posts + 40 drafts (~4 KB, Liquid, offsets, comments, defaults:, :categories) in ${sec(performance.now() - t)}`);

    if (process.env.POSTWRIGHT_BENCH_ONLY === 'web') {
      // Only the web list and the core's responsiveness (quicker while working on them).
      await webLoads(benchFile, site, path.join(work, 'web-cache'), path.join(distDir, 'renderer'), log);
      await coreResponsiveness(site, log);
      return;
    }
    const cli = path.join(distDir, 'electron', 'cli.cjs');
    const cacheDir = path.join(work, 'cache');
    const cold = [0, 1, 2].map(() => {
      spawnSync('rm', ['-rf', cacheDir]);
      return cliIndex(cli, site, cacheDir);
    });
    // The very first run after installing: no code cache of the CLI's own JavaScript either.
    const first = [0, 1, 2].map(() => {
      spawnSync('rm', ['-rf', cacheDir]);
      return cliIndex(cli, site, cacheDir, { POSTWRIGHT_CODE_CACHE: '0' });
    });
    const warm = [0, 1, 2].map(() => cliIndex(cli, site, cacheDir));
    // The same runs in an environment without NODE_EXTRA_CA_CERTS (see above), cold and warm.
    const bareCold = bareEnv
      ? [0, 1, 2].map(() => {
          spawnSync('rm', ['-rf', cacheDir]);
          return cliIndex(cli, site, cacheDir, {}, bareEnv);
        })
      : [];
    const bareWarm = bareEnv ? [0, 1, 2].map(() => cliIndex(cli, site, cacheDir, {}, bareEnv)) : [];
    if ([...cold, ...first, ...warm, ...bareCold, ...bareWarm].some((r) => !r.ok)) log('cli: a run of `postwright index` failed');
    const coldMs = median(cold.map((r) => r.ms));
    log(`cli: postwright index SITE --json, cold (cache cleared): median ${sec(coldMs)} (${runs(cold.map((r) => r.ms), sec)}), peak RSS ${median(cold.map((r) => r.rssMb)).toFixed(0)} MB, CPU ${sec(median(cold.map((r) => r.cpuMs)))}   (target ≤ 1.00 s, ≤ 250 MB)`);
    log(`cli: the same, also without the code cache of the CLI's JavaScript (a first run after installing): median ${sec(median(first.map((r) => r.ms)))} (${runs(first.map((r) => r.ms), sec)})`);
    log(`cli: postwright index SITE --json, warm: median ${sec(median(warm.map((r) => r.ms)))} (${runs(warm.map((r) => r.ms), sec)}), peak RSS ${median(warm.map((r) => r.rssMb)).toFixed(0)} MB, CPU ${sec(median(warm.map((r) => r.cpuMs)))}   (target ≤ 0.25 s)`);
    if (bareEnv) {
      log(`cli: without NODE_EXTRA_CA_CERTS, cold: median ${sec(median(bareCold.map((r) => r.ms)))} (${runs(bareCold.map((r) => r.ms), sec)}); warm: median ${sec(median(bareWarm.map((r) => r.ms)))} (${runs(bareWarm.map((r) => r.ms), sec)})`);
    }

    if (spawnSync('ruby', ['-e', 'require "jekyll"']).status === 0) {
      const reads = [0, 1, 2].map(() => jekyllRead(site));
      const numbers = reads.filter((r): r is number => typeof r === 'number');
      if (numbers.length < 3) log(`jekyll: ${reads.find((r) => typeof r === 'string')}`);
      else log(`jekyll 4.3 Site#read of the same site: median ${sec(median(numbers))} (${runs(numbers, sec)}); postwright cold is ${(median(numbers) / coldMs).toFixed(1)}× faster   (target ≥ 4×)`);
    } else log('jekyll: not installed, comparison skipped');

    await webLoads(benchFile, site, path.join(work, 'web-cache'), path.join(distDir, 'renderer'), log);
    await coreResponsiveness(site, log);
    await rm(path.join(site, '_site'), { recursive: true, force: true });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
