/**
 * The stand-in `protocol` (https://www.electronjs.org/docs/latest/api/protocol): privileged schemes
 * before ready, `handle` after it, and a `fetch` the harness uses to put the handlers' own bytes
 * and headers in front of Chromium.
 */
import { ElectronRuleError } from './standin-event';
import type { StandinApp } from './app';

const DOCS = 'https://www.electronjs.org/docs/latest/api/protocol';

export interface SchemePrivileges {
  standard?: boolean;
  secure?: boolean;
  bypassCSP?: boolean;
  allowServiceWorkers?: boolean;
  supportFetchAPI?: boolean;
  corsEnabled?: boolean;
  stream?: boolean;
  codeCache?: boolean;
}

type Handler = (request: Request) => Response | Promise<Response>;

export class StandinProtocol {
  readonly privileged = new Map<string, SchemePrivileges>();
  private readonly handlers = new Map<string, Handler>();
  private registered = false;

  constructor(private readonly app: StandinApp) {}

  /** "This method can only be used before the ready event of the app module gets emitted and can be called only once." */
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: SchemePrivileges }[]): void {
    if (this.app.isReady()) throw new ElectronRuleError('registerSchemesAsPrivileged called after ready', `${DOCS}#protocolregisterschemesasprivilegedcustomschemes`);
    if (this.registered) throw new ElectronRuleError('registerSchemesAsPrivileged called twice', `${DOCS}#protocolregisterschemesasprivilegedcustomschemes`);
    this.registered = true;
    for (const { scheme, privileges } of schemes) this.privileged.set(scheme, { ...privileges });
  }

  /** "The protocol module … can only be used after the ready event of the app module is emitted." */
  handle(scheme: string, handler: Handler): void {
    if (!this.app.isReady()) throw new ElectronRuleError(`protocol.handle('${scheme}') before ready`, DOCS);
    if (this.handlers.has(scheme)) throw new ElectronRuleError(`Failed to register protocol: ${scheme} is already handled`, `${DOCS}#protocolhandlescheme-handler`);
    this.handlers.set(scheme, handler);
  }

  unhandle(scheme: string): void {
    this.handlers.delete(scheme);
  }

  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme);
  }

  /** What the handler answers for `url` (a request Chromium would make); 404-like error when none. */
  async fetch(url: string, init?: RequestInit): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = this.handlers.get(scheme);
    if (!handler) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME (${url})`);
    const response = await handler(new Request(url, init));
    // "handler … Function<GlobalResponse | Promise<GlobalResponse>>"
    if (!(response instanceof Response)) throw new ElectronRuleError(`protocol handler for ${scheme}: did not return a Response`, `${DOCS}#protocolhandlescheme-handler`);
    return response;
  }
}
