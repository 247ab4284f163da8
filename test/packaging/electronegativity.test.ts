/**
 * Electronegativity, Doyensec's static check for Electron apps, over the Electron-side sources and
 * the shipped bundles: no HIGH finding, and every MEDIUM finding explained in docs/electronegativity.md.
 *
 * Why gate on its CSV: the tool exits 0 even with HIGH findings (its CSV is written in call order by a
 * preload, see CSV_IN_ORDER). It reads `.js`, not `.cjs`, so the
 * bundles are copied under `.js` names. Offline it warns that it cannot fetch translations (1 s timeout
 * each); its Electron-releases check fetches without a timeout, so it is excluded (the Electron version
 * is pinned in package.json and passed with `-e`).
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'node_modules/@doyensec/electronegativity/dist/index.js');
const HEADER = 'issue, severity, confidence, filename, location, sample, description, url';
/** Bundles that are not packed into the app (see package.json build.files). */
const NOT_SHIPPED = new Set(['cli.cjs', 'cli-main.cjs', 'web.cjs']);

interface Finding {
  id: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
}

/** Splits CSV text (double-quoted fields, "" for a quote, newlines allowed inside quotes) into rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted || (c !== ',' && c !== '\n' && c !== '\r')) {
      field += c;
    } else if (c === ',') {
      endField();
    } else {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    }
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/**
 * Loaded into the tool with `-r`: its CSV header and rows are two concurrent `fs.writeFile` calls
 * (one truncating, one appending), and either may land first; a run lost its rows that way and CI
 * failed. Writing `.csv` files synchronously, in call order, makes the file whole every time.
 */
const CSV_IN_ORDER = `
const fs = require('fs');
const writeFile = fs.writeFile;
fs.writeFile = function (file, data, options, callback) {
  if (typeof file !== 'string' || !file.endsWith('.csv')) return writeFile.apply(this, arguments);
  if (typeof options === 'function') { callback = options; options = undefined; }
  let error = null;
  try { fs.writeFileSync(file, data, options); } catch (e) { error = e; }
  process.nextTick(() => callback && callback(error));
};
`;

/** Runs the CLI once; resolves with its findings, or null when its CSV came out malformed. */
function scan(input: string, csv: string, electronVersion: string, preload: string): Promise<{ findings: Finding[] | null; log: string }> {
  return new Promise((resolve, reject) => {
    const args = ['-i', input, '-o', csv, '-r', '-v', 'false', '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck'];
    const child = spawn(process.execPath, ['-r', preload, CLI, ...args], { env: { ...process.env, FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', async (code) => {
      clearTimeout(timer);
      if (code !== 0 || !existsSync(csv)) return reject(new Error(`electronegativity exited ${code}:\n${log}`));
      // Its header and rows are two concurrent fs.writeFile calls: check the file is whole.
      const [header, ...rows] = parseCsv(await readFile(csv, 'utf8')).filter((r) => r.join('') !== '');
      const whole = header?.join(',') === HEADER && rows.every((r) => r.length === 8 && /^[A-Z_]+_CHECK$/.test(r[0]));
      const findings = rows.map(([id, severity, confidence, file, location]) => ({ id, severity, confidence, file, location }));
      resolve({ findings: whole ? findings : null, log });
    });
  });
}

describe('electronegativity over electron/ and the shipped bundles', () => {
  let work: string;
  let findings: Finding[];

  beforeAll(async () => {
    const bundles = (await readdir(path.join(ROOT, 'dist/electron'))).filter((f) => f.endsWith('.cjs') && !NOT_SHIPPED.has(f));
    if (!bundles.includes('main.cjs')) throw new Error('dist/electron/main.cjs is missing: run `npm run build` first');
    work = await mkdtemp(path.join(tmpdir(), 'pw-eng-'));
    const input = path.join(work, 'scan');
    await cp(path.join(ROOT, 'electron'), path.join(input, 'sources'), { recursive: true });
    await mkdir(path.join(input, 'bundles'));
    for (const b of bundles) await copyFile(path.join(ROOT, 'dist/electron', b), path.join(input, 'bundles', b.replace(/\.cjs$/, '.js')));
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8'));
    const preload = path.join(work, 'csv-in-order.cjs');
    await writeFile(preload, CSV_IN_ORDER);
    let result = await scan(input, path.join(work, 'findings.csv'), pkg.version, preload);
    if (result.findings === null) result = await scan(input, path.join(work, 'findings-again.csv'), pkg.version, preload);
    if (result.findings === null) throw new Error(`electronegativity wrote a malformed CSV twice:\n${result.log}`);
    findings = result.findings;
  }, 260_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('reports no HIGH finding', () => {
    const counts = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'].map((s) => `${findings.filter((f) => f.severity === s).length} ${s}`);
    const ids = [...new Set(findings.map((f) => `${f.id} (${f.severity})`))];
    console.log(`electronegativity: ${counts.join(', ')}: ${ids.join(', ') || 'nothing'}`);
    expect(findings.filter((f) => f.severity === 'HIGH')).toEqual([]);
  });

  it('has every MEDIUM finding explained in one line of docs/electronegativity.md', async () => {
    const doc = await readFile(path.join(ROOT, 'docs/electronegativity.md'), 'utf8');
    const explained = new Set(
      doc
        .split('\n')
        .map((line) => /^- `([A-Z_]+_CHECK)`.{20,}/.exec(line)?.[1])
        .filter((id): id is string => id !== undefined),
    );
    const unexplained = findings.filter((f) => f.severity === 'MEDIUM' && !explained.has(f.id));
    expect(unexplained, 'fix these or add "- `CHECK_ID` (where): why it is fine" to docs/electronegativity.md').toEqual([]);
  });
});
