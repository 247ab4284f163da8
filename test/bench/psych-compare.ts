/**
 * Compares our YAML reader with Ruby's Psych (what Jekyll uses) on many front matters at once.
 */
import { spawnSync } from 'node:child_process';
import { readYaml, YamlDate, YamlTime } from '../../shared/yaml/read-yaml';

const SCRIPT = `
require "psych"; require "date"; require "json"
def norm(v)
  case v
  when Hash then v.map { |k, x| [k.is_a?(String) ? k : (k.is_a?(Date) ? k.to_s : k.to_s), norm(x)] }.to_h
  when Array then v.map { |x| norm(x) }
  when Time then "time:" + (v.to_r * 1000).round.to_s
  when Date then "date:" + v.to_s
  when Float then v.nan? ? "nan" : (v.infinite? ? (v > 0 ? "inf" : "-inf") : (v == v.floor && v.abs < 1e15 ? v.to_i : v))
  else v
  end
end
out = JSON.parse(STDIN.read).map do |yaml|
  begin
    norm(Psych.safe_load(yaml, permitted_classes: [Date, Time], aliases: true))
  rescue => e
    { "__error" => e.class.to_s }
  end
end
puts JSON.generate(out)`;

function norm(v: unknown): unknown {
  if (v instanceof YamlTime) return `time:${v.epochMs}`;
  if (v instanceof YamlDate) return `date:${v.toString()}`;
  if (Array.isArray(v)) return v.map(norm);
  if (typeof v === 'number') return Number.isNaN(v) ? 'nan' : !Number.isFinite(v) ? (v > 0 ? 'inf' : '-inf') : v;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, norm(x)]));
  return v;
}

export interface PsychComparison {
  compared: number;
  same: number;
  differences: { index: number; ours: unknown; psych: unknown }[];
}

/** null when Ruby is not installed. */
export function compareWithPsych(yamls: string[]): PsychComparison | null {
  const run = spawnSync('ruby', ['-e', SCRIPT], { input: JSON.stringify(yamls), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.error || run.status !== 0) return null;
  const psych = JSON.parse(run.stdout) as unknown[];
  const result: PsychComparison = { compared: yamls.length, same: 0, differences: [] };
  yamls.forEach((yaml, index) => {
    const r = readYaml(yaml);
    const ours = r.ok ? norm(r.value) : { __error: 'error' };
    const theirs = psych[index] as unknown;
    const bothFail = !r.ok && theirs && typeof theirs === 'object' && '__error' in (theirs as object);
    if (bothFail || JSON.stringify(ours) === JSON.stringify(theirs)) result.same++;
    else result.differences.push({ index, ours, psych: theirs });
  });
  return result;
}
