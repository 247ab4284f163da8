/**
 * Runs the system `git` binary in a repository folder and captures what it says.
 *
 * Sync must never hang on a password prompt or depend on the user's language, so every call
 * runs without a shell, with terminal prompts and askpass helpers off and LC_ALL=C (git's
 * messages are then parseable); a missing git or a folder that is not a repository becomes a
 * typed `GitError` with a sentence a blogger can act on.
 */
import { tokenEnv } from './https-token';
import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { programPath } from '../util/program-path';

/** Why a git call failed before or instead of giving an exit code we can read. */
export type GitErrorKind = 'git-missing' | 'no-folder' | 'not-a-repo' | 'timeout' | 'aborted' | 'failed';

/** A git failure with its kind, the arguments and git's own words. */
export class GitError extends Error {
  readonly kind: GitErrorKind;
  readonly args: readonly string[];
  readonly stderr: string;
  readonly exitCode: number | null;
  constructor(kind: GitErrorKind, message: string, details: { args?: readonly string[]; stderr?: string; exitCode?: number | null } = {}) {
    super(message);
    this.name = 'GitError';
    this.kind = kind;
    this.args = details.args ?? [];
    this.stderr = details.stderr ?? '';
    this.exitCode = details.exitCode ?? null;
  }
}

export interface GitRunOptions {
  /** Kill git after this long (default two minutes; network steps can be slow). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Extra environment on top of the safe defaults. */
  env?: Record<string, string>;
  /** Written to git's stdin (otherwise stdin is closed). */
  input?: string;
}

export interface GitOutput {
  stdout: string;
  stderr: string;
  code: number;
}

const DEFAULT_TIMEOUT_MS = 120_000;

/** Variables that would point git at another repository or let it ask for a password. */
const DROPPED_ENV = ['GIT_ASKPASS', 'SSH_ASKPASS', 'GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_PREFIX'];

/** The environment every git call gets: no prompts, no editor, C locale. */
export function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of DROPPED_ENV) delete env[name];
  return {
    ...env,
    GIT_TERMINAL_PROMPT: '0',
    GCM_INTERACTIVE: 'never',
    SSH_ASKPASS_REQUIRE: 'never',
    GIT_EDITOR: 'true',
    GIT_MERGE_AUTOEDIT: 'no',
    LC_ALL: 'C',
    LANGUAGE: 'C',
    ...tokenEnv(),
    ...extra,
  };
}

/**
 * Runs `git args…` in `root` and resolves with stdout, stderr and the exit code, whatever the
 * code is. Throws `GitError` only when git cannot run, the folder is missing or not a
 * repository, or the call timed out or was aborted.
 */
export async function runGit(root: string, args: readonly string[], options: GitRunOptions = {}): Promise<GitOutput> {
  if (options.signal?.aborted) throw new GitError('aborted', `git ${args[0] ?? ''} was cancelled`, { args });
  const output = await spawnGit(root, args, options);
  if (output.code === 128 && /not a git repository/i.test(output.stderr)) throw notARepo(root, args, output.stderr);
  return output;
}

/** Like `runGit`, but a non-zero exit (other than `okCodes`) throws `GitError('failed')`. */
export async function git(root: string, args: readonly string[], options: GitRunOptions & { okCodes?: number[] } = {}): Promise<GitOutput> {
  const output = await runGit(root, args, options);
  if (output.code !== 0 && !(options.okCodes ?? []).includes(output.code)) {
    const said = firstLines(output.stderr) || firstLines(output.stdout) || `exit code ${output.code}`;
    throw new GitError('failed', `git ${args[0]} failed: ${said}`, { args, stderr: output.stderr, exitCode: output.code });
  }
  return output;
}

/** The first two non-empty lines of git's output, for a one-line message. */
export function firstLines(text: string, count = 2): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, count)
    .join(' ');
}

function notARepo(root: string, args: readonly string[], stderr: string): GitError {
  return new GitError('not-a-repo', `${root} is not a git repository: run 'git init' there and add a remote ('git remote add origin URL') to sync it`, { args, stderr, exitCode: 128 });
}

function spawnGit(root: string, args: readonly string[], options: GitRunOptions): Promise<GitOutput> {
  return new Promise((resolve, reject) => {
    const env = gitEnv(options.env);
    // By its absolute path: never a `git` that the blog's own folder holds (see program-path.ts).
    const git = programPath('git', env);
    if (!git) {
      void missingWhat(root, args).then(reject);
      return;
    }
    const child = spawn(git, args, {
      cwd: root,
      env,
      shell: false,
      windowsHide: true,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let settled = false;
    // A timed-out or cancelled git is killed and the promise settles at once: a grandchild
    // (ssh, a credential helper) may keep the pipes open long after git itself is gone.
    const stop = (why: 'timeout' | 'aborted') => {
      if (settled) return;
      settled = true;
      cleanUp();
      child.kill('SIGTERM');
      child.stdout!.destroy();
      child.stderr!.destroy();
      const stderr = Buffer.concat(err).toString('utf8');
      reject(
        why === 'timeout'
          ? new GitError('timeout', `git ${args[0]} took longer than ${Math.round((options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000)} s and was stopped`, { args, stderr })
          : new GitError('aborted', `git ${args[0]} was cancelled`, { args, stderr }),
      );
    };
    const timer = setTimeout(() => stop('timeout'), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    timer.unref();
    const onAbort = () => stop('aborted');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const cleanUp = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    };
    child.stdout!.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => err.push(chunk));
    if (options.input !== undefined) {
      child.stdin!.on('error', () => undefined); // git may exit before reading all of it
      child.stdin!.end(options.input);
    }
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (settled) return;
      settled = true;
      cleanUp();
      if (error.code !== 'ENOENT') return reject(new GitError('failed', `could not run git: ${error.message}`, { args }));
      // spawn says ENOENT both for a missing program and for a missing working folder.
      void missingWhat(root, args).then(reject);
    });
    child.on('close', (code) => {
      if (settled) return;
      settled = true;
      cleanUp();
      resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), code: code ?? 1 });
    });
  });
}

/** Git could not start: because the folder is not there, or else because git is not. */
function missingWhat(root: string, args: readonly string[]): Promise<GitError> {
  return stat(root).then(
    (s) => (s.isDirectory() ? gitMissing(args) : new GitError('no-folder', `${root} is not a folder`, { args })),
    () => new GitError('no-folder', `${root}: no such folder`, { args }),
  );
}

function gitMissing(args: readonly string[]): GitError {
  return new GitError('git-missing', 'git is not installed or not on PATH: install git (https://git-scm.com/downloads) to sync your blog', { args });
}
