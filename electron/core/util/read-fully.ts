/**
 * Reads an open file into `buffer` from byte `from` up to byte `to` (file offsets equal buffer
 * offsets), looping because one `read` may return less than asked. Stops early at the end of the
 * file; returns how far it got.
 */
import { readSync } from 'node:fs';

export function readFully(fd: number, buffer: Uint8Array, from: number, to: number): number {
  let at = from;
  while (at < to) {
    const n = readSync(fd, buffer, at, to - at, at);
    if (n === 0) break;
    at += n;
  }
  return at;
}
