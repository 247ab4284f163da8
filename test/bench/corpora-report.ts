/**
 * The corpora report: every real post under ../shared/corpora is read, indexed, and put through
 * the lossless editor; a no-op edit and a set-then-restore edit must give back identical bytes.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { setField } from '../../shared/front-matter/edit-front-matter';
import { splitPost } from '../../shared/front-matter/split';
import { readYaml } from '../../shared/yaml/read-yaml';
import { lookupPath } from '../../shared/front-matter/field-path';
import type { PlainValue } from '../../shared/front-matter/yaml-render';
import { indexSite } from '../../electron/core/site/site-index';
import { decodeUtf8 } from '../../electron/core/store/post-file';
import { compareWithPsych } from './psych-compare';
import { corporaOracle } from './corpora-oracle';

async function postFiles(dir: string, out: string[] = [], inPosts = false): Promise<string[]> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) await postFiles(abs, out, inPosts || entry.name === '_posts' || entry.name === '_drafts');
    else if (entry.isFile() && inPosts) out.push(abs);
  }
  return out;
}

/** Folders inside a corpus that hold a `_config.yml` or `_posts` (the sites to index). */
async function siteRoots(dir: string): Promise<string[]> {
  const roots: string[] = [];
  const walk = async (d: string, depth: number) => {
    const entries = await readdir(d, { withFileTypes: true });
    if (entries.some((e) => e.name === '_posts' || e.name === '_config.yml')) roots.push(d);
    if (depth < 3) for (const e of entries) if (e.isDirectory() && !e.name.startsWith('_') && !e.name.startsWith('.')) await walk(path.join(d, e.name), depth + 1);
  };
  await walk(dir, 0);
  return roots;
}

export async function corporaReport(corpora: string, log: (line: string) => void): Promise<void> {
  try {
    await stat(corpora);
  } catch {
    log(`corpora: ${corpora} not found, report skipped`);
    return;
  }
  const names = (await readdir(corpora, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  let files = 0;
  let noopSame = 0;
  let roundTripSame = 0;
  let roundTripTried = 0;
  const problems = new Map<string, string[]>();
  const note = (kind: string, file: string) => {
    const list = problems.get(kind) ?? [];
    list.push(path.relative(corpora, file));
    problems.set(kind, list);
  };
  const yamls: { file: string; yaml: string }[] = [];
  let indexed = 0;
  let indexErrors = 0;
  let indexSkipped = 0;
  let indexMs = 0;
  for (const name of names) {
    for (const root of await siteRoots(path.join(corpora, name))) {
      const started = performance.now();
      const result = await indexSite(root, { cacheDir: false });
      indexMs += performance.now() - started;
      for (const p of result.posts.values()) {
        indexed++;
        if (p.record.error) indexErrors++;
        if (p.record.skipped) indexSkipped++;
      }
    }
    for (const file of await postFiles(path.join(corpora, name))) {
      files++;
      let text: string;
      try {
        text = decodeUtf8(await readFile(file));
      } catch {
        note('not UTF-8', file);
        continue;
      }
      const parts = splitPost(text);
      if (parts.frontMatter) yamls.push({ file, yaml: parts.frontMatter.yaml });
      const read = parts.frontMatter ? readYaml(parts.frontMatter.yaml) : { ok: true as const, value: null };
      if (!read.ok) note(`invalid YAML: ${read.message.replace(/'[^']*'/g, "'…'").slice(0, 70)}`, file);
      const title = read.ok ? lookupPath(read.value, ['title']) : { found: false, value: undefined };
      try {
        const same = title.found ? setField(text, ['title'], title.value as PlainValue) : { text, changed: false };
        if (same.text === text && !same.changed) noopSame++;
        else note('no-op edit changed bytes', file);
      } catch (error) {
        if (read.ok) note(`no-op edit refused: ${(error as Error).message.slice(0, 70)}`, file);
        else noopSame++; // refused on invalid YAML, bytes untouched
      }
      if (read.ok && title.found) {
        roundTripTried++;
        try {
          const changed = setField(text, ['title'], 'Postwright round trip').text;
          const back = setField(changed, ['title'], title.value as PlainValue).text;
          if (back === text) roundTripSame++;
          else note('set then restore differs', file);
        } catch (error) {
          note(`set refused: ${(error as Error).message.slice(0, 70)}`, file);
        }
      }
    }
  }
  log(`corpora: ${names.length} blogs, ${files} post files`);
  log(`  index: ${indexed} files in ${indexMs.toFixed(0)} ms (${indexErrors} with errors, ${indexSkipped} skipped as Jekyll does)`);
  log(`  no-op round trip identical: ${noopSame}/${files} (${((100 * noopSame) / Math.max(1, files)).toFixed(2)}%)`);
  log(`  title set-and-restore identical: ${roundTripSame}/${roundTripTried} (${((100 * roundTripSame) / Math.max(1, roundTripTried)).toFixed(2)}%)`);
  const psych = compareWithPsych(yamls.map((y) => y.yaml));
  if (!psych) log('  YAML vs Ruby Psych: ruby not installed, comparison skipped');
  else {
    log(`  YAML values equal to Ruby Psych (Jekyll's reader): ${psych.same}/${psych.compared} front matters`);
    for (const d of psych.differences.slice(0, 5)) {
      log(`    differs: ${path.relative(corpora, yamls[d.index].file)}: ours ${JSON.stringify(d.ours).slice(0, 160)} / psych ${JSON.stringify(d.psych).slice(0, 160)}`);
    }
  }
  await corporaOracle(corpora, log);
  for (const [kind, list] of [...problems].sort((a, b) => b[1].length - a[1].length)) {
    log(`  ${list.length} × ${kind}: ${list.slice(0, 3).join(', ')}${list.length > 3 ? ', …' : ''}`);
  }
}
