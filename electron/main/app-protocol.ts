/**
 * Serves the renderer from `app://renderer/` and the open site's files from `pw-site://site/`.
 *
 * Custom protocols (instead of file://) let us send a strict Content-Security-Policy header
 * with the page and confine site files to the site root through the core service.
 */
import { protocol } from 'electron';
import path from 'node:path';
import { readStatic } from '../web/static-files';
import type { CoreService } from '../core/service/dispatch';

export const APP_ORIGIN = 'app://renderer';
export const SITE_ASSET_BASE = 'pw-site://site/';

/**
 * True only for a URL of our own page: scheme `app:` and host exactly `renderer`, with no user
 * info (`app://renderer.evil/` and `app://renderer@evil/` are someone else's).
 */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'app:' && url.host === 'renderer' && !url.username && !url.password;
  } catch {
    return false;
  }
}

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: pw-site:",
  // A theme's fonts load from the site through the confined pw-site route (as images do).
  "font-src 'self' data: pw-site:",
  "connect-src 'self'",
  "frame-src 'self' about:",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/** Must run before the app is ready. */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    { scheme: 'pw-site', privileges: { standard: true, secure: true } },
  ]);
}

export function handleProtocols(rendererDir: string, service: CoreService): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'renderer') return new Response('Not found', { status: 404 });
    const file = await readStatic(path.resolve(rendererDir), url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    const headers: Record<string, string> = { 'content-type': file.type, 'x-content-type-options': 'nosniff' };
    if (file.type.startsWith('text/html')) headers['content-security-policy'] = CSP;
    return new Response(new Uint8Array(file.body), { status: 200, headers });
  });
  protocol.handle('pw-site', async (request) => {
    const url = new URL(request.url);
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname.replace(/^\//, ''));
    } catch {
      return new Response('Bad path', { status: 400 });
    }
    const file = await service.readSiteFile(rel).catch(() => null);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.bytes), {
      status: 200,
      headers: { 'content-type': file.contentType, 'x-content-type-options': 'nosniff', 'content-security-policy': 'sandbox' },
    });
  });
}
