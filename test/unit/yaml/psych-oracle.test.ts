/**
 * Our YAML reader against Ruby's Psych `safe_load` (what Jekyll uses), scalar by scalar.
 *
 * Ruby comes with Jekyll; without it the comparison is skipped with a reason, and the table in
 * `jekyll-yaml-table.test.ts` still pins the same answers.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readYaml, YamlDate, YamlTime } from '../../../shared/yaml/read-yaml';
import { requireTool } from '../../support/require-tool';

const SCALARS = [
  'yes', 'Yes', 'YES', 'yEs', 'no', 'on', 'On', 'off', 'OFF', 'true', 'False', 'y', 'n', '~', 'null', 'NULL', 'Null', 'nULL',
  '14:50', '1:30:00', '-1:30', '190:20:30.15', '0755', '010', '09', '0x1F', '0b101', '1_000', '1,000', '+12', '-0', '12',
  '1.5', '.5', '1.', '-.5', '1e3', '1.0e+3', '12e3', '1.2.3', '.inf', '-.Inf', '.NaN', '.', '+.',
  '2019-08-08', '2019-8-8', '2016-06-31', '2019-13-01', '2019-00-01', '2019-08-08 14:10:00 +0800', '2019-08-08 14:10:00 +8',
  '2019-08-08T14:10:00+08:00', '2019-08-08 14:10:00', '2019-08-08t14:10:00Z', '2019-08-08 14:10:00.5 -07:00', '2019-08-08 14:10',
  'Hash', 'a b', 'Field Notes', 'hello world again', '1 apple', '2019 report', '@home', 'a:b', 'ünï', '日本語',
];

function psych(values: string[]): string[] {
  const yaml = values.map((v, i) => `k${i}: ${v}`).join('\n');
  const script = `
require "psych"; require "date"; require "json"
out = STDIN.read.split("\\n").map do |line|
  begin
    v = Psych.safe_load(line, permitted_classes: [Date, Time], aliases: true).values.first
    case v
    when Time then "time:" + (v.to_r * 1000).round.to_s
    when Date then "date:" + v.to_s
    when Float then v.nan? ? "float:nan" : (v.infinite? ? "float:" + (v > 0 ? "inf" : "-inf") : "float:" + v.to_s)
    when Integer then "int:" + v.to_s
    when nil then "null"
    when true, false then "bool:" + v.to_s
    else "str:" + v.to_s
    end
  rescue => e
    "error"
  end
end
puts JSON.generate(out)`;
  const run = spawnSync('ruby', ['-e', script], { input: yaml, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as string[];
}

function ours(value: string): string {
  const r = readYaml(`k: ${value}`);
  if (!r.ok) return 'error';
  const v = (r.value as Record<string, unknown>).k;
  if (v instanceof YamlTime) return `time:${v.epochMs}`;
  if (v instanceof YamlDate) return `date:${v.toString()}`;
  if (v === null) return 'null';
  if (typeof v === 'boolean') return `bool:${v}`;
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'float:nan';
    if (!Number.isFinite(v)) return `float:${v > 0 ? 'inf' : '-inf'}`;
    return Number.isInteger(v) && !/[.eE]|^[-+]?\.|:.*\./.test(value) ? `int:${v}` : `float:${Number.isInteger(v) ? v.toFixed(1) : v}`;
  }
  return `str:${String(v)}`;
}

describe.skipIf(!requireTool('ruby'))('YAML scalars read like Psych (Jekyll)', () => {
  const expected = psych(SCALARS);
  it.each(SCALARS.map((s, i) => [s, expected[i]]))('%s → %s', (scalar, want) => {
    expect(ours(scalar)).toBe(want);
  });
});
