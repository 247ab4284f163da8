/**
 * The Layout field offers the gem theme's layouts as well as the site's own `_layouts/`, as Jekyll
 * merges them: a minima blog with no `_layouts/` can still choose `page` or `home`.
 */
import { describe, expect, it } from 'vitest';
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { siteSchema } from '../../electron/core/site/site-schema';
import { loadSiteConfig } from '../../electron/core/site/site-config';
import { findGemDir } from '../../electron/core/theme/find-theme';

const minimaInstalled = await findGemDir('minima');

describe('Layout field choices', () => {
  it.skipIf(!minimaInstalled)('a gem theme adds its layouts to the site\'s own', async () => {
    if (!minimaInstalled) console.log('skipped: the minima gem theme is not installed (apt-get install jekyll-theme-minima)');
    const root = await mkdtemp(path.join(os.tmpdir(), 'pw-layouts-'));
    await cp(path.resolve(__dirname, '../fixtures/sites/minima-blog'), root, { recursive: true });
    await mkdir(path.join(root, '_layouts'), { recursive: true });
    await writeFile(path.join(root, '_layouts', 'gallery.html'), '---\nlayout: default\n---\n{{ content }}\n');
    const schema = await siteSchema(root, (await loadSiteConfig(root)).config);
    const layout = schema.fields.find((f) => f.key === 'layout');
    expect(layout?.choices).toEqual(expect.arrayContaining(['default', 'home', 'page', 'post', 'gallery']));
  });
});
