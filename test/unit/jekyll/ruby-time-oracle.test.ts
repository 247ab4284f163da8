/**
 * Date strings read like Ruby's `Time.parse` in the site's zone (what Jekyll does with `date:`),
 * checked against Ruby itself.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { parseRubyTime, formatIsoInZone } from '../../../shared/jekyll/ruby-time';
import { requireTool } from '../../support/require-tool';

const INPUTS = [
  '2019-08-08', '2019-8-8', '2019-08-08 14:10', '2019-08-08 14:10:00 +0800', '2019-08-08 14:10:00 +08:00', '2019-08-08T14:10:00Z',
  '2019-08-08 14:10:00 -0700', '2019-08-08 14:10:00.250 +0100', '2019-08-08 14:10:00 UTC', '2019-08-08 14:10:00 PST',
  '2023-01-29 18:30:22 2023 -0800', '2019-01-05 at 10:00', '2019/08/08', '20190808', 'Aug 8 2019', '8 August 2019 09:15', '2016-06-31',
  '2019-03-31 02:30:00', '2019-10-27 02:30:00', '2019-12-31 23:59:59 -1000', 'garbage', '2019-13-45',
];
const ZONES = ['Europe/Berlin', 'Asia/Tokyo', 'America/Los_Angeles', 'UTC'];

function ruby(zone: string): (string | null)[] {
  const script = `require "time"; require "json"
ENV["TZ"] = ARGV[0]
puts JSON.generate(JSON.parse(STDIN.read).map { |s| begin; Time.parse(s).localtime.iso8601(3); rescue; nil; end })`;
  const run = spawnSync('ruby', ['-e', script, zone], { input: JSON.stringify(INPUTS), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as (string | null)[];
}

const iso3 = (ms: number, tz: string) => {
  const base = formatIsoInZone(ms, tz);
  const frac = `.${String(((ms % 1000) + 1000) % 1000).padStart(3, '0')}`;
  return base.replace(/(\.\d{3})?([+-]\d\d:\d\d)$/, `${frac}$2`);
};

describe.skipIf(!requireTool('ruby'))('dates read like Ruby Time.parse in the site zone', () => {
  for (const zone of ZONES) {
    const expected = ruby(zone);
    it.each(INPUTS.map((s, i) => [s, expected[i]]))(`${zone}: %s → %s`, (input, want) => {
      const ms = parseRubyTime(input, zone);
      expect(ms === null ? null : iso3(ms, zone)).toBe(want);
    });
  }
});
