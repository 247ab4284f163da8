/**
 * The gallery's usage of each image: front-matter values (nested, quoted, escaped), Markdown and
 * HTML images in bodies, and references to nothing; posts that cannot be read are left out.
 */
import { describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildGallery } from '../../electron/core/images/image-gallery';
import { parseConfigText } from '../../shared/jekyll/config';

describe('image gallery', () => {
  it('finds each image wherever a post names it', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'pw-gallery-'));
    try {
      await mkdir(path.join(root, '_posts'));
      await mkdir(path.join(root, 'assets', 'images'), { recursive: true });
      for (const name of ['banner.png', 'inline.jpg', 'html.svg', 'escaped.png', 'unused.gif']) await writeFile(path.join(root, 'assets', 'images', name), 'x');
      const posts: Record<string, string> = {
        '2024-01-01-banner.md': '---\ntitle: Banner\nbanner:\n  image: /assets/images/banner.png\n---\nNo images here.\n',
        '2024-01-02-inline.md': '---\ntitle: Inline\n---\n![a cat](/assets/images/inline.jpg "title")\n<img class="x" src="/assets/images/html.svg">\n',
        // An escape spells the extension: only a real YAML read finds it.
        '2024-01-03-escaped.md': '---\ntitle: Escaped\nimage: "/assets/images/escaped\\x2Epng"\n---\nBody.\n',
        '2024-01-04-missing.md': '---\ntitle: Missing\nthumbs: [/assets/images/nowhere.webp]\n---\nBody.\n',
        '2024-01-05-none.md': '---\ntitle: None\ntags: [a, b]\n---\nJust text.\n',
      };
      for (const [name, text] of Object.entries(posts)) await writeFile(path.join(root, '_posts', name), text);
      // Not UTF-8: left out, as its own problem report says why.
      await writeFile(path.join(root, '_posts', '2024-01-06-broken.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a, 0x21, 0x5b, 0x5d, 0x28, 0x2f, 0x61, 0x2e, 0x70, 0x6e, 0x67, 0x29]));
      const gallery = await buildGallery(root, parseConfigText('').config);
      const usedBy = Object.fromEntries(gallery.images.map((i) => [i.path, i.usedBy]));
      expect(usedBy).toEqual({
        'assets/images/banner.png': ['_posts/2024-01-01-banner.md'],
        'assets/images/escaped.png': ['_posts/2024-01-03-escaped.md'],
        'assets/images/html.svg': ['_posts/2024-01-02-inline.md'],
        'assets/images/inline.jpg': ['_posts/2024-01-02-inline.md'],
        'assets/images/unused.gif': [],
      });
      expect(gallery.missing).toEqual([{ path: 'assets/images/nowhere.webp', usedBy: ['_posts/2024-01-04-missing.md'] }]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
