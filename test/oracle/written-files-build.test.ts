/**
 * What Postwright writes, Jekyll accepts: fields set through the lossless editor on the sample
 * blog build with `--strict_front_matter`, and Jekyll reads back exactly the values we set.
 */
import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setField, setFieldSource, deleteField } from '../../shared/front-matter/edit-front-matter';
import { copySite, jekyllPosts, strictBuild } from '../support/jekyll-oracle';
import { requireTool } from '../support/require-tool';

const SAMPLE = path.resolve(__dirname, '../../resources/sample-blog');

describe.skipIf(!requireTool('jekyll'))('files we write build with jekyll --strict_front_matter', () => {
  it('title with a colon, category with a space, one-word tags string, banner.image, a date', async () => {
    const site = await copySite(SAMPLE);
    const rel = '_posts/2026-03-02-delve-1-first-steps.md';
    const file = path.join(site, rel);
    let text = await readFile(file, 'utf8');
    text = setField(text, ['title'], 'Delve 1: Up: the "North" Ridge').text;
    text = setField(text, ['categories'], ['Field Notes', 'Long Walks']).text;
    text = setField(text, ['tags'], 'alpine').text;
    text = setField(text, ['banner', 'image'], '/assets/images/banners/ridge.svg').text;
    text = setFieldSource(text, ['date'], '2026-03-02 18:45:00 +0800').text;
    text = setField(text, ['note'], 'yes').text;
    text = deleteField(text, ['author']).text;
    await writeFile(file, text);

    const build = await strictBuild(site);
    expect(build.code, build.stderr).toBe(0);
    const post = (await jekyllPosts(site)).find((p) => p.path === rel)!;
    expect(post.title).toBe('Delve 1: Up: the "North" Ridge');
    expect(post.categories).toEqual(['Field Notes', 'Long Walks']);
    expect(post.tags).toEqual(['alpine']);
    expect(post.date).toBe('2026-03-02T11:45:00+01:00');
  });
});
