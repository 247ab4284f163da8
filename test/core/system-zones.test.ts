/**
 * Zone offsets come from the machine's zone files once the core loads: the same offsets `Intl`
 * gives (the files are the data Ruby reads), names confined to the zone folder, and `Intl` again
 * wherever there is no file.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadSiteConfig } from '../../electron/core/site/site-config';
import { systemZoneRules, zoneFileFor } from '../../electron/core/site/system-zones';
import { setZoneSource, zoneOffsetMinutes } from '../../shared/jekyll/ruby-time';
import { requireTool } from '../support/require-tool';

const ZONES = '/usr/share/zoneinfo';

describe('zoneFileFor', () => {
  it.each([
    ['Europe/Berlin', {}, `${ZONES}/Europe/Berlin`],
    ['America/Argentina/Buenos_Aires', {}, `${ZONES}/America/Argentina/Buenos_Aires`],
    ['Etc/GMT+5', { TZDIR: '/opt/zones' }, '/opt/zones/Etc/GMT+5'],
    [null, {}, '/etc/localtime'],
    [null, { TZ: 'Asia/Tokyo' }, `${ZONES}/Asia/Tokyo`],
    [null, { TZ: ':Asia/Tokyo' }, `${ZONES}/Asia/Tokyo`],
    [null, { TZ: ':/srv/zones/Mine' }, '/srv/zones/Mine'],
    // Names that would leave the zone folder, or are not names: Intl answers.
    ['../../etc/passwd', {}, null],
    ['Europe/../../../etc/passwd', {}, null],
    ['/etc/passwd', {}, null],
    ['Europe/Berlin\0', {}, null],
    ['', {}, null],
    [null, { TZ: '' }, null],
    [null, { TZ: 'CET-1CEST,M3.5.0,M10.5.0/3' }, null],
  ] as [string | null, NodeJS.ProcessEnv, string | null][])('%j with %j: %j', (tz, env, file) => {
    expect(zoneFileFor(tz, env, 'linux')).toBe(file);
  });

  it('has no files to read on Windows', () => {
    expect(zoneFileFor('Europe/Berlin', {}, 'win32')).toBeNull();
    expect(zoneFileFor(null, {}, 'win32')).toBeNull();
  });
});

describe('offsets from the machine zone files', () => {
  const haveZones = requireTool('tzdata', { available: existsSync(path.join(ZONES, 'Europe/Berlin')), reason: `no zone files in ${ZONES} (Debian's tzdata package)` });

  afterEach(() => {
    delete process.env.TZDIR;
    setZoneSource(systemZoneRules);
  });

  const formats = new Map<string, Intl.DateTimeFormat>();
  function intlOffset(tz: string, ms: number): number {
    if (!formats.has(tz)) formats.set(tz, new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }));
    const parts = formats.get(tz)!.formatToParts(new Date(ms));
    const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
    return Math.round((Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - ms) / 60000);
  }

  // Zones whose rules differ in kind: northern and southern daylight time, Dublin's negative one,
  // quarter and half hours, an abolished one, Ramadan pauses, a skipped day.
  it.skipIf(!haveZones).each(['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Europe/Dublin', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/Sao_Paulo', 'Africa/Casablanca', 'Pacific/Apia', 'America/St_Johns', 'UTC'])(
    '%s: the file gives what Intl gives, 1975 to 2100',
    (tz) => {
      const rules = systemZoneRules(tz);
      expect(rules).not.toBeNull();
      const wrong: string[] = [];
      const probe = (ms: number) => {
        const file = Math.round(rules!.offsetAt(Math.floor(ms / 1000)) / 60);
        if (file !== intlOffset(tz, ms)) wrong.push(new Date(ms).toISOString());
      };
      for (let ms = Date.UTC(1975, 0, 1); ms < Date.UTC(2100, 0, 1); ms += 86400000 * 4 + 3723000) probe(ms);
      // Hour by hour across 2037–2039, where fat files end and the footer's rule takes over.
      for (let ms = Date.UTC(2037, 0, 1); ms < Date.UTC(2039, 0, 1); ms += 3600000) probe(ms);
      expect(wrong.slice(0, 5)).toEqual([]);
    },
  );

  it.skipIf(!haveZones)('is what zoneOffsetMinutes uses once the core has loaded', async () => {
    // A zone folder of our own, where "Europe/Berlin" is always +05:00: only the file can say that.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pw-zones-'));
    try {
      await mkdir(path.join(dir, 'Europe'));
      const utc = await readFile(path.join(ZONES, 'Etc/UTC'));
      // Etc/UTC's bytes with its footer rule swapped for a constant +05:00 (same length).
      const text = utc.toString('latin1');
      await writeFile(path.join(dir, 'Europe', 'Berlin'), Buffer.from(text.replace(/\nUTC0\n$/, '\nXYZ-5\n'), 'latin1'));
      await loadSiteConfig(dir).catch(() => undefined);
      process.env.TZDIR = dir;
      setZoneSource(systemZoneRules);
      expect(zoneOffsetMinutes(Date.UTC(2024, 6, 1), 'Europe/Berlin')).toBe(300);
      // No file for this one: Intl answers.
      expect(zoneOffsetMinutes(Date.UTC(2024, 6, 1), 'America/New_York')).toBe(-240);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
