/**
 * The web host refuses everything that is not the page it opened: no token, a foreign Host
 * (DNS rebinding) or a foreign Origin (another site in the same browser) gets 401/403, and no
 * reply ever carries a CORS wildcard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import type { CoreService } from '../../electron/core/service/dispatch';
import type { PostwrightApi } from '../../shared/api/contract';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(port: number, pathName: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: pathName, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** A tiny real service: only the calls these tests make. */
function tinyService(): CoreService {
  const api = {
    getAppInfo: async () => ({ version: 'test', host: 'web', platform: 'linux', assetBase: '/site-file/', canChooseFolder: false }),
    readPost: async ({ path: p }: { path: string }) => ({ path: p, text: 'hello', version: 'v1' }),
  } as unknown as PostwrightApi;
  return {
    api,
    subscribe: () => () => undefined,
    readSiteFile: async (rel) => (rel === 'assets/a.png' ? { bytes: Buffer.from('PNG'), contentType: 'image/png' } : null),
    close: async () => undefined,
  };
}

describe('web host security', () => {
  let host: WebHost;
  let hostHeader: string;
  let auth: Record<string, string>;

  beforeAll(async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pw-renderer-'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>app</title>');
    host = await startWebHost({ service: tinyService(), rendererDir: dir });
    hostHeader = `127.0.0.1:${host.port}`;
    auth = { host: hostHeader, cookie: `pw_token=${host.token}` };
  });
  afterAll(async () => host.close());

  it('listens on 127.0.0.1 and prints a URL with a token', () => {
    expect(host.openUrl).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[A-Za-z0-9_-]{20,}$`));
  });

  it('refuses the page, the API and site files without the token', async () => {
    for (const p of ['/', '/index.html', '/site-file/assets/a.png', '/api/events']) {
      expect((await send(host.port, p, { headers: { host: hostHeader } })).status).toBe(401);
    }
    const call = await send(host.port, '/api/call/getAppInfo', { method: 'POST', headers: { host: hostHeader, 'content-type': 'application/json' }, body: '{}' });
    expect(call.status).toBe(401);
    expect((await send(host.port, '/?token=wrong', { headers: { host: hostHeader } })).status).toBe(401);
  });

  it('trades the URL token for an HttpOnly SameSite cookie and redirects to a clean URL', async () => {
    const reply = await send(host.port, `/?token=${host.token}`, { headers: { host: hostHeader } });
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    expect(String(reply.headers['set-cookie'])).toMatch(/pw_token=.+; HttpOnly; SameSite=Strict; Path=\//);
    const page = await send(host.port, '/', { headers: auth });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('refuses a foreign Host header even with the token (DNS rebinding)', async () => {
    const reply = await send(host.port, '/', { headers: { ...auth, host: `evil.example:${host.port}` } });
    expect(reply.status).toBe(403);
  });

  it('refuses a foreign Origin even with the token', async () => {
    const reply = await send(host.port, '/api/call/getAppInfo', {
      method: 'POST',
      headers: { ...auth, origin: 'https://evil.example', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(reply.status).toBe(403);
  });

  it('answers API calls from its own origin, never with CORS headers', async () => {
    const reply = await send(host.port, '/api/call/getAppInfo', {
      method: 'POST',
      headers: { ...auth, origin: `http://127.0.0.1:${host.port}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body).result.host).toBe('web');
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses unknown methods, non-JSON bodies, bad requests and GET calls', async () => {
    const post = (p: string, body: string, type = 'application/json') =>
      send(host.port, p, { method: 'POST', headers: { ...auth, 'content-type': type }, body });
    expect((await post('/api/call/constructor', '{}')).status).toBe(400);
    expect((await post('/api/call/readPost', '{"path": 5}')).status).toBe(400);
    expect((await post('/api/call/readPost', '{"path": "a", "extra": 1}')).status).toBe(400);
    expect((await post('/api/call/readPost', 'not json')).status).toBe(400);
    expect((await post('/api/call/readPost', '{"path":"a"}', 'text/plain')).status).toBe(415);
    expect((await send(host.port, '/api/call/readPost', { headers: auth })).status).toBe(405);
  });

  it('serves static files only from the renderer folder', async () => {
    expect((await send(host.port, '/../../etc/passwd', { headers: auth })).status).toBe(404);
    expect((await send(host.port, '/%2e%2e/%2e%2e/etc/passwd', { headers: auth })).status).toBe(404);
  });

  it('serves site files through the service with a sandbox CSP', async () => {
    const reply = await send(host.port, '/site-file/assets/a.png', { headers: auth });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('image/png');
    expect(reply.headers['content-security-policy']).toContain('sandbox');
    expect((await send(host.port, '/site-file/..%2F..%2Fetc%2Fpasswd', { headers: auth })).status).toBe(404);
  });
});
