/**
 * The shape every `postwright` sub-command has, and the errors a command may raise.
 *
 * Commands live one per file under `commands/` and register in `registry.ts`; they print
 * through `CliIo` so tests can run them in-process and read exactly what a user would see.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface CliIo {
  out(text: string): void;
  /** Bytes straight to the output, where the caller has them as bytes already (the index cache). */
  outBytes?(bytes: Uint8Array): void;
  err(text: string): void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Indent JSON for a person: set when the output is a terminal (compact when piped, as `gh` does). */
  pretty?: boolean;
}

export interface Command {
  name: string;
  /** One line for `postwright help`. */
  summary: string;
  /** Usage line(s) without the leading `postwright `. */
  usage: string;
  /** Returns the exit code. Throw `UsageError` for a user mistake. */
  run(argv: string[], io: CliIo): Promise<number>;
}

/** A mistake by the user (bad arguments, missing file): one line, exit code 2, no stack. */
export class UsageError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.name = 'UsageError';
    this.exitCode = exitCode;
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** `util.parseArgs` with our error style: unknown flags become a `UsageError`. */
export function parseCommandArgs<T extends Options>(argv: string[], options: T, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]}\nusage: postwright ${usage}`);
  }
}

/** Prints a value as JSON followed by a newline: indented on a terminal, one line for programs. */
export function printJson(io: CliIo, value: unknown): void {
  io.out((io.pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value)) + '\n');
}
