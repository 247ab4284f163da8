/**
 * Where Postwright keeps its own data (recent sites, recovery buffers, the sample blog copy)
 * and its caches — always outside the user's blog repository.
 */
import os from 'node:os';
import path from 'node:path';

/** Per-user data folder; POSTWRIGHT_USER_DATA overrides it (tests, portable installs). */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.POSTWRIGHT_USER_DATA) return path.resolve(env.POSTWRIGHT_USER_DATA);
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Postwright');
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Postwright');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'postwright');
}
