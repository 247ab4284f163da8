/**
 * A Transport for tests in Node that talks to the web host like the browser does: JSON calls
 * and server-sent events, presenting the token in a header instead of the browser's cookie.
 */
import { request, type IncomingMessage } from 'node:http';
import { eventNames, type EventName, type MethodName, type Transport } from '../../shared/api/contract';

export function createNodeHttpTransport(port: number, token: string): Transport & { close(): void } {
  const listeners = new Set<(event: EventName, payload: unknown) => void>();
  let stream: IncomingMessage | null = null;
  let closed = false;
  const headers = { host: `127.0.0.1:${port}`, 'x-postwright-token': token };

  const openEvents = () => {
    if (stream || closed) return;
    const req = request({ host: '127.0.0.1', port, path: '/api/events', headers }, (res) => {
      stream = res;
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (name && data && (eventNames as readonly string[]).includes(name)) {
            for (const l of listeners) l(name as EventName, JSON.parse(data));
          }
        }
      });
    });
    req.on('error', () => undefined);
    req.end();
  };

  return {
    invoke(method: MethodName, req: unknown) {
      const body = JSON.stringify(req ?? {});
      return new Promise((resolve, reject) => {
        const r = request(
          { host: '127.0.0.1', port, path: `/api/call/${method}`, method: 'POST', headers: { ...headers, 'content-type': 'application/json' } },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (text += c));
            res.on('end', () => {
              const parsed = JSON.parse(text || '{}') as { result?: unknown; error?: unknown };
              if (parsed.error) reject(Object.assign(new Error('request failed'), { data: parsed.error }));
              else resolve(parsed.result);
            });
          },
        );
        r.on('error', reject);
        r.end(body);
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      openEvents();
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      stream?.destroy();
    },
  };
}
