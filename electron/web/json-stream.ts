/**
 * Writes `{"result": …}` as JSON, long lists in pieces: one JSON.stringify of 10,000 post
 * records (or 30,000 problems) holds the event loop for tens of ms, so a long list, whether it is
 * the result or a property of the result (the preview context's posts), is written a piece of
 * items at a time. Between pieces it waits while the socket's buffer is full (a busy browser
 * reads slowly) and yields to the event loop once a slice has run long enough; a drained socket
 * resumes from a process tick, so the yield is checked after the wait too, or the whole list
 * would be written without the loop ever turning. The bytes are the same as
 * JSON.stringify({ result }).
 *
 * The core hands out the same list object again while it is current (a cached check or schema
 * that three page loads ask for), so a list's pieces are kept with it (a WeakMap, gone with the
 * list) and written again without serialising 30,000 problems once per page. Results are never
 * changed after they are handed out.
 */
import type { ServerResponse } from 'node:http';
import { sliceClock, yieldToLoop } from '../core/util/batches';

/** Lists shorter than this are written at once. */
const STREAM_FROM = 1000;
const PIECE = 250;

/** Serialised pieces of lists already written whole, by list. */
const written = new WeakMap<unknown[], string[]>();

const isLong = (value: unknown): value is unknown[] => Array.isArray(value) && value.length >= STREAM_FROM;

/** A plain object (not an array, not something with its own toJSON) with a long list among its values. */
function hasLongList(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  return Object.values(value).some(isLong);
}

/**
 * `pause` is how a slice yields: by default it lets background slices run too; a foreground call
 * (the post list a page waits for) passes a plain turn of the loop, since background slices
 * step aside for it anyway and would otherwise make it wait for itself.
 */
export async function writeJsonResult(res: ServerResponse, headers: Record<string, string>, result: unknown, pause: () => Promise<void> = yieldToLoop): Promise<void> {
  res.writeHead(200, headers);
  if (!isLong(result) && !hasLongList(result)) return void res.end(JSON.stringify({ result }));
  const clock = sliceClock(8);
  /** Writes text; false once the response has gone. */
  const put = async (text: string): Promise<boolean> => {
    const more = res.write(text);
    if (res.destroyed) return false;
    if (!more) await drained(res);
    if (res.destroyed) return false;
    if (clock.due()) {
      await pause();
      clock.reset();
    }
    return true;
  };
  const putList = async (list: unknown[], prefix: string): Promise<boolean> => {
    const known = written.get(list);
    if (known) {
      for (let i = 0; i < known.length; i++) if (!(await put(i ? known[i] : prefix + known[i]))) return false;
      return true;
    }
    const pieces: string[] = [];
    for (let i = 0; i < list.length; i += PIECE) {
      const end = Math.min(i + PIECE, list.length);
      let piece = i ? '' : '[';
      for (let j = i; j < end; j++) piece += (j ? ',' : '') + (JSON.stringify(list[j]) ?? 'null');
      pieces.push(piece);
      if (!(await put(i ? piece : prefix + piece))) return false;
    }
    pieces.push(']');
    written.set(list, pieces);
    return put(']');
  };
  if (isLong(result)) {
    if (!(await putList(result, '{"result":'))) return;
    return void res.end('}');
  }
  // An object: its properties in order, as JSON.stringify writes them (undefined and functions left out).
  let prefix = '{"result":{';
  let first = true;
  for (const [key, value] of Object.entries(result as Record<string, unknown>)) {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    const name = `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (isLong(value)) {
      if (!(await putList(value, prefix + name))) return;
      prefix = '';
    } else prefix += name + JSON.stringify(value);
  }
  res.end(`${prefix}}}`);
}

/** Resolves when the response can take more (or has gone). */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
