/**
 * Entry point of the bundled `postwright` command line.
 */
import { runCli } from './run-cli';

runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
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
