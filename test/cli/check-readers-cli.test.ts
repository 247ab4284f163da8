/**
 * `postwright check` on a blog with what readers would trip over: a missing banner and inline
 * image, links to posts that do not exist (post_url, link, a site-relative URL), Liquid inside a
 * code fence, two posts with one title, a long title and a short description, all with the
 * file line; a page's permalink is not a missing post; limits come from `postwright: checks:`;
 * a `:symbol` in `_config.yml` is read as GitHub Pages reads it.
 */
import { describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../electron/cli/run-cli';

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (out += t), cwd, env: { POSTWRIGHT_CACHE_DIR: process.env.POSTWRIGHT_CACHE_DIR } });
  return { code, out };
}

async function write(root: string, rel: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
  await writeFile(path.join(root, rel), text);
}

async function blog(configExtra = ''): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'pw-check-readers-'));
  await write(root, '_config.yml', `title: Tide Tables\npermalink: /log/:year/:title/\nsass:\n  style: :compressed\n${configExtra}`);
  await write(root, 'assets/boat.png', 'png');
  await write(root, '_pages/archive.md', '---\npermalink: /log/2020/everything/\n---\nAll posts.\n');
  await write(root, '_posts/2020-05-01-launch.md', '---\ntitle: Launch day\nbanner: /assets/boat.png\n---\nThe boat floats.\n');
  await write(
    root,
    '_posts/2021-06-02-repairs.md',
    [
      '---', // 1
      'title: Repairs to the hull, the rudder, the mast and the tiller before the summer', // 2
      'description: Too short.', // 3
      'banner: /assets/hull.jpg', // 4
      '---', // 5
      'We fixed it.', // 6
      '', // 7
      '![the hull](/assets/hull-after.jpg)', // 8
      'See [launch]({% post_url 2020-05-01-launch %}) and [sails]({% post_url 2020-05-09-sails %}).', // 9
      'Also {% link _posts/2019-01-01-gone.md %} and [last year](/log/2019/mooring/) and [archive](/log/2020/everything/).', // 10
      '', // 11
      '```liquid', // 12
      '{{ site.title }}', // 13
      '```', // 14
    ].join('\n'),
  );
  await write(root, '_posts/2022-01-01-again.md', '---\ntitle: Launch Day\n---\nA second launch.\n');
  return root;
}

describe('postwright check: what readers would see', () => {
  it('reports each problem with its line, errors for links that stop the build', async () => {
    const root = await blog();
    const r = await cli(['check', root, '--json'], root);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { problems: { path: string; code: string; line?: number; severity: string }[]; config: string[]; counts: Record<string, number> };
    expect(report.config).toEqual([]);
    const repairs = report.problems.filter((p) => p.path === '_posts/2021-06-02-repairs.md').map((p) => `${p.line} ${p.severity} ${p.code}`);
    expect(repairs).toEqual([
      '2 warning title-length',
      '3 warning description-length',
      '4 warning missing-image',
      '8 warning missing-image',
      '9 error broken-post-url',
      '10 error broken-link-tag',
      '10 warning broken-link',
      '13 warning liquid-in-code',
    ]);
    const titles = report.problems.filter((p) => p.code === 'duplicate-title').map((p) => `${p.path}:${p.line}`);
    expect(titles).toEqual(['_posts/2020-05-01-launch.md:2', '_posts/2022-01-01-again.md:2']);
    expect(report.counts['missing-image']).toBe(2);
  });

  it('prints a summary by kind', async () => {
    const root = await blog();
    const r = await cli(['check', root], root);
    expect(r.out).toContain('_posts/2021-06-02-repairs.md:9: error: {% post_url 2020-05-09-sails %}');
    expect(r.out).toMatch(/Broken links: 3/);
    expect(r.out).toMatch(/Missing images: 2/);
  });

  it('takes its limits from postwright: checks: in _config.yml', async () => {
    const root = await blog('postwright:\n  checks:\n    title_max: 100\n    description_min: 5\n');
    const report = JSON.parse((await cli(['check', root, '--json'], root)).out) as { problems: { code: string }[] };
    expect(report.problems.filter((p) => p.code === 'title-length' || p.code === 'description-length')).toEqual([]);
  });

  it('reads the :symbol in _config.yml as GitHub Pages does: the permalink applies', async () => {
    const root = await blog();
    const r = await cli(['index', root, '--json'], root);
    const { posts } = JSON.parse(r.out) as { posts: { path: string; url: string }[] };
    expect(posts.find((p) => p.path === '_posts/2020-05-01-launch.md')?.url).toBe('/log/2020/launch/');
  });
});
