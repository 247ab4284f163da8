/**
 * Dispatches `postwright <command> …` and turns every failure into a one-line message.
 *
 * A blogger running `postwright check` in CI must never see a stack trace for a typo; only an
 * unexpected internal error prints its stack, and only with POSTWRIGHT_DEBUG=1.
 */
import { SourceError } from '../../shared/source-error';
import { UsageError, type CliIo } from './command';
import { commands } from './registry';

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(helpText());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.out(`postwright ${VERSION}\n`);
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.err(`postwright: unknown command '${name}' (try 'postwright help')\n`);
    return 2;
  }
  try {
    return await (await entry.load()).run(rest, io);
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    io.err(`postwright: ${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof SourceError) {
    io.err(`postwright: ${error.describe()}\n`);
    return 1;
  }
  const err = error as NodeJS.ErrnoException;
  if (err && typeof err.code === 'string' && err.path) {
    io.err(`postwright: ${describeFsError(err)}\n`);
    return 2;
  }
  io.err(`postwright: internal error: ${err?.message ?? String(error)}\n`);
  if (io.env.POSTWRIGHT_DEBUG === '1' && err?.stack) io.err(err.stack + '\n');
  return 70;
}

function describeFsError(err: NodeJS.ErrnoException): string {
  const reasons: Record<string, string> = {
    ENOENT: 'no such file or folder',
    EACCES: 'permission denied',
    EISDIR: 'is a folder, not a file',
    ENOTDIR: 'not a folder',
  };
  return `${err.path}: ${reasons[err.code ?? ''] ?? err.message}`;
}

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'postwright: edit and check Jekyll blogs without damaging a byte',
    '',
    'usage: postwright <command> [arguments]',
    '',
    ...lines,
    '',
    "Run 'postwright <command> --help' for a command's options.",
    '',
  ].join('\n');
}

declare const __POSTWRIGHT_VERSION__: string | undefined;
const VERSION = typeof __POSTWRIGHT_VERSION__ === 'string' ? __POSTWRIGHT_VERSION__ : '0.1.0';
