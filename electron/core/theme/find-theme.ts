/**
 * Finds a site's gem theme on this machine the way Bundler/RubyGems would: `bundle info --path`
 * when the site has a Gemfile, else the newest `<name>-<version>` folder on RubyGems' paths
 * (`gem env gempath`, GEM_HOME/GEM_PATH, Debian's rubygems-integration folders).
 */
import { execFile } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { programPath } from '../util/program-path';

export interface ThemeLookup {
  /** The `theme:` (or `remote_theme:`) the site asks for; null when it asks for none. */
  name: string | null;
  /** The theme's folder on this machine, or null when it is not installed. */
  root: string | null;
  /** How the folder was found (`bundle`, `gem path …`), or why not, for notices. */
  how: string;
  /** Set when the site names a `remote_theme:` (fetched by a plugin; never fetched by the preview). */
  remote: boolean;
}

const LOOKUP_TIMEOUT_MS = 4000;

function run(cmd: string, args: string[], cwd: string): Promise<string | null> {
  // By its absolute path: never a `bundle` or `gem` that the blog's own folder holds (see program-path.ts).
  const program = programPath(cmd);
  if (!program) return Promise.resolve(null);
  return new Promise((resolve) => {
    try {
      execFile(program, args, { cwd, timeout: LOOKUP_TIMEOUT_MS, env: { ...process.env, BUNDLE_FROZEN: 'true' }, windowsHide: true }, (error, stdout) => resolve(error ? null : String(stdout)));
    } catch {
      resolve(null);
    }
  });
}

async function isDir(p: string): Promise<boolean> {
  return stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

let gemPathsPromise: Promise<string[]> | null = null;

/** Folders holding `gems/<name>-<version>`, RubyGems' own list first (asked once per process). */
export function gemPaths(): Promise<string[]> {
  gemPathsPromise ??= (async () => {
    const out: string[] = [];
    const add = (p: string | undefined) => {
      for (const part of (p ?? '').split(path.delimiter)) if (part && !out.includes(part)) out.push(part);
    };
    add(process.env.GEM_HOME);
    add(process.env.GEM_PATH);
    add((await run('gem', ['env', 'gempath'], os.tmpdir()))?.trim());
    add('/usr/share/rubygems-integration/all');
    for (const base of ['/var/lib/gems', '/usr/lib/ruby/gems', '/usr/local/lib/ruby/gems', path.join(os.homedir(), '.gem', 'ruby'), path.join(os.homedir(), '.local', 'share', 'gem', 'ruby')]) {
      for (const v of await readdir(base).catch(() => [] as string[])) add(path.join(base, v));
    }
    return out;
  })();
  return gemPathsPromise;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/);
  const pb = b.split(/[.-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    const nx = Number(x);
    const ny = Number(y);
    if (!Number.isNaN(nx) && !Number.isNaN(ny) && nx !== ny) return nx - ny;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** The newest installed copy of gem `name` on RubyGems' paths, or null. */
export async function findGemDir(name: string): Promise<string | null> {
  const pattern = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d[\\w.]*)$`);
  let best: { dir: string; version: string } | null = null;
  for (const base of await gemPaths()) {
    for (const entry of await readdir(path.join(base, 'gems')).catch(() => [] as string[])) {
      const m = pattern.exec(entry);
      if (m && (!best || compareVersions(m[1], best.version) > 0)) best = { dir: path.join(base, 'gems', entry), version: m[1] };
    }
  }
  return best && (await isDir(best.dir)) ? best.dir : null;
}

function themeNameOf(config: Record<string, unknown>): { name: string | null; remote: boolean } {
  if (typeof config.theme === 'string' && config.theme.trim()) return { name: config.theme.trim(), remote: false };
  if (typeof config.remote_theme === 'string' && config.remote_theme.trim()) return { name: config.remote_theme.trim(), remote: true };
  return { name: null, remote: false };
}

const cache = new Map<string, Promise<ThemeLookup>>();

/** Where the site's theme lives; cached per site root and theme name for the process. */
export function findTheme(siteRoot: string, config: Record<string, unknown>): Promise<ThemeLookup> {
  const { name, remote } = themeNameOf(config);
  const key = `${siteRoot}\u0000${name ?? ''}`;
  let found = cache.get(key);
  if (!found) {
    found = lookUp(siteRoot, name, remote);
    cache.set(key, found);
  }
  return found;
}

/** Forgets cached look-ups (after `bundle install`, or for tests). */
export function forgetThemeLookups(): void {
  cache.clear();
}

async function lookUp(siteRoot: string, name: string | null, remote: boolean): Promise<ThemeLookup> {
  if (!name) return { name: null, root: null, how: 'no theme in _config.yml', remote: false };
  if (remote) return { name, root: null, how: 'remote_theme is fetched by a plugin at build time; the preview does not download it', remote: true };
  if (!/^[\w.-]+$/.test(name)) return { name, root: null, how: 'not a gem name', remote: false };
  if (await stat(path.join(siteRoot, 'Gemfile')).then(() => true, () => false)) {
    const out = (await run('bundle', ['info', '--path', name], siteRoot))?.trim().split('\n').pop()?.trim();
    if (out && path.isAbsolute(out) && (await isDir(out))) return { name, root: out, how: 'bundle info --path', remote: false };
  }
  const dir = await findGemDir(name);
  if (dir) return { name, root: dir, how: `gem path ${path.dirname(path.dirname(dir))}`, remote: false };
  return { name, root: null, how: 'not installed', remote: false };
}

/** What to tell a writer whose theme is missing. */
export function installHint(lookup: ThemeLookup): string {
  if (!lookup.name) return '';
  if (lookup.remote) return `The remote theme "${lookup.name}" is downloaded by jekyll-remote-theme when the site builds; the preview does not fetch it. Vendor its _layouts and _sass into the site, or install it as a gem, to see the blog's look.`;
  return `The theme "${lookup.name}" is not installed on this machine. Run \`bundle install\` in the site folder (or \`gem install ${lookup.name}\`) and reopen the site to see the blog's look.`;
}
