import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findGemDir, findTheme, installHint } from '../../electron/core/theme/find-theme';
import { themeLayoutNames } from '../../electron/core/theme/theme-layouts';

const tmp: string[] = [];
afterAll(async () => {
  for (const d of tmp) await rm(d, { recursive: true, force: true });
});

async function site(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'pw-theme-'));
  tmp.push(root);
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), text);
  }
  return root;
}

describe('finding the theme', () => {
  it('a site without theme: gets its own layouts only', async () => {
    const root = await site({ '_layouts/post.html': 'x', '_layouts/blog/wide.html': 'y', '_layouts/.hidden.html': 'z' });
    expect(await themeLayoutNames(root, {})).toEqual(['blog/wide', 'post']);
    expect((await findTheme(root, {})).root).toBeNull();
  });

  it('a theme that is not installed is named with how to install it', async () => {
    const root = await site({ '_layouts/post.html': 'x' });
    const lookup = await findTheme(root, { theme: 'jekyll-theme-not-installed-anywhere' });
    expect(lookup.root).toBeNull();
    expect(installHint(lookup)).toMatch(/jekyll-theme-not-installed-anywhere.*bundle install.*gem install jekyll-theme-not-installed-anywhere/s);
    expect(await themeLayoutNames(root, { theme: 'jekyll-theme-not-installed-anywhere' })).toEqual(['post']);
  });

  it('a remote_theme is named and never fetched', async () => {
    const root = await site({});
    const lookup = await findTheme(root, { remote_theme: 'someone/fancy' });
    expect(lookup).toMatchObject({ name: 'someone/fancy', root: null, remote: true });
  });

  it('minima (Debian gem) is found on the gem paths and its layouts are offered', async (ctx) => {
    const minima = await findGemDir('minima');
    if (!minima) {
      console.warn('skipped: the minima gem is not installed (apt install jekyll-theme-minima)');
      return ctx.skip();
    }
    const root = await site({ '_layouts/custom.html': 'x', '_layouts/post.html': 'override' });
    const lookup = await findTheme(root, { theme: 'minima' });
    expect(lookup.root).toBe(minima);
    expect(await themeLayoutNames(root, { theme: 'minima' })).toEqual(['custom', 'default', 'home', 'page', 'post']);
  });
});
