/**
 * The indexer decodes only the head of a post: the record must equal the one read from the
 * whole text, whatever the front matter's length or the white space after its closing fence.
 */
import { describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { indexPostFileSync } from '../../electron/core/site/post-record-file';
import { parseConfigText } from '../../shared/jekyll/config';

const long = Array.from({ length: 120 }, (_, i) => `key_${i}: "value number ${i}"`).join('\n');
const CASES: Record<string, string> = {
  short: '---\ntitle: Short\n---\nbody\n',
  'long front matter': `---\ntitle: Long\n${long}\n---\nbody\n`,
  'white space to the cut': `---\ntitle: Spaces\n---${' '.repeat(2100)}\n\nbody`,
  'blank lines after the fence': `---\ntitle: Blank\n---\n${'\n'.repeat(2100)}body`,
  'no front matter': `# Heading\n${'text '.repeat(600)}`,
  'unclosed': `---\ntitle: Open\n${'x'.repeat(3000)}`,
  'multi-byte at the cut': `---\ntitle: Ünïcödé\n---\n${'é'.repeat(2000)}`,
  'bom': `\uFEFF---\ntitle: Bom\n---\n${'b'.repeat(3000)}`,
  'closing fence late': `---\ntitle: Late\n${'# c\n'.repeat(700)}---\nbody ${'z'.repeat(100)}`,
};

describe('index reads the head of a post', () => {
  it.each(Object.keys(CASES))('%s: the same record as the whole text', async (name) => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'pw-head-'));
    try {
      const rel = '_posts/2024-01-02-case.md';
      await mkdir(path.join(root, '_posts'));
      await writeFile(path.join(root, ...rel.split('/')), CASES[name]);
      const config = parseConfigText('').config;
      const entry = { path: rel, draft: false };
      const whole = indexPostFileSync(root, entry, config, Date.UTC(2030, 0, 1));
      const head = indexPostFileSync(root, entry, config, Date.UTC(2030, 0, 1), true);
      expect(head.record).toEqual(whole.record);
      expect(head.text).toBeUndefined();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
