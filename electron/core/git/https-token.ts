/**
 * An optional HTTPS token for git, given to each git process as an HTTP header through
 * `GIT_CONFIG_*` environment variables: never written to the repository, its config or a log.
 *
 * The desktop app keeps the token in the OS keychain (Electron `safeStorage`) and hands it to the
 * core at start-up; the core only holds it in memory.
 */
let token: string | null = null;

/** Sets (or clears, with null) the token used for HTTPS remotes. */
export function setHttpsToken(value: string | null): void {
  token = value && value.trim() ? value.trim() : null;
}

export function hasHttpsToken(): boolean {
  return token !== null;
}

/** Environment entries that make git send the token as Basic auth to HTTPS remotes. */
export function tokenEnv(): Record<string, string> {
  if (!token) return {};
  const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
  return { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.extraHeader', GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}` };
}
