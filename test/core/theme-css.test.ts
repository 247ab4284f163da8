import { mkdtemp, mkdir, writeFile, rm, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compilePreviewCss } from '../../electron/core/theme/compile-css';
import { loadPreviewTheme } from '../../electron/core/theme/load-theme';
import { readSiteText } from '../../electron/core/theme/read-site-text';
import { findGemDir } from '../../electron/core/theme/find-theme';
import { readThemeAsset } from '../../electron/core/theme/theme-assets';

const tmp: string[] = [];
afterAll(async () => {
  for (const d of tmp) await rm(d, { recursive: true, force: true });
});

async function site(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'pw-theme-css-'));
  tmp.push(root);
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), text);
  }
  return root;
}

describe('stylesheets compiled as Jekyll would', () => {
  it('a vendored theme: assets/css/style.scss with front matter, partials from _sass, Liquid in it; recompiled when a partial changes', async () => {
    const root = await site({
      '_config.yml': 'title: T\naccent: "#0a7"\n',
      'assets/css/style.scss': '---\n---\n$accent: {{ site.accent }};\n@import "theme/base";\n',
      '_sass/theme/_base.scss': 'body { color: $accent; .inner { margin: 0; } }\n',
      'assets/plain.scss': 'body { color: red }\n',
    });
    const config = { title: 'T', accent: '#0a7' };
    const first = await compilePreviewCss(root, config, 'assets/css/style.css');
    expect(first.problems).toEqual([]);
    expect(first.css).toMatch(/body\s*\{\s*color:\s*#0a7;?\s*\}/);
    expect(first.css).toMatch(/body \.inner\s*\{\s*margin:\s*0;?\s*\}/);
    expect(await compilePreviewCss(root, config, 'assets/css/style.css')).toBe(first);
    await writeFile(path.join(root, '_sass/theme/_base.scss'), 'body { color: blue; }\n');
    const later = new Date(Date.now() + 5000);
    await utimes(path.join(root, '_sass/theme/_base.scss'), later, later);
    expect((await compilePreviewCss(root, config, 'assets/css/style.css')).css).toMatch(/color:\s*blue/);
    // Without front matter Jekyll copies a .scss as it is and writes no .css for it.
    expect((await compilePreviewCss(root, config, 'assets/plain.css')).problems[0]).toMatch(/no such stylesheet/);
  });

  it('a Sass error is reported, not thrown', async () => {
    const root = await site({ 'assets/main.scss': '---\n---\nbody { color: $nope; }\n' });
    const out = await compilePreviewCss(root, {}, 'assets/main.css');
    expect(out.css).toBe('');
    expect(out.problems[0]).toMatch(/main\.scss: .*Undefined variable/);
  });

  it('minima: main.css from the gem; a site _sass/minima.scss wins over the theme one (partials then come from the theme)', async (ctx) => {
    if (!(await findGemDir('minima'))) {
      console.warn('skipped: the minima gem is not installed (apt install jekyll-theme-minima)');
      return ctx.skip();
    }
    const plain = await site({});
    const out = await compilePreviewCss(plain, { theme: 'minima' }, 'assets/main.css');
    expect(out.problems).toEqual([]);
    expect(out.css).toContain('.post-title');
    expect(out.css).toContain('.highlight .c {');
    const root = await site({ '_sass/minima.scss': '.site-override { color: #123456; }\n' });
    const overridden = await compilePreviewCss(root, { theme: 'minima' }, 'assets/main.css');
    expect(overridden.css).toContain('#123456');
    expect(overridden.css).not.toContain('.post-title');
    const theme = await loadPreviewTheme(root, { theme: 'minima' });
    expect(theme.theme).toMatchObject({ name: 'minima', found: true });
    expect(Object.keys(theme.layouts).sort()).toEqual(['default', 'home', 'page', 'post']);
    expect(theme.layouts.post.data.layout).toBe('default');
    expect(Object.keys(theme.includes)).toContain('head.html');
    // The theme's own static files, for the site-file route; nothing outside its assets/.
    expect((await readThemeAsset(root, { theme: 'minima' }, 'assets/minima-social-icons.svg'))?.contentType).toBe('image/svg+xml');
    expect(await readThemeAsset(root, { theme: 'minima' }, 'assets/../_layouts/post.html')).toBeNull();
    expect(await readThemeAsset(root, { theme: 'minima' }, '_includes/icon-github.svg')).toBeNull();
  });
});

describe('include_relative reads', () => {
  it('text files of the site only: not dot folders, not outside, not binary', async () => {
    const root = await site({ '_posts/snippet.md': 'hello', '.git/config': 'x', 'bin.dat': 'a\u0000b' });
    expect(await readSiteText(root, '_posts/snippet.md')).toBe('hello');
    expect(await readSiteText(root, '.git/config')).toBeNull();
    expect(await readSiteText(root, '../etc/passwd')).toBeNull();
    expect(await readSiteText(root, 'bin.dat')).toBeNull();
    expect(await readSiteText(root, 'missing.md')).toBeNull();
  });
});
