/**
 * The HTTPS token for git, encrypted with the OS keychain (Electron `safeStorage`) in the app's
 * data folder. Refuses to store it when the OS offers no encryption, rather than keep it plain.
 */
import { safeStorage } from 'electron';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export function keychainTokenStore(userDataDir: string) {
  const file = path.join(userDataDir, 'git-token.bin');
  return {
    async load(): Promise<string | null> {
      if (!safeStorage.isEncryptionAvailable()) return null;
      try {
        return safeStorage.decryptString(await readFile(file));
      } catch {
        return null;
      }
    },
    async save(token: string | null): Promise<void> {
      if (token === null) return rm(file, { force: true });
      if (!safeStorage.isEncryptionAvailable()) throw new Error('this system offers no keychain to keep the token safely');
      await writeFile(file, safeStorage.encryptString(token), { mode: 0o600 });
    },
  };
}
