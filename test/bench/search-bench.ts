/**
 * Find figures on the 10,000-post site: quick open per keystroke (fuzzysort matching alone, and in
 * Debian's Chromium from keydown to the results on screen) and full-text search (first query,
 * which reads every post, then further queries from memory).
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createCoreService } from '../../electron/core/service/create-service';
import { startWebHost } from '../../electron/web/web-host';
import { createMatcher, matchPosts, prepareTargets } from '../../renderer/find/quick-open-match';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WYSE = 'Debian 12 SystemD Nightly Reboots on Dell Wyse 3040s';
/** What a person types into quick open: words of generated titles, a path fragment, and the Wyse post. */
const QUICK_QUERIES = ['wyse reboot', 'lantern harbor', 'copper orchard', 'part 4521', '2019 falcon', 'summit canvas willow'];
/** Full-text queries: two common words (thousands of posts), three rarer ones, code, no hit. */
const TEXT_QUERIES = ['river stone', 'copper orchard winter', 'const answer', 'nightly reboots wyse', 'falcon basalt ember tide', 'xylophone quartz'];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const ms = (v: number) => `${v.toFixed(1)} ms`;
const stats = (v: number[]) => `p50 ${ms(percentile(v, 50))}, p95 ${ms(percentile(v, 95))} (${v.length} keystrokes)`;

export async function searchBench(site: string, rendererDir: string, log: (line: string) => void): Promise<void> {
  await writeFile(path.join(site, '_posts', '2031-01-01-wyse-reboots.md'), `---\ntitle: "${WYSE}"\nlayout: post\n---\nA systemd timer reboots each thin client at night.\n`);
  const service = await createCoreService({ userDataDir: path.join(os.tmpdir(), `pw-search-bench-${process.pid}`), sampleDir: site, host: 'web', assetBase: '/site-file/', canChooseFolder: false, cacheDir: false, watch: false });
  await service.api.openSite({ path: site });
  try {
    const posts = await service.api.listPosts();
    // Quick open, matching alone: what each keystroke costs before React renders the top 50.
    let t = performance.now();
    const targets = prepareTargets(posts);
    const prepareMs = performance.now() - t;
    // One query first, untimed: the JIT compiles fuzzysort once per session, not per keystroke.
    for (let i = 1; i <= 6; i++) createMatcher(targets)('summit'.slice(0, i), 50);
    const perKey: number[] = [];
    const perKeyCpu: number[] = [];
    for (const query of QUICK_QUERIES) {
      // One matcher per opening of quick open, as the dialog does.
      const match = createMatcher(targets);
      for (let i = 1; i <= query.length; i++) {
        const cpu = process.cpuUsage();
        t = performance.now();
        match(query.slice(0, i), 50);
        perKey.push(performance.now() - t);
        const used = process.cpuUsage(cpu);
        perKeyCpu.push((used.user + used.system) / 1000);
      }
    }
    const first = matchPosts('wyse reboot', targets, 50)[0]?.record.title;
    log(`find: load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores (figures below grow with it)`);
    log(`find: quick open matching (fuzzysort, ${targets.length} posts): prepare once ${ms(prepareMs)}; per keystroke after one warm-up query ${stats(perKey)} (target p95 ≤ 30 ms), CPU time p50 ${ms(percentile(perKeyCpu, 50))}, p95 ${ms(percentile(perKeyCpu, 95))}; "wyse reboot" → first: ${first === WYSE ? 'the Wyse post' : `WRONG (${first})`}`);

    // Full-text search through the service (the same call both transports make).
    const coldCpu = process.cpuUsage();
    t = performance.now();
    const cold = await service.api.searchPosts({ query: TEXT_QUERIES[0], limit: 100 });
    const coldMs = performance.now() - t;
    const coldUsed = process.cpuUsage(coldCpu);
    const warm: string[] = [];
    const warmMs: number[] = [];
    const warmCpu: number[] = [];
    for (const query of TEXT_QUERIES) {
      for (let run = 0; run < 3; run++) {
        const cpu = process.cpuUsage();
        t = performance.now();
        const hits = await service.api.searchPosts({ query, limit: 100 });
        const took = performance.now() - t;
        const used = process.cpuUsage(cpu);
        warmCpu.push((used.user + used.system) / 1000);
        warmMs.push(took);
        if (run === 2) warm.push(`"${query}" ${ms(took)} (${hits.length === 100 ? '100+' : hits.length} hits)`);
      }
    }
    log(`find: full-text search, first query (reads ${posts.length} posts into memory): ${ms(coldMs)}, CPU time ${ms((coldUsed.user + coldUsed.system) / 1000)} (${cold.length} hits shown)`);
    log(`find: full-text search from memory: p50 ${ms(percentile(warmMs, 50))}, max ${ms(Math.max(...warmMs))} (target ≤ 300 ms), CPU time p50 ${ms(percentile(warmCpu, 50))}, max ${ms(Math.max(...warmCpu))}: ${warm.join('; ')}`);
    const heap = process.memoryUsage();
    log(`find: process heap after caching every post's text: ${(heap.heapUsed / 1024 / 1024).toFixed(0)} MB used, ${(heap.external / 1024 / 1024).toFixed(0)} MB external`);

    if (!existsSync(CHROMIUM)) return log(`find: quick open in Chromium skipped: no Chromium at ${CHROMIUM}`);
    await quickOpenInChromium(service, rendererDir, log);
  } finally {
    await service.close();
  }
}

