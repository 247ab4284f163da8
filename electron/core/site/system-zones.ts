/**
 * Zone offsets from this machine's compiled zone files (TZif), as Ruby gets them when Jekyll sets
 * `ENV["TZ"]` from `timezone:`. Installed when this module loads; the site config imports it, so
 * every thread that reads a site (the indexer's worker included) uses it.
 *
 * Why not `Intl` alone: its first offset loads ICU's zone data (~20 ms per thread) and each offset
 * is a formatting call, which made zones ~40 ms of a cold index; and on a machine whose zone files
 * are newer or older than Node's ICU, the files are what Jekyll agrees with. Where there are no
 * files (Windows) or a file is not understood, `Intl` answers as before.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setZoneSource } from '../../../shared/jekyll/ruby-time';
import { parseTzif, type ZoneRules } from '../../../shared/jekyll/tz-rules';

/** A zone name as the tz database spells them: no dots, so no `..` either. */
const ZONE_NAME = /^[A-Za-z0-9_+-]+(?:\/[A-Za-z0-9_+-]+)*$/;

/** Zone files are a few kilobytes; anything much larger is not one. */
const MAX_ZONE_FILE_BYTES = 256 * 1024;

/**
 * The file holding zone `tz`, or this machine's zone when null (the C library's rules: `TZ`,
 * with an optional leading colon, else /etc/localtime); null when there is none to read.
 */
export function zoneFileFor(tz: string | null, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | null {
  if (platform === 'win32') return null;
  let name = tz;
  if (name === null) {
    const fromEnv = env.TZ;
    if (fromEnv === undefined) return '/etc/localtime';
    name = fromEnv.startsWith(':') ? fromEnv.slice(1) : fromEnv;
    if (path.isAbsolute(name)) return name;
  }
  if (!ZONE_NAME.test(name)) return null;
  return path.join(env.TZDIR || '/usr/share/zoneinfo', name);
}

/** The rules of zone `tz` (null: this machine's) from its file, or null to let `Intl` answer. */
export function systemZoneRules(tz: string | null): ZoneRules | null {
  const file = zoneFileFor(tz);
  if (!file) return null;
  try {
    const bytes = readFileSync(file);
    return bytes.length <= MAX_ZONE_FILE_BYTES ? parseTzif(bytes) : null;
  } catch {
    return null;
  }
}

setZoneSource(systemZoneRules);
