/**
 * Writes `{"result": …}` as JSON, a long list in pieces: one JSON.stringify of 10,000 post
 * records holds the event loop for tens of ms, so a list is written a slice of items at a time,
 * yielding between slices. The bytes are the same as JSON.stringify({ result }).
 */
import type { ServerResponse } from 'node:http';
import { sliceClock, yieldToLoop } from '../core/util/batches';

/** Lists shorter than this are written at once. */
const STREAM_FROM = 1000;
const PIECE = 250;

export async function writeJsonResult(res: ServerResponse, headers: Record<string, string>, result: unknown): Promise<void> {
  res.writeHead(200, headers);
  if (!Array.isArray(result) || result.length < STREAM_FROM) return void res.end(JSON.stringify({ result }));
  const clock = sliceClock(8);
  res.write('{"result":[');
  for (let i = 0; i < result.length; i += PIECE) {
    let piece = '';
    const end = Math.min(i + PIECE, result.length);
    for (let j = i; j < end; j++) piece += (j ? ',' : '') + (JSON.stringify(result[j]) ?? 'null');
    res.write(piece);
    if (res.destroyed) return;
    if (clock.due()) {
      await yieldToLoop();
      clock.reset();
    }
  }
  res.end(']}');
}
