/**
 * Entry point of the bundled `postwright` command line (dist/electron/cli.cjs): sets V8's flags,
 * then runs the command line's bundle (cli-main.cjs, from main.ts) with a code cache.
 *
 * The flags are set here, before any of the bundle is compiled, because a code cache only fits
 * the flags it was made with.
 */
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { codeCacheDir, runWithCodeCache } from './code-cache';

// A command runs once and briefly, with the index worker keeping the second core busy: optimised
// code compiled right away on the thread that needs it beats waiting for a compiler thread that
// gets no core (measured: ~25% less CPU for a cold index of 10,000 posts).
setFlagsFromString('--no-concurrent-recompilation');
// Optimising compiles were ~40% of a cold index's CPU (V8's --trace-opt: 0.7–1 s over both threads),
// most of it big functions with their callees inlined, recompiled whole after a deopt. A smaller
// inlining budget compiles less for code that runs once: ~5% faster cold, 0.1 s less CPU.
setFlagsFromString('--max-inlined-bytecode-size-cumulative=300');

/** The CLI bundle's hash and length, put here by the build (scripts/build-node.mjs). */
declare const CLI_MAIN_KEY: string | undefined;

runWithCodeCache(path.join(__dirname, 'cli-main.cjs'), codeCacheDir(), typeof CLI_MAIN_KEY === 'string' ? CLI_MAIN_KEY : undefined);
