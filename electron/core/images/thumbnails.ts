/**
 * Small thumbnails of PNG and JPEG images for the gallery and pickers, made on first request
 * and cached outside the repository (in the per-user cache folder), keyed by path, size and
 * modification time so an edited image gets a new one.
 *
 * Pure-JS codecs (pngjs, jpeg-js) because native image libraries download binaries at install.
 * Other formats (SVG, GIF, WebP, AVIF) are served as they are and scaled by the browser.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

const MAX_SOURCE_BYTES = 25 * 1024 * 1024;

interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Box-filter downscale of RGBA pixels to at most `size` wide and high. */
export function downscale(src: Rgba, size: number): Rgba {
  const scale = Math.min(1, size / src.width, size / src.height);
  const width = Math.max(1, Math.round(src.width * scale));
  const height = Math.max(1, Math.round(src.height * scale));
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y / scale);
    const y1 = Math.min(src.height, Math.max(y0 + 1, Math.floor((y + 1) / scale)));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(x / scale);
      const x1 = Math.min(src.width, Math.max(x0 + 1, Math.floor((x + 1) / scale)));
      let r = 0, g = 0, b = 0, a = 0, n = 0;
      for (let yy = y0; yy < y1; yy++) {
        for (let xx = x0; xx < x1; xx++) {
          const i = (yy * src.width + xx) * 4;
          r += src.data[i];
          g += src.data[i + 1];
          b += src.data[i + 2];
          a += src.data[i + 3];
          n++;
        }
      }
      const o = (y * width + x) * 4;
      out[o] = r / n;
      out[o + 1] = g / n;
      out[o + 2] = b / n;
      out[o + 3] = a / n;
    }
  }
  return { width, height, data: out };
}

function decode(bytes: Buffer, ext: string): Rgba | null {
  try {
    if (ext === '.png') {
      const png = PNG.sync.read(bytes);
      return { width: png.width, height: png.height, data: png.data };
    }
    if (ext === '.jpg' || ext === '.jpeg') {
      const img = jpeg.decode(bytes, { useTArray: true, maxMemoryUsageInMB: 512, maxResolutionInMP: 100 });
      return { width: img.width, height: img.height, data: img.data };
    }
  } catch {
    return null;
  }
  return null;
}

/** A cached thumbnail of the image at `abs`, or null when it cannot be made (then serve the original). */
export async function thumbnail(abs: string, size: number, cacheDir: string): Promise<{ bytes: Buffer; contentType: string } | null> {
  const ext = path.extname(abs).toLowerCase();
  if (ext !== '.png' && ext !== '.jpg' && ext !== '.jpeg') return null;
  const s = await stat(abs);
  if (s.size > MAX_SOURCE_BYTES) return null;
  const key = createHash('sha1').update(`${abs}\0${size}\0${s.mtimeMs}\0${s.size}`).digest('hex');
  const outExt = ext === '.png' ? '.png' : '.jpg';
  const cached = path.join(cacheDir, 'thumbs', `${key}${outExt}`);
  const contentType = outExt === '.png' ? 'image/png' : 'image/jpeg';
  try {
    return { bytes: await readFile(cached), contentType };
  } catch {
    // Not made yet.
  }
  const source = decode(await readFile(abs), ext);
  if (!source) return null;
  const small = downscale(source, size);
  const bytes =
    outExt === '.png'
      ? PNG.sync.write(Object.assign(new PNG({ width: small.width, height: small.height }), { data: Buffer.from(small.data) }))
      : Buffer.from(jpeg.encode({ width: small.width, height: small.height, data: Buffer.from(small.data) }, 82).data);
  await mkdir(path.dirname(cached), { recursive: true });
  await writeFile(cached, bytes).catch(() => undefined);
  return { bytes, contentType };
}
