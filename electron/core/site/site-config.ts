/**
 * Loads `_config.yml` of a site folder and says whether the folder looks like a Jekyll site.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseConfigText, type ConfigResult } from '../../../shared/jekyll/config';
import { textStamp } from '../util/text-stamp';
// Zone offsets from the machine's zone files, for every thread that reads a site.
import './system-zones';

/**
 * Part of the stamp, so records cached by an older reader are not reused: 2 reads `:symbols` as
 * SafeYAML does (a config that failed before now gives other URLs) and takes trailing dots off slugs;
 * 3 takes zone offsets from the machine's zone files (old dates in a few zones differ from ICU's);
 * 4 matches `defaults:` scopes and reads posts inside `collections_dir:` as Jekyll 4.3 does.
 */
const READER_VERSION = 'config-reader-4\0';

export interface LoadedConfig extends ConfigResult {
  /** Changes when `_config.yml` does; the index cache is keyed on it. */
  stamp: string;
  isJekyll: boolean;
}

function exists(p: string): boolean {
  return statSync(p, { throwIfNoEntry: false }) !== undefined;
}

/**
 * The site's config, read synchronously: a few kilobytes, where the promise API's stat, open,
 * fstat, read and close were five thread-pool round trips, each a wait when the other core is busy.
 */
export async function loadSiteConfig(root: string): Promise<LoadedConfig> {
  const s = statSync(root);
  if (!s.isDirectory()) throw Object.assign(new Error(`${root} is not a folder`), { code: 'ENOTDIR', path: root });
  let text = '';
  let hasConfig = false;
  for (const name of ['_config.yml', '_config.yaml']) {
    try {
      text = readFileSync(path.join(root, name), 'utf8');
      hasConfig = true;
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  const isJekyll = hasConfig || exists(path.join(root, '_posts')) || exists(path.join(root, '_drafts'));
  // Parsed on first use: a warm index checks the stamp and needs nothing else from the YAML
  // (its cache keeps the one setting it reads), which spares loading the YAML reader at all.
  let parsed: ConfigResult | null = null;
  const result = (): ConfigResult => {
    if (!parsed) {
      parsed = parseConfigText(text);
      if (!isJekyll) parsed.warnings.push('no _config.yml, _posts or _drafts here: this does not look like a Jekyll site');
    }
    return parsed;
  };
  return {
    get config() {
      return result().config;
    },
    get warnings() {
      return result().warnings;
    },
    isJekyll,
    stamp: textStamp(READER_VERSION + text),
  };
}
