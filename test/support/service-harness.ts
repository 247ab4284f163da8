/**
 * Starts the real core service (and optionally the web host) on a temp copy of a site, for
 * contract and end-to-end tests.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createApiClient, type ApiClient } from '../../shared/api/create-client';
import type { EventName, MethodName, Transport } from '../../shared/api/contract';
import { createCoreService } from '../../electron/core/service/create-service';
import { dispatchCall, type CoreService } from '../../electron/core/service/dispatch';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { SAMPLE_BLOG } from '../contract/contract-suite';
import { createNodeHttpTransport } from './node-http-transport';

export const RENDERER_DIR = path.resolve(__dirname, '../../dist/renderer');

export async function startService(): Promise<CoreService & { userDataDir: string }> {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'pw-user-'));
  const service = await createCoreService({ userDataDir, sampleDir: SAMPLE_BLOG, host: 'web', assetBase: '/site-file/', canChooseFolder: false, cacheDir: false });
  return Object.assign(service, { userDataDir });
}

/** A client that calls the service in-process, through the same validation as the hosts. */
export function directClient(service: CoreService): ApiClient {
  const transport: Transport = {
    async invoke(method: MethodName, req: unknown) {
      const reply = await dispatchCall(service.api, method, JSON.parse(JSON.stringify(req ?? {})));
      if (!reply.ok) throw Object.assign(new Error(reply.error.message), { data: reply.error });
      return JSON.parse(JSON.stringify(reply.result));
    },
    subscribe(listener: (event: EventName, payload: unknown) => void) {
      return service.subscribe((event, payload) => listener(event, JSON.parse(JSON.stringify(payload))));
    },
  };
  return createApiClient(transport);
}

export interface WebHarness {
  service: CoreService;
  host: WebHost;
  client: ApiClient;
  close(): Promise<void>;
}

/** The web host on 127.0.0.1 with a client over real HTTP + SSE. */
export async function startWeb(site?: string): Promise<WebHarness> {
  const service = await startService();
  if (site) await service.api.openSite({ path: site });
  const host = await startWebHost({ service, rendererDir: RENDERER_DIR, port: 0 });
  const transport = createNodeHttpTransport(host.port, host.token);
  return {
    service,
    host,
    client: createApiClient(transport),
    async close() {
      transport.close();
      await host.close();
      await service.close();
    },
  };
}
