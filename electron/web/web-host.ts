/**
 * The web host: serves the renderer and the API to a browser on 127.0.0.1 only.
 *
 * Routes: `GET /?token=…` (sets the cookie, then redirects to `/`), static renderer files,
 * `POST /api/call/<method>`, `GET /api/events` (server-sent events), `GET /site-file/<path>`
 * (the open site's images for the preview). Everything but the refusal page needs the token.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatchCall, statusForError, type CoreService } from '../core/service/dispatch';
import { readStatic } from './static-files';
import { writeJsonResult } from './json-stream';
import { inForeground } from '../core/util/batches';
import { FOREGROUND_CALLS } from '../core/util/foreground-calls';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
import {
  APP_CSP,
  BASE_HEADERS,
  TOKEN_COOKIE,
  hostAllowed,
  newToken,
  originAllowed,
  presentedToken,
  tokenMatches,
} from './web-security';

export interface WebHostOptions {
  service: CoreService;
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface WebHost {
  url: string;
  /** The URL with the token, to open in a browser. */
  openUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY = 25 * 1024 * 1024;

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? newToken();
  const clients = new Set<ServerResponse>();
  let port = 0;

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error');
      else res.end();
      void error;
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req, port)) return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden: unexpected Host header.\n');
    if (!originAllowed(req, port)) return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden: cross-origin request.\n');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    const queryToken = url.searchParams.get('token');
    if (req.method === 'GET' && queryToken !== null && tokenMatches(queryToken, token)) {
      res.writeHead(303, {
        ...BASE_HEADERS,
        'set-cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        location: '/',
        'cache-control': 'no-store',
      });
      return void res.end();
    }
    if (!tokenMatches(presentedToken(req), token)) {
      return send(res, 401, 'text/plain; charset=utf-8', 'Unauthorized: open the address printed by `npm run web` (it carries the access token).\n');
    }

    if (url.pathname.startsWith('/api/call/')) return handleCall(req, res, url.pathname.slice('/api/call/'.length));
    if (url.pathname === '/api/events' && req.method === 'GET') return handleEvents(req, res);
    if (url.pathname.startsWith('/site-file/') && req.method === 'GET') return handleSiteFile(res, url.pathname.slice('/site-file/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n');
    // A person waits on the page's own files: background slices step aside meanwhile.
    const file = await inForeground(() => readStatic(options.rendererDir, url.pathname));
    if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'Not found\n');
    // Vite names built assets by their content hash: those never change under one name.
    const immutable = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.(js|css)$/.test(url.pathname);
    const headers: Record<string, string> = { 'content-type': file.type, 'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache', etag: file.etag };
    if (file.type.startsWith('text/html')) headers['content-security-policy'] = APP_CSP;
    if (req.headers['if-none-match'] === file.etag) {
      res.writeHead(304, { ...BASE_HEADERS, ...headers });
      return void res.end();
    }
    res.writeHead(200, { ...BASE_HEADERS, ...headers });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  async function handleCall(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Use POST\n');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, { error: { code: 'bad-request', message: 'expected application/json' } });
    }
    let body: unknown;
    try {
      const raw = await readBody(req);
      if (raw === null) return sendJson(res, 413, { error: { code: 'bad-request', message: `the request is larger than ${MAX_BODY / 1048576} MB` } });
      body = raw.length ? JSON.parse(raw) : {};
    } catch (error) {
      return sendJson(res, 400, { error: { code: 'bad-request', message: (error as Error).message } });
    }
    const name = decodeURIComponent(method);
    const answer = async (pause?: () => Promise<void>) => {
      const reply = await dispatchCall(options.service.api, name, body);
      if (reply.ok) return writeJsonResult(res, { ...BASE_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }, reply.result, pause);
      return sendJson(res, statusForError(reply.error.code), { error: reply.error });
    };
    // A call a person waits on stays in the foreground until its last byte is written (the post
    // list is 3 MB on a 10,000-post site), not only while the core computes it.
    if (FOREGROUND_CALLS.has(name)) return inForeground(() => answer(nextTurn));
    return answer();
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      ...BASE_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    clients.add(res);
    req.on('close', () => clients.delete(res));
  }

  async function handleSiteFile(res: ServerResponse, encoded: string): Promise<void> {
    let rel: string;
    try {
      rel = decodeURIComponent(encoded);
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', 'Bad path\n');
    }
    const file = await options.service.readSiteFile(rel).catch(() => null);
    if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'Not found\n');
    res.writeHead(200, {
      ...BASE_HEADERS,
      'content-type': file.contentType,
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      'cache-control': 'no-cache',
    });
    res.end(file.bytes);
  }

  const unsubscribe = options.service.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const client of clients) client.write(frame);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;

  return {
    url,
    openUrl: `${url}?token=${token}`,
    port,
    token,
    async close() {
      unsubscribe();
      for (const client of clients) client.end();
      clients.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { ...BASE_HEADERS, 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { ...BASE_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(value));
}

/**
 * The request body as text, or null when it is larger than MAX_BODY. An oversized body is read to
 * its end and dropped (up to a bound), so the caller gets a 413 instead of a reset connection.
 */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] | null = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) chunks = null;
      if (size > 4 * MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks?.push(chunk);
    });
    req.on('end', () => resolve(chunks ? Buffer.concat(chunks).toString('utf8') : null));
    req.on('error', reject);
  });
}
