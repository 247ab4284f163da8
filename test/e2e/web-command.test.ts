/**
 * `npm run web` as a new user runs it: the built web entry prints its URL with the token on
 * stdout, serves the app with the token, refuses without it, and opens the sample blog when no
 * site is given.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const WEB = path.resolve(__dirname, '../../dist/electron/web.cjs');

function startWebCommand(args: string[], userData: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WEB, '--no-open', '--port', '0', ...args], { env: { ...process.env, POSTWRIGHT_USER_DATA: userData, POSTWRIGHT_CACHE_DIR: path.join(userData, 'cache') } });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 20_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /^(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

describe('npm run web', () => {
  let child: ChildProcess | null = null;
  afterEach(() => {
    child?.kill();
    child = null;
  });

  it('prints a token URL on 127.0.0.1, serves with it, refuses without it, opens the sample blog', async () => {
    const userData = await mkdtemp(path.join(os.tmpdir(), 'pw-webcmd-'));
    const started = await startWebCommand([], userData);
    child = started.child;
    const url = new URL(started.url);
    expect(url.hostname).toBe('127.0.0.1');
    expect((await fetch(`${url.origin}/`)).status).toBeGreaterThanOrEqual(401);
    const first = await fetch(started.url, { redirect: 'manual' });
    const cookie = first.headers.get('set-cookie')?.split(';')[0] ?? '';
    expect(cookie).not.toBe('');
    const page = await fetch(`${url.origin}/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const site = await fetch(`${url.origin}/api/call/getSite`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', origin: url.origin }, body: '{}' });
    expect((await site.json()).result).toMatchObject({ title: 'Field Notes', isSample: true });
  });

  it('refuses a bad port in one line', async () => {
    const r = await new Promise<{ code: number | null; err: string }>((resolve) => {
      const c = spawn(process.execPath, [WEB, '--no-open', '--port', 'abc']);
      let err = '';
      c.stderr.on('data', (d) => (err += d));
      c.on('exit', (code) => resolve({ code, err }));
    });
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
