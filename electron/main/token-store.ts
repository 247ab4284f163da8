/**
 * The HTTPS token for git, encrypted with the OS keychain (Electron `safeStorage`) in the app's
 * data folder.
 *
 * Why it refuses rather than degrades: on Linux without a keyring Electron's `basic_text` backend
 * encrypts with a key hard-coded in Chromium, which is no protection at all, and `unknown` means
 * Electron could not tell (docs: electronjs.org/docs/latest/api/safe-storage). The file is made 0600
 * on every write, because `writeFile`'s mode applies only when the file is created.
 * `safeStorage` is passed in (not imported) so this file runs without Electron in the tests.
 */
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../shared/api/api-error';

/** The part of Electron's `safeStorage` the store uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only in Electron. */
  getSelectedStorageBackend?(): string;
}

export interface TokenStore {
  load(): Promise<string | null>;
  save(token: string | null): Promise<void>;
}

export const TOKEN_FILE = 'git-token.bin';

/** Why the token cannot be kept safely on this system, or null when it can. */
export function unsafeStorageReason(storage: SafeStorageLike, platform: NodeJS.Platform = process.platform): string | null {
  const keyringHelp =
    'Start a keyring (GNOME Keyring / KWallet, or pass --password-store=gnome-libsecret) and restart Postwright, ' +
    'or use an SSH key or git credential helper instead of a token.';
  if (platform === 'linux' && storage.getSelectedStorageBackend) {
    const backend = storage.getSelectedStorageBackend();
    if (backend === 'basic_text') {
      return `The git token was not saved: this Linux session has no keyring, so Electron would encrypt it with a key that is the same on every computer (basic_text). ${keyringHelp}`;
    }
    if (backend === 'unknown') {
      return `The git token was not saved: Electron could not tell which keyring this Linux session uses (unknown). ${keyringHelp}`;
    }
  }
  if (!storage.isEncryptionAvailable()) {
    return `The git token was not saved: this system offers no keychain encryption to Postwright. ${keyringHelp}`;
  }
  return null;
}

/** A token store in `userDataDir` that encrypts with `storage` and refuses when that would not protect it. */
export function keychainTokenStore(
  userDataDir: string,
  storage: SafeStorageLike,
  platform: NodeJS.Platform = process.platform,
): TokenStore {
  const file = path.join(userDataDir, TOKEN_FILE);
  return {
    async load() {
      if (unsafeStorageReason(storage, platform) !== null) return null;
      try {
        return storage.decryptString(await readFile(file));
      } catch {
        return null;
      }
    },
    async save(token) {
      if (token === null) return rm(file, { force: true });
      const reason = unsafeStorageReason(storage, platform);
      if (reason !== null) throw new ApiError({ code: 'forbidden', message: reason });
      const encrypted = storage.encryptString(token);
      await mkdir(userDataDir, { recursive: true });
      await writePrivate(file, encrypted);
    },
  };
}

/** Writes `data` to `file` readable by its owner only, whether or not the file existed before. */
async function writePrivate(file: string, data: Buffer): Promise<void> {
  const handle = await open(file, 'w', 0o600);
  try {
    await handle.chmod(0o600); // before any byte is written: an older file may have been 0644
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
