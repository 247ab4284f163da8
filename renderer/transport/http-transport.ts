/**
 * Talks to the web host: `POST /api/call/<method>` for calls and server-sent events for events.
 *
 * The token arrives once in the page URL; the host answers the first load with an HttpOnly
 * cookie, so later requests carry it without the renderer ever storing it.
 */
import type { EventName, MethodName, Transport } from '../../shared/api/contract';
import { eventNames } from '../../shared/api/contract';

export function createHttpTransport(base = ''): Transport {
  const listeners = new Set<(event: EventName, payload: unknown) => void>();
  let source: EventSource | null = null;

  const ensureEvents = () => {
    if (source) return;
    source = new EventSource(`${base}/api/events`);
    for (const name of eventNames) {
      source.addEventListener(name, (msg) => {
        const payload = JSON.parse((msg as MessageEvent<string>).data) as unknown;
        for (const listener of listeners) listener(name, payload);
      });
    }
  };

  return {
    async invoke(method: MethodName, req: unknown) {
      const response = await fetch(`${base}/api/call/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(req ?? {}),
        credentials: 'same-origin',
      });
      const body = (await response.json().catch(() => ({}))) as { result?: unknown; error?: unknown };
      if (!response.ok || body.error) {
        throw Object.assign(new Error('request failed'), {
          data: body.error ?? { code: 'internal', message: `HTTP ${response.status}` },
        });
      }
      return body.result;
    },
    subscribe(listener) {
      listeners.add(listener);
      ensureEvents();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
}
