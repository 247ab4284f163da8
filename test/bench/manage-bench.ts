/**
 * Figures for managing the whole blog: renaming a tag used by 1,000 of 10,000 posts, and
 * opening the image gallery with 2,000 images.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setField } from '../../shared/front-matter/edit-front-matter';
import { loadSiteConfig } from '../../electron/core/site/site-config';
import { scanSite } from '../../electron/core/site/scan-site';
import { applyPlan, planTermOperation } from '../../electron/core/taxonomy/term-batch';
import { buildGallery } from '../../electron/core/images/image-gallery';
import { readYaml } from '../../shared/yaml/read-yaml';
import { splitPost } from '../../shared/front-matter/split';

export async function manageBench(site: string, log: (line: string) => void): Promise<void> {
  const config = (await loadSiteConfig(site)).config;
  const posts = (await scanSite(site, config)).filter((e) => !e.skipped && !e.draft).slice(0, 1000);
  for (const entry of posts) {
    const file = path.join(site, ...entry.path.split('/'));
    const text = await readFile(file, 'utf8');
    const fm = splitPost(text).frontMatter;
    const data = fm ? readYaml(fm.yaml) : null;
    const tags = data?.ok && data.value && typeof data.value === 'object' ? (data.value as Record<string, unknown>).tags : [];
    await writeFile(file, setField(text, ['tags'], [...(Array.isArray(tags) ? (tags as string[]) : []), 'bench-tag']).text);
  }
  const started = performance.now();
  const plan = await planTermOperation(site, config, { op: 'rename', kind: 'tag', from: 'bench-tag', to: 'renamed-tag' });
  const result = await applyPlan(site, plan);
  const ms = performance.now() - started;
  const oneLine = plan.every((f) => f.lines.length === 1);
  log(`rename a tag used by 1,000 of 10,000 posts: ${ms.toFixed(0)} ms, ${result.written.length} files written, one-line diffs: ${oneLine ? 'yes' : 'no'}   (target ≤ 2000 ms)`);

  const dir = path.join(site, 'assets', 'images', 'bench');
  await mkdir(dir, { recursive: true });
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4" fill="#8ab"/></svg>\n';
  await Promise.all(Array.from({ length: 2000 }, (_, i) => writeFile(path.join(dir, `image-${i}.svg`), svg)));
  const t = performance.now();
  const gallery = await buildGallery(site, config);
  log(`image gallery with ${gallery.images.length} images (usage over 10,000 posts): ${(performance.now() - t).toFixed(0)} ms   (target ≤ 1000 ms)`);
}
