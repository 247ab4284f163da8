/**
 * Electron throws on window.prompt() and its alert/confirm block the whole renderer, so the
 * renderer asks through its own dialogs (renderer/dialogs). This fails when a native one comes back.
 */
import { describe, expect, it } from 'vitest';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';

const RENDERER = path.resolve(__dirname, '../renderer');

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sources(full)));
    else if (/\.(ts|tsx|js|jsx|mjs|html)$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** A call of prompt/confirm/alert that is not a method of our own objects (dialogs.confirm is fine). */
const NATIVE = /(?<![\w$.])(?:window\.|globalThis\.|self\.)?(prompt|confirm|alert)\s*\(|(?:window|globalThis|self)\s*\.\s*(prompt|confirm|alert)\b/g;

describe('renderer has no native dialogs', () => {
  it('never calls prompt(, confirm( or alert(', async () => {
    const found: string[] = [];
    for (const file of await sources(RENDERER)) {
      // Comments may name what is avoided; block comments keep their line breaks so line numbers stay.
      const text = (await readFile(file, 'utf8')).replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
      const lines = text.split('\n');
      lines.forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '');
        if (NATIVE.test(code)) found.push(`${path.relative(RENDERER, file)}:${i + 1}: ${code.trim()}`);
        NATIVE.lastIndex = 0;
      });
    }
    expect(found).toEqual([]);
  });

  it('recognises the calls it guards against', () => {
    for (const bad of ["window.prompt('x')", "confirm('sure?')", 'alert(1)', 'if (window.confirm(x))', 'const p = window.prompt;']) {
      expect(NATIVE.test(bad), bad).toBe(true);
      NATIVE.lastIndex = 0;
    }
    for (const fine of ['dialogs.confirm({})', 'api.prompt(x)', 'onConfirm(true)', 'useAlert()']) {
      expect(NATIVE.test(fine), fine).toBe(false);
      NATIVE.lastIndex = 0;
    }
  });
});
