/**
 * Entry point of the bundled `postwright` command line.
 */
import { setFlagsFromString } from 'node:v8';
import { runCli } from './run-cli';

// A command runs once and briefly, with the index worker keeping the second core busy: optimised
// code compiled right away on the thread that needs it beats waiting for a compiler thread that
// gets no core (measured: ~25% less CPU for a cold index of 10,000 posts).
setFlagsFromString('--no-concurrent-recompilation');
// Optimising compiles were ~40% of a cold index's CPU (V8's --trace-opt: 0.7–1 s over both threads),
// most of it big functions with their callees inlined, recompiled whole after a deopt. A smaller
// inlining budget compiles less for code that runs once: ~5% faster cold, 0.1 s less CPU.
setFlagsFromString('--max-inlined-bytecode-size-cumulative=300');

runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  outBytes: (bytes) => process.stdout.write(bytes),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  pretty: process.stdout.isTTY === true,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`postwright: internal error: ${(error as Error).message}\n`);
    process.exitCode = 70;
  },
);
