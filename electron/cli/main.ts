/**
 * The `postwright` command line as a process: arguments and standard streams to runCli. Bundled
 * as dist/electron/cli-main.cjs and started by launch.ts (dist/electron/cli.cjs), which sets V8's
 * flags and keeps a code cache.
 */
import { runCli } from './run-cli';

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
