/**
 * Shared pieces of the reach tests: raw calls that keep the HTTP status, a hash of a folder tree
 * (links recorded, never followed), and a sample blog with hostile symlinks and a git repository.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { MethodName } from '../../shared/api/contract';
import { dispatchCall, statusForError, type CoreService } from '../../electron/core/service/dispatch';
import { copySampleBlog } from './contract-suite';

export type CallOutcome = { ok: true; status: number; result: unknown } | { ok: false; status: number; code: string; message: string };
export type RawCaller = (method: MethodName, req: unknown) => Promise<CallOutcome>;

/** Calls through `dispatchCall`, as the desktop app's IPC handlers do; the status is what the web host would send. */
export function directCaller(service: CoreService): RawCaller {
  return async (method, req) => {
    const reply = await dispatchCall(service.api, method, JSON.parse(JSON.stringify(req ?? {})));
    if (reply.ok) return { ok: true, status: 200, result: reply.result };
    return { ok: false, status: statusForError(reply.error.code), code: reply.error.code, message: reply.error.message };
  };
}

/** Calls over real HTTP with the token, keeping the status the host sent. */
export function httpCaller(port: number, token: string): RawCaller {
  return (method, req) =>
    new Promise((resolve, reject) => {
      const r = request(
        {
          host: '127.0.0.1',
          port,
          path: `/api/call/${method}`,
          method: 'POST',
          headers: { host: `127.0.0.1:${port}`, 'x-postwright-token': token, 'content-type': 'application/json' },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            let body: { result?: unknown; error?: { code: string; message: string } } = {};
            try {
              body = JSON.parse(text || '{}');
            } catch {
              body = { error: { code: 'unparsable', message: text } };
            }
            if (status === 200) resolve({ ok: true, status, result: body.result });
            else resolve({ ok: false, status, code: body.error?.code ?? 'none', message: body.error?.message ?? text });
          });
        },
      );
      r.on('error', reject);
      r.end(JSON.stringify(req ?? {}));
    });
}

/**
 * Git's own bookkeeping, which a background `git status`/`fetch` of the open site rewrites or
 * creates and removes at any moment (the index refresh, lock files, FETCH_HEAD): not API writes.
 */
const GIT_VOLATILE = /(^|\/)\.git\/(index|FETCH_HEAD|ORIG_HEAD|[^/]*\.lock|.*\/[^/]*\.lock)$/;

/** Every file, folder and link under `dir` with a hash of its content (links by target, not followed). */
export async function treeHashes(dir: string, prefix = '', out = new Map<string, string>()): Promise<Map<string, string>> {
  for (const name of await readdir(dir)) {
    const abs = path.join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    if (GIT_VOLATILE.test(rel)) continue;
    const info = await lstat(abs).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null; // vanished while we walked (git's own temp files)
      throw error;
    });
    if (!info) continue;
    if (info.isSymbolicLink()) out.set(rel, `link:${await readlink(abs)}`);
    else if (info.isDirectory()) {
      out.set(rel, 'dir');
      await treeHashes(abs, rel, out);
    } else out.set(rel, createHash('sha1').update(await readFile(abs)).digest('hex'));
  }
  return out;
}

/** Paths added, removed or changed between two tree hashes. */
export function changedPaths(before: Map<string, string>, after: Map<string, string>): string[] {
  const out = new Set<string>();
  for (const [p, h] of before) if (after.get(p) !== h) out.add(p);
  for (const p of after.keys()) if (!before.has(p)) out.add(p);
  return [...out].sort();
}

export const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

export interface HostileSite {
  site: string;
  /** A folder outside the site the links point into, with a secret and its own `_config.yml`-less content. */
  outside: string;
}

/**
 * The sample blog as a git repository (one commit) with links that lead where no call may go:
 * `link-git` → `.git`, `link-out` → a folder outside, `_posts/link-git` → `../.git`,
 * a "post" linking to `_config.yml`, a "post" linking outside, `assets/link-hooks` → `.git/hooks`,
 * and `_plugins`, `_includes`, `_layouts` files to aim at.
 */
export async function hostileSite(): Promise<HostileSite> {
  const site = await copySampleBlog();
  const outside = await mkdtemp(path.join(os.tmpdir(), 'pw-outside-'));
  await writeFile(path.join(outside, 'secret.md'), '---\ntitle: secret\n---\nnot yours\n');
  await mkdir(path.join(site, '_plugins'), { recursive: true });
  await writeFile(path.join(site, '_plugins', 'existing.rb'), '# a plugin\n');
  await mkdir(path.join(site, '_layouts'), { recursive: true });
  await writeFile(path.join(site, '_layouts', 'default.html'), '<html>{{ content }}</html>\n');
  await mkdir(path.join(site, 'assets', 'images'), { recursive: true });
  git(site, 'init', '--quiet', '-b', 'main');
  git(site, 'add', '-A');
  git(site, 'commit', '--quiet', '-m', 'Initial');
  await symlink('.git', path.join(site, 'link-git'));
  await symlink(outside, path.join(site, 'link-out'));
  await symlink('../.git', path.join(site, '_posts', 'link-git'));
  await symlink('../_config.yml', path.join(site, '_posts', '2026-01-01-linked.md'));
  await symlink(path.join(outside, 'secret.md'), path.join(site, '_posts', '2026-01-02-out.md'));
  await symlink('../.git/hooks', path.join(site, 'assets', 'link-hooks'));
  return { site, outside };
}

/** A 1×1 PNG, base64. */
export const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
