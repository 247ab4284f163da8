/**
 * Decides whether a test that needs an outside program (jekyll, chromium, git, electron) runs.
 *
 * On a fresh machine such tests are skipped and say why; CI sets POSTWRIGHT_REQUIRE_TOOLS=1 so a
 * missing program fails the run instead of letting it pass by skipping.
 */
import { accessSync, constants } from 'node:fs';
import { spawnSync } from 'node:child_process';

export interface ToolCheck {
  available: boolean;
  /** Why it is unavailable (for the skip message). */
  reason: string;
}

/** Finds `name` on PATH or at an absolute path, and runs `versionArgs` to see that it starts. */
export function checkTool(name: string, versionArgs: string[] = ['--version']): ToolCheck {
  const found = name.includes('/') ? isExecutable(name) : which(name);
  if (!found) return { available: false, reason: `${name} is not installed` };
  const run = spawnSync(name, versionArgs, { encoding: 'utf8', timeout: 30_000 });
  if (run.error || run.status !== 0) {
    return { available: false, reason: `${name} does not start: ${run.error?.message ?? run.stderr.trim().split('\n')[0]}` };
  }
  return { available: true, reason: '' };
}

/**
 * Returns true when the tool is there; otherwise logs `skipped: <why>` and returns false, or
 * throws when POSTWRIGHT_REQUIRE_TOOLS=1 (CI), so a missing tool can never pass silently.
 * Use as `describe.skipIf(!requireTool('jekyll'))(...)`.
 */
export function requireTool(name: string, check: ToolCheck = checkTool(name)): boolean {
  if (check.available) return true;
  if (process.env.POSTWRIGHT_REQUIRE_TOOLS === '1') {
    throw new Error(`${name} is required (POSTWRIGHT_REQUIRE_TOOLS=1) but unavailable: ${check.reason}`);
  }
  console.warn(`skipped: ${check.reason}`);
  return false;
}

function which(name: string): boolean {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && isExecutable(`${dir}/${name}`)) return true;
  }
  return false;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
