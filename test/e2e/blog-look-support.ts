/**
 * Comparing the "Blog look" preview with the page Jekyll builds: a static server for `_site`,
 * what to read from each page (content structure, computed styles), and a tiny pixel diff.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { PNG } from 'pngjs';
import type { Frame, Page } from 'playwright-core';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml', '.xml': 'application/xml' };

/** Serves a built `_site` on 127.0.0.1 under `baseurl`, as GitHub Pages would. */
export async function serveSite(dir: string, baseurl: string): Promise<{ origin: string; close(): Promise<void> }> {
  const base = baseurl.replace(/\/+$/, '');
  const server: Server = createServer((req, res) => {
    void (async () => {
      let p = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (base && p.startsWith(base)) p = p.slice(base.length);
      let file = path.join(dir, path.normalize(p).replace(/^(\.\.[/\\])+/, ''));
      if ((await stat(file).catch(() => null))?.isDirectory()) file = path.join(file, 'index.html');
      const bytes = await readFile(file).catch(() => null);
      if (!bytes) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(bytes);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface PageFacts {
  /** Block elements of the article body in order (`H2`, `P`, `UL`, `LI`…), wrappers left out. */
  blocks: string[];
  /** The body's text with whitespace collapsed. */
  text: string;
  title: string;
  fontFamily: string;
  color: string;
  background: string;
  headingColor: string;
  linkColor: string;
  /** Width of the article's content box, px. */
  contentWidth: number;
}

/** Reads facts from a page or frame; `article` and `body` are CSS selectors of the article and its body. */
export async function pageFacts(target: Page | Frame, article: string, body: string, title: string): Promise<PageFacts> {
  return target.evaluate(
    ({ article, body, title }) => {
      const BLOCKS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'P', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'PRE', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'IMG', 'HR', 'DL', 'DT', 'DD']);
      const root = document.querySelector(body) as HTMLElement;
      const blocks = [...root.querySelectorAll('*')].map((e) => e.tagName).filter((t) => BLOCKS.has(t));
      const cs = (sel: string, prop: string) => {
        const el = document.querySelector(sel);
        return el ? getComputedStyle(el).getPropertyValue(prop) : '';
      };
      const art = document.querySelector(article) as HTMLElement;
      const style = getComputedStyle(root);
      return {
        blocks,
        text: root.innerText.replace(/\s+/g, ' ').trim(),
        title: (document.querySelector(title) as HTMLElement | null)?.innerText.trim() ?? '',
        fontFamily: style.fontFamily,
        color: style.color,
        background: getComputedStyle(document.body).backgroundColor,
        headingColor: cs(`${body} h2`, 'color'),
        linkColor: cs(`${body} a`, 'color'),
        contentWidth: Math.round(art.getBoundingClientRect().width - parseFloat(getComputedStyle(art).paddingLeft) - parseFloat(getComputedStyle(art).paddingRight)),
      };
    },
    { article, body, title },
  );
}

export interface PixelDiff {
  width: number;
  height: number;
  /** Pixels whose colour differs by more than `tolerance` in any channel, over the compared area. */
  ratio: number;
  /** Height difference of the two images, px (different line breaks show here first). */
  heightDelta: number;
}

/** Compares two PNGs over their common area, top-left aligned. */
export function pixelDiff(a: Buffer, b: Buffer, tolerance = 48): PixelDiff {
  const pa = PNG.sync.read(a);
  const pb = PNG.sync.read(b);
  const width = Math.min(pa.width, pb.width);
  const height = Math.min(pa.height, pb.height);
  let differing = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * pa.width + x) * 4;
      const j = (y * pb.width + x) * 4;
      if (Math.abs(pa.data[i] - pb.data[j]) > tolerance || Math.abs(pa.data[i + 1] - pb.data[j + 1]) > tolerance || Math.abs(pa.data[i + 2] - pb.data[j + 2]) > tolerance) differing++;
    }
  }
  return { width, height, ratio: width * height ? differing / (width * height) : 1, heightDelta: Math.abs(pa.height - pb.height) };
}
