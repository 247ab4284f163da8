/**
 * Runs a CommonJS bundle with a V8 code cache: the bytecode of the functions a run compiled,
 * kept per user, so the next run skips compiling the bundle's JavaScript again.
 *
 * Node 22 has `module.enableCompileCache()` for this; the CLI runs on the user's Node, which may
 * be 20. Compiling the 0.5 MB bundle and the functions a command runs took ~20 ms of each run,
 * about a tenth of a warm `postwright index`. V8 checks the cache's flags and version and only the
 * source's length, so the file name carries a hash of the source (taken by the build, see
 * scripts/build-node.mjs): a rebuilt bundle never runs old bytecode. Any problem with the cache
 * (missing, rejected, unwritable) only means compiling as usual.
 */
import type { createHash as CreateHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

/** Where code caches live: POSTWRIGHT_CODE_CACHE_DIR, else a `code` folder in the user's cache folder; null when off. */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string | null {
  if (env.POSTWRIGHT_CODE_CACHE === '0') return null;
  if (env.POSTWRIGHT_CODE_CACHE_DIR) return path.resolve(env.POSTWRIGHT_CODE_CACHE_DIR);
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'Postwright', 'code');
  if (platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'Postwright', 'Cache', 'code');
  return path.join(env.XDG_CACHE_HOME ?? path.join(home, '.cache'), 'postwright', 'code');
}

/** `node:crypto`'s hash, loaded only when the build's key does not fit (~4 ms of every start otherwise). */
function createHash(algorithm: string): ReturnType<typeof CreateHash> {
  return (createRequire(__filename)('node:crypto') as typeof import('node:crypto')).createHash(algorithm);
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes the cache once the run is over (its functions compiled), replacing older caches of the same bundle. */
function saveOnExit(script: vm.Script, dir: string, file: string, prefix: string): void {
  process.once('exit', () => {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
      renameSync(temp, file);
      for (const name of readdirSync(dir)) {
        if (name.startsWith(prefix) && path.join(dir, name) !== file) rmSync(path.join(dir, name), { force: true });
      }
    } catch {
      // A read-only cache folder: the next run compiles as this one did.
    }
  });
}

/**
 * The cache's name for this source: the hash the build took of the bundle (`builtKey`, "hash:length")
 * while the bundle still has that length, else a hash taken now. Node's version and architecture
 * are in the name, so switching Node versions does not make two of them rewrite one file.
 */
function sourceKey(source: string, builtKey: string | undefined): string {
  const [hash, length] = builtKey?.split(':') ?? [];
  const ofSource = hash && Number(length) === source.length ? hash : createHash('sha1').update(source).digest('hex').slice(0, 20);
  return `${ofSource}-${process.version}-${process.arch}`;
}

/** Loads and runs `bundle` (a CommonJS file) as `require` would, with its compiled code cached in `dir`. */
export function runWithCodeCache(bundle: string, dir: string | null, builtKey?: string): void {
  const source = readFileSync(bundle, 'utf8');
  const prefix = `${path.basename(bundle, '.cjs')}-`;
  const key = sourceKey(source, builtKey);
  const file = dir ? path.join(dir, `${prefix}${key}.v8`) : null;
  const cachedData = file ? readIfThere(file) : undefined;
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  if (dir && file && (!cachedData || script.cachedDataRejected)) saveOnExit(script, dir, file, prefix);
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  const mod = new Module(bundle, require.main);
  mod.filename = bundle;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(bundle));
  wrapper.call(mod.exports, mod.exports, createRequire(bundle), mod, bundle, path.dirname(bundle));
}