/** Keydown → results list updated and → next frame, typing into quick open in web mode. */
async function quickOpenInChromium(service: Awaited<ReturnType<typeof createCoreService>>, rendererDir: string, log: (line: string) => void): Promise<void> {
  const host = await startWebHost({ service, rendererDir, port: 0 });
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(host.openUrl);
    await page.waitForSelector('.post-row');
    const painted: number[] = [];
    const updated: number[] = [];
    const floor: number[] = [];
    for (const query of QUICK_QUERIES) {
      await page.keyboard.press('Control+p');
      const input = page.getByRole('combobox', { name: 'Quick open' });
      await input.waitFor();
      await page.evaluate(() => {
        const w = window as unknown as { __qo: { key: number; dom: number; paint: number; floor: number }[] };
        w.__qo = [];
        const input = document.querySelector('[cmdk-input]')!;
        const list = document.querySelector('[cmdk-list]')!;
        input.addEventListener('keydown', (e) => {
          const entry = { key: e.timeStamp, dom: 0, paint: 0, floor: 0 };
          w.__qo.push(entry);
          requestAnimationFrame(() => (entry.floor = performance.now()));
        });
        input.addEventListener('input', () => {
          const entry = w.__qo[w.__qo.length - 1];
          // React renders a discrete input event's update before the event returns; the frame after shows it.
          queueMicrotask(() => requestAnimationFrame(() => (entry.paint = performance.now())));
        });
        new MutationObserver(() => {
          const entry = w.__qo[w.__qo.length - 1];
          if (entry && !entry.dom) entry.dom = performance.now();
        }).observe(list, { childList: true, subtree: true, characterData: true });
      });
      await page.keyboard.type(query, { delay: 120 });
      await page.waitForTimeout(200);
      const rows = await page.evaluate(() => (window as unknown as { __qo: { key: number; dom: number; paint: number; floor: number }[] }).__qo);
      for (const r of rows) {
        if (r.paint) painted.push(r.paint - r.key);
        if (r.dom) updated.push(r.dom - r.key);
        if (r.floor) floor.push(r.floor - r.key);
      }
      if (query === 'wyse reboot') {
        const top = await page.locator('[cmdk-item]').first().textContent();
        log(`find: quick open in Chromium, "wyse reboot" → first row: ${top?.startsWith(WYSE) ? 'the Wyse post' : `WRONG (${top})`}`);
      }
      await page.keyboard.press('Escape');
    }
    log(`find: quick open in Chromium (web mode, 10,000 posts, typed at 120 ms a key): keydown → list updated ${stats(updated)}; → next frame painted ${stats(painted)} (target p95 ≤ 30 ms); frame floor ${stats(floor)}`);
  } finally {
    await browser.close();
    await host.close();
  }
}
