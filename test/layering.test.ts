/**
 * Enforces the layers: shared is pure, the core never imports electron, the renderer only
 * reaches shared. A violation fails `npm test`, like VS Code's code-layering rule.
 */
import { describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

type Layer = 'shared' | 'core' | 'shell' | 'renderer' | 'other';

function layerOf(rel: string): Layer {
  // Build configuration runs in Node at build time, not in any layer.
  if (/\.config\.(ts|mts|js|mjs)$/.test(rel)) return 'other';
  if (rel.startsWith('shared/')) return 'shared';
  if (rel.startsWith('electron/main/') || rel.startsWith('electron/preload/')) return 'shell';
  if (rel.startsWith('electron/')) return 'core';
  if (rel.startsWith('renderer/')) return 'renderer';
  return 'other';
}

/** Which layers each layer may import from (relative imports). */
const allowedLayers: Record<Layer, Layer[]> = {
  shared: ['shared'],
  core: ['core', 'shared'],
  shell: ['shell', 'core', 'shared'],
  renderer: ['renderer', 'shared'],
  other: ['shared', 'core', 'shell', 'renderer', 'other'],
};

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await sourceFiles(rel)));
    else if (/\.(ts|tsx|mts|cts|js|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

function importsOf(code: string): string[] {
  const specs: string[] = [];
  const patterns = [
    /\bimport\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bexport\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) specs.push(m[1]);
  return specs;
}

function problemsIn(rel: string, code: string): string[] {
  const layer = layerOf(rel);
  const problems: string[] = [];
  for (const spec of importsOf(code)) {
    if (spec.startsWith('.')) {
      const target = path.relative(root, path.resolve(root, path.dirname(rel), spec)).split(path.sep).join('/');
      const targetLayer = layerOf(target + '/');
      const resolvedLayer = targetLayer === 'other' ? layerOf(target) : targetLayer;
      if (!allowedLayers[layer].includes(resolvedLayer)) problems.push(`${rel}: ${layer} imports ${resolvedLayer} (${spec})`);
      continue;
    }
    const isElectron = spec === 'electron' || spec.startsWith('electron/');
    if (isElectron && layer !== 'shell' && layer !== 'other') problems.push(`${rel}: imports electron outside electron/main and electron/preload`);
    if ((layer === 'shared' || layer === 'renderer') && builtins.has(spec)) problems.push(`${rel}: ${layer} imports Node module ${spec}`);
    if (layer === 'shared' && /^(react|react-dom|@codemirror\/|dompurify)/.test(spec)) problems.push(`${rel}: shared imports UI package ${spec}`);
  }
  if (layer === 'shared') {
    const code2 = code.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    for (const global of ['window', 'document', 'process', 'Buffer', '__dirname', 'localStorage']) {
      if (new RegExp(`(?<![.\\w])${global}\\s*[.\\[(]`).test(code2)) problems.push(`${rel}: shared uses the ${global} global`);
    }
  }
  return problems;
}

describe('layering', () => {
  it('keeps shared pure, electron out of the core, and the renderer on shared only', async () => {
    const files = [
      ...(await sourceFiles('shared')),
      ...(await sourceFiles('electron')),
      ...(await sourceFiles('renderer')),
    ];
    expect(files.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const rel of files) problems.push(...problemsIn(rel, await readFile(path.join(root, rel), 'utf8')));
    expect(problems).toEqual([]);
  });

  it('catches the violations it is meant to catch', () => {
    expect(problemsIn('shared/x.ts', "import fs from 'node:fs';")).toHaveLength(1);
    expect(problemsIn('electron/core/x.ts', "import { app } from 'electron';")).toHaveLength(1);
    expect(problemsIn('renderer/x.tsx', "import { x } from '../electron/core/y';")).toHaveLength(1);
    expect(problemsIn('shared/x.ts', 'const a = window.location;')).toHaveLength(1);
    expect(problemsIn('electron/main/x.ts', "import { app } from 'electron';")).toHaveLength(0);
    expect(problemsIn('renderer/x.tsx', "import { y } from '../shared/y';")).toHaveLength(0);
  });
});
