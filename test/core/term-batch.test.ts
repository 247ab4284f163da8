/**
 * A site-wide tag rename as a batch: the plan holds exactly the posts with the tag (those
 * without it are not even parsed), the writes go out several at a time, and the result lists
 * files in the plan's order, a file changed since the plan as a conflict left as it is.
 */
import { describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { applyPlan, planTermOperation } from '../../electron/core/taxonomy/term-batch';
import { parseConfigText } from '../../shared/jekyll/config';

describe('term batch', () => {
  it('renames the tag in exactly its posts, one line each, and reports in plan order', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'pw-term-batch-'));
    try {
      await mkdir(path.join(root, '_posts'));
      const name = (i: number) => `_posts/2024-01-${String(i + 1).padStart(2, '0')}-post-${i}.md`;
      const texts = new Map<string, string>();
      for (let i = 0; i < 30; i++) {
        // Every third post has the tag, in a flow list, a string or a block list; one without it has a duplicate.
        const tags = i % 3 !== 0 ? (i === 4 ? 'tags: [dup, dup]' : 'tags: [other]') : ['tags: [old-name, keep]', 'tags: old-name keep', 'tags:\n  - keep\n  - old-name'][i % 9 / 3];
        const text = `---\ntitle: "Post ${i}: a colon"\n${tags}\n# a comment\n---\nBody ${i} mentions old-name.\n`;
        texts.set(name(i), text);
        await writeFile(path.join(root, name(i)), text);
      }
      const config = parseConfigText('').config;
      const plan = await planTermOperation(root, config, { op: 'rename', kind: 'tag', from: 'old-name', to: 'new-name' });
      const expected = [...texts.keys()].filter((_, i) => i % 3 === 0).sort();
      expect(plan.map((f) => f.path).sort()).toEqual(expected);
      expect(plan.every((f) => f.lines.length === 1 && f.lines[0].after.includes('new-name'))).toBe(true);

      // One planned post is edited by someone else before the batch writes.
      const changed = plan[2].path;
      await writeFile(path.join(root, changed), `${texts.get(changed)}\nedited elsewhere\n`);
      const progress: number[] = [];
      const result = await applyPlan(root, plan, (done) => progress.push(done));
      expect(result.conflicts).toEqual([changed]);
      expect(result.written).toEqual(plan.map((f) => f.path).filter((p) => p !== changed));
      expect(result.failed).toEqual([]);
      expect(progress).toEqual(plan.map((_, i) => i + 1));

      for (const [rel, before] of texts) {
        const now = await readFile(path.join(root, rel), 'utf8');
        if (rel === changed) expect(now).toBe(`${before}\nedited elsewhere\n`);
        else if (result.written.includes(rel)) expect(now).toBe(before.replace(/old-name(?=[\],\s])/, 'new-name'));
        // Posts without the tag keep every byte, their own duplicates included.
        else expect(now).toBe(before);
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
