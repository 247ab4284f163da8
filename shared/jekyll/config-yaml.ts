/**
 * Reads `_config.yml` the way GitHub Pages does, and never loses the whole file to one line.
 *
 * GitHub Pages runs upstream Jekyll, which reads the configuration with SafeYAML: `:compressed`
 * is the string ":compressed" there (Debian's Jekyll, with Psych `safe_load`, refuses it). A
 * value that still cannot be read costs only its own top-level setting: every other setting is
 * kept, and a warning names the line.
 */
import { readYaml } from '../yaml/read-yaml';

export interface ConfigYaml {
  raw: Record<string, unknown>;
  warnings: string[];
}

const OPTIONS = { symbolsAsStrings: true };

function asMap(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** Top-level settings as line ranges: a setting starts at a line with a key in column 0. */
function topLevelBlocks(lines: readonly string[]): { start: number; end: number }[] {
  const blocks: { start: number; end: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const starts = line !== '' && !/^[\s#\-\]}]/.test(line) && !/^(?:---|\.\.\.)(?:\s|$)/.test(line);
    if (starts || blocks.length === 0) blocks.push({ start: i, end: i + 1 });
    else blocks[blocks.length - 1].end = i + 1;
  }
  return blocks;
}

/** The text with only the chosen lines kept and the others blank, so errors keep their file lines. */
function onlyLines(lines: readonly string[], keep: (i: number) => boolean): string {
  return lines.map((l, i) => (keep(i) ? l : '')).join('\n');
}

/** Parses configuration text (BOM removed by the caller). */
export function readConfigYaml(text: string, file = '_config.yml'): ConfigYaml {
  const warnings: string[] = [];
  const whole = readYaml(text, OPTIONS);
  if (whole.ok) {
    if (whole.value === null) return { raw: {}, warnings };
    const map = asMap(whole.value);
    if (!map) warnings.push(`${file}: the configuration is not a map of settings`);
    return { raw: map ?? {}, warnings };
  }
  const lines = text.split('\n');
  const blocks = topLevelBlocks(lines);
  const raw: Record<string, unknown> = {};
  const kept = new Set<number>();
  let lost = 0;
  for (const block of blocks) {
    const inBlock = (i: number) => i >= block.start && i < block.end;
    let r = readYaml(onlyLines(lines, inBlock), OPTIONS);
    // An alias may name an anchor of a setting read before.
    if (!r.ok) r = readYaml(onlyLines(lines, (i) => kept.has(i) || inBlock(i)), OPTIONS);
    const map = r.ok ? asMap(r.value) : null;
    if (r.ok && (map || r.value === null)) {
      Object.assign(raw, map ?? {});
      for (let i = block.start; i < block.end; i++) kept.add(i);
      continue;
    }
    lost++;
    const key = /^([^:#]+?)\s*:/.exec(lines[block.start])?.[1] ?? lines[block.start].trim().slice(0, 40);
    // A parser may notice an unclosed bracket only past the setting's end: point at the setting then.
    const inside = !r.ok && r.line > block.start && r.line <= block.end && lines[r.line - 1] !== '';
    const where = inside && !r.ok ? `${file}:${r.line}:${r.col}` : `${file}:${block.start + 1}:1`;
    warnings.push(`${where}: ${r.ok ? 'not a setting' : r.message}; '${key}' is left out, the rest of ${file} is read`);
  }
  if (lost === blocks.length) return { raw: {}, warnings: [`${file}:${whole.line}:${whole.col}: ${whole.message}`] };
  return { raw, warnings };
}
