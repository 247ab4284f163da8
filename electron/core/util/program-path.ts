/**
 * Where an outside program (git, find, bundle, gem) lives: the one place that decides which file
 * Postwright runs.
 *
 * Programs run inside the blog's folder, and a blog is often someone else's repository. An empty
 * or relative entry in PATH (`PATH=":$PATH"` from a shell file, a trailing colon) means "the
 * current folder", and Windows looks there before PATH: a repository that ships an executable
 * named `git` or `find` would run as soon as the blog is opened. So the program is looked up here,
 * in PATH's absolute folders only, and started by its absolute path.
 */
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

/** PATH as the environment spells it (Windows: `Path`, any case). */
function pathValue(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  if (platform !== 'win32') return env.PATH ?? '';
  const key = Object.keys(env).find((k) => k.toUpperCase() === 'PATH');
  return (key && env[key]) || '';
}

function isProgram(file: string, platform: NodeJS.Platform): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    if (platform !== 'win32') accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Names to try for `name`: on Windows each PATHEXT extension unless it has one already. */
function candidates(name: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  if (platform !== 'win32' || path.win32.extname(name)) return [name];
  const exts = (env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean);
  return exts.map((e) => `${name}${e.toLowerCase()}`);
}

/**
 * The absolute path of the program `name` from PATH's absolute folders, or null when there is
 * none. A name with a folder in it is refused: callers name programs, not files.
 */
export function programPath(name: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | null {
  if (!name || name.includes('/') || name.includes('\\')) return null;
  const lib = platform === 'win32' ? path.win32 : path.posix;
  for (const dir of pathValue(env, platform).split(platform === 'win32' ? ';' : ':')) {
    // Empty and relative entries name the current folder (or one below it): never searched.
    const folder = platform === 'win32' ? dir.replace(/^"(.*)"$/, '$1') : dir;
    if (!folder || !lib.isAbsolute(folder)) continue;
    for (const file of candidates(name, env, platform)) {
      const full = lib.join(folder, file);
      if (isProgram(full, platform)) return full;
    }
  }
  return null;
}
