/**
 * Draws build/icon.png (512×512): a rounded ink-blue tile with a stylised page and pen nib.
 * Run once with `node scripts/make-icon.mjs`; the PNG is committed for electron-builder.
 */
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const size = 512;
const px = new Uint8Array(size * size * 4);

function set(x, y, [r, g, b], a = 255) {
  const i = (y * size + x) * 4;
  const src = a / 255;
  px[i] = Math.round(r * src + px[i] * (1 - src));
  px[i + 1] = Math.round(g * src + px[i + 1] * (1 - src));
  px[i + 2] = Math.round(b * src + px[i + 2] * (1 - src));
  px[i + 3] = Math.max(px[i + 3], a);
}

function inRounded(x, y, x0, y0, x1, y1, r) {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

for (let y = 0; y < size; y++) {
  for (let x = 0; x < size; x++) {
    if (inRounded(x, y, 24, 24, 488, 488, 96)) {
      const t = y / size;
      set(x, y, [Math.round(28 + 20 * t), Math.round(58 + 30 * t), Math.round(110 + 40 * t)]);
    }
    // the page
    if (inRounded(x, y, 120, 96, 360, 416, 18)) set(x, y, [250, 248, 240]);
    // text lines on the page
    for (const ly of [160, 200, 240, 280]) {
      if (y >= ly && y < ly + 12 && x >= 156 && x < (ly === 280 ? 260 : 324)) set(x, y, [120, 132, 150]);
    }
    // the pen: a diagonal band with a nib
    const u = (x - y) / Math.SQRT2;
    const v = (x + y) / Math.SQRT2;
    if (Math.abs(u - 20) < 22 && v > 430 && v < 640) set(x, y, [244, 180, 64]);
    if (Math.abs(u - 20) < 22 - (430 - v) * 0.5 && v >= 386 && v <= 430) set(x, y, [60, 60, 70]);
  }
}

const raw = Buffer.alloc((size * 4 + 1) * size);
for (let y = 0; y < size; y++) {
  raw[y * (size * 4 + 1)] = 0;
  Buffer.from(px.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
}
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const c = Buffer.alloc(4);
  c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(size, 0);
ihdr.writeUInt32BE(size, 4);
ihdr[8] = 8;
ihdr[9] = 6;
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../build/icon.png', import.meta.url), png);
console.log(`build/icon.png: ${png.length} bytes`);
