/**
 * Tells apart, from git's (LC_ALL=C) stderr, the ways talking to a remote can fail.
 *
 * "You are offline, your commit is safe" and "your password or key was refused" need different
 * words and different fixes, and a rejected push needs a pull and a retry, never a force.
 */

export type RemoteFailure = 'auth' | 'offline' | 'rejected';

const AUTH = [
  /Authentication failed/i,
  /Permission denied \((publickey|keyboard-interactive|password)/i,
  /could not read (Username|Password)/i,
  /terminal prompts disabled/i,
  /The requested URL returned error: 40[13]\b/i,
  /Host key verification failed/i,
  /Invalid username or password/i,
];

const OFFLINE = [
  /Could not resolve host/i,
  /Could not resolve hostname/i,
  /Connection refused/i,
  /Connection timed out/i,
  /Operation timed out/i,
  /Network is unreachable/i,
  /No route to host/i,
  /Failed to connect/i,
  /unable to access/i,
  /does not appear to be a git repository/i,
  /Could not read from remote repository/i,
  /Temporary failure in name resolution/i,
  /Connection reset/i,
  /early EOF/i,
];

const REJECTED = [/\[rejected\]/, /\(fetch first\)/, /non-fast-forward/i, /Updates were rejected/i, /\[remote rejected\].*(cannot lock ref|incorrect old value)/i];

/** The kind of remote failure git reported, or null when stderr shows none of them. */
export function classifyRemoteFailure(stderr: string): RemoteFailure | null {
  // Auth first: an ssh key refusal also prints "Could not read from remote repository".
  if (AUTH.some((re) => re.test(stderr))) return 'auth';
  if (REJECTED.some((re) => re.test(stderr))) return 'rejected';
  if (OFFLINE.some((re) => re.test(stderr))) return 'offline';
  return null;
}

/** How to fix an authentication failure for this remote URL, in one or two sentences. */
export function authHint(url: string, stderr = ''): string {
  if (/Host key verification failed/i.test(stderr)) {
    return `the server's SSH host key is not trusted yet: connect once with 'ssh -T ${sshHost(url)}' in a terminal and accept the key`;
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !/^ssh:\/\//i.test(url)) {
    return `git could not log in to ${url}: set up a credential helper ('git config --global credential.helper store', or your system's keychain helper) and sign in once, or use a personal access token instead of your password`;
  }
  return `the SSH key was refused by ${url}: start ssh-agent and add your key ('ssh-add ~/.ssh/id_ed25519'), and check that its public key is registered with the host`;
}

function sshHost(url: string): string {
  const scp = /^([^@/]+@)?([^:/]+):/.exec(url);
  const full = /^ssh:\/\/([^@/]+@)?([^:/]+)/i.exec(url);
  const match = full ?? scp;
  return match ? `${match[1] ?? 'git@'}${match[2]}` : url;
}
