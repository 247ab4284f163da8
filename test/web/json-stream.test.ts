/** A long result is written in pieces, byte for byte what one JSON.stringify would write. */
import { describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeJsonResult } from '../../electron/web/json-stream';

async function served(result: unknown): Promise<string> {
  const server = createServer((_req, res) => void writeJsonResult(res, { 'content-type': 'application/json' }, result));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    return await response.text();
  } finally {
    server.close();
  }
}

describe('writeJsonResult', () => {
  it.each([
    ['a short list', [1, 'two', { three: 3 }]],
    ['a long list of records', Array.from({ length: 2600 }, (_, i) => ({ path: `_posts/2024-01-01-p${i}.md`, title: `Post "${i}" – ünïcode`, tags: ['a', 'b'], error: i % 7 ? undefined : 'x' }))],
    ['a long list with holes', Array.from({ length: 1500 }, (_, i) => (i % 3 ? i : undefined))],
    ['an object', { root: '/x', posts: 3 }],
    [
      'an object with a long list (the preview context)',
      { site: { title: 'x', nested: [1, 2] }, skipped: undefined, baseurl: '', posts: Array.from({ length: 1200 }, (_, i) => ({ path: `p${i}`, title: `T ${i}` })), includes: { 'a.html': '<b>"</b>' }, more: Array.from({ length: 1000 }, (_, i) => i) },
    ],
    ['an object whose only value is a long list', { posts: Array.from({ length: 1000 }, (_, i) => [i, null]) }],
    ['null', null],
  ])('%s', async (_name, result) => {
    expect(await served(result)).toBe(JSON.stringify({ result }));
    // A second time (a long list's pieces are kept with it): the same bytes.
    expect(await served(result)).toBe(JSON.stringify({ result }));
  });
});
