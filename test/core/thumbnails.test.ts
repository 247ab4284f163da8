/**
 * Gallery thumbnails: made on first request, cached outside the site, refreshed when the image
 * changes; formats without a codec are served as they are.
 */
import { describe, expect, it } from 'vitest';
import { mkdtemp, readdir, writeFile, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { downscale, thumbnail } from '../../electron/core/images/thumbnails';

function png(width: number, height: number): Buffer {
  const img = new PNG({ width, height });
  img.data.fill(200);
  return PNG.sync.write(img);
}

describe('thumbnails', () => {
  it('a large PNG becomes a small cached PNG, made once', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pw-thumb-'));
    const cache = path.join(dir, 'cache');
    const file = path.join(dir, 'big.png');
    await writeFile(file, png(1200, 800));
    const t = await thumbnail(file, 240, cache);
    expect(t?.contentType).toBe('image/png');
    const read = PNG.sync.read(t!.bytes);
    expect([read.width, read.height]).toEqual([240, 160]);
    expect(await readdir(path.join(cache, 'thumbs'))).toHaveLength(1);
    await thumbnail(file, 240, cache);
    expect(await readdir(path.join(cache, 'thumbs'))).toHaveLength(1);
    await writeFile(file, png(600, 600));
    await utimes(file, new Date(), new Date(Date.now() + 5000));
    const again = PNG.sync.read((await thumbnail(file, 240, cache))!.bytes);
    expect([again.width, again.height]).toEqual([240, 240]);
  });

  it('JPEG too; SVG is left to the browser', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pw-thumb-'));
    const jpg = path.join(dir, 'photo.jpg');
    await writeFile(jpg, Buffer.from(jpeg.encode({ width: 640, height: 480, data: Buffer.alloc(640 * 480 * 4, 128) }, 80).data));
    const t = await thumbnail(jpg, 160, path.join(dir, 'c'));
    expect(jpeg.decode(t!.bytes).width).toBe(160);
    await writeFile(path.join(dir, 'a.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(await thumbnail(path.join(dir, 'a.svg'), 160, path.join(dir, 'c'))).toBeNull();
  });

  it('downscale averages pixels', () => {
    const src = { width: 2, height: 2, data: new Uint8Array([0, 0, 0, 255, 255, 255, 255, 255, 0, 0, 0, 255, 255, 255, 255, 255]) };
    expect([...downscale(src, 1).data]).toEqual([127, 127, 127, 255]);
  });
});
