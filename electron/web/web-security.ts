/**
 * The web host's gatekeeping: token, Host and Origin checks, and the headers every reply carries.
 *
 * The host listens on 127.0.0.1 only, but any web page the user visits can still send requests
 * to localhost (and DNS rebinding can make a foreign name resolve here), so each request must
 * prove it comes from the page we opened: the right Host, no foreign Origin, and the token.
 */
import type { IncomingMessage } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';

export const TOKEN_COOKIE = 'pw_token';

/** A fresh random token for one run of the host. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Hosts the page may be reached under; anything else is refused (DNS rebinding). */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** True when the Host header names this server. */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  return allowedHosts(port).has((req.headers.host ?? '').toLowerCase());
}

/** True when there is no Origin (same-origin GETs) or it is this server's own origin. */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** The token a request presents: cookie, or an `x-postwright-token` header (tests, tools). */
export function presentedToken(req: IncomingMessage): string | null {
  const header = req.headers['x-postwright-token'];
  if (typeof header === 'string') return header;
  const cookies = req.headers.cookie ?? '';
  for (const part of cookies.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return rest.join('=');
  }
  return null;
}

/** Constant-time comparison so the token cannot be guessed byte by byte. */
export function tokenMatches(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The app page's Content-Security-Policy: our own scripts only, no eval, no plugins, no
 * framing by others; images from our origin (the site-file route) and data: URLs.
 */
export const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' about: blob:",
  "child-src 'self' about: blob:",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Headers on every response. */
export const BASE_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};
