/**
 * The stand-in `safeStorage` (https://www.electronjs.org/docs/latest/api/safe-storage), Linux flavour:
 * a keyring backend (`gnome_libsecret`, `kwallet…`) with a secret key, or `basic_text`, where
 * "items stored using the safeStorage API will be unprotected as they are encrypted via hardcoded
 * plaintext password" — detectable with `getSelectedStorageBackend()`. Before ready nothing is available.
 */
import { createCipheriv, createDecipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import type { StandinApp } from './app';

export type StorageBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

export interface SafeStorageOptions {
  /** What Linux picked: 'basic_text' when there is no keyring. */
  backend: StorageBackend;
  /** False when even basic_text is not set up (encryptString throws). */
  available: boolean;
}

// Chromium's os_crypt on Linux: "v10" = the hard-coded password, "v11" = the keyring's key.
const HARDCODED_KEY = pbkdf2Sync('peanuts', 'saltysalt', 1, 16, 'sha1');
const IV = Buffer.alloc(16, 0x20);

export class StandinSafeStorage {
  private readonly keyringKey = randomBytes(16);
  private plainText = false;

  constructor(
    private readonly app: StandinApp,
    private readonly options: SafeStorageOptions,
  ) {}

  private backend(): StorageBackend {
    return this.plainText ? 'basic_text' : this.options.backend;
  }

  /** "On Linux, returns true if the app has emitted the ready event and the secret key is available." */
  isEncryptionAvailable(): boolean {
    return this.app.isReady() && (this.options.available || this.plainText);
  }

  getSelectedStorageBackend(): StorageBackend {
    return this.app.isReady() ? this.backend() : 'unknown';
  }

  setUsePlainTextEncryption(usePlainText: boolean): void {
    this.plainText = usePlainText;
  }

  encryptString(plainText: string): Buffer {
    if (typeof plainText !== 'string') throw new TypeError('plainText must be a string');
    if (!this.isEncryptionAvailable()) throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.');
    const basic = this.backend() === 'basic_text';
    const cipher = createCipheriv('aes-128-cbc', basic ? HARDCODED_KEY : this.keyringKey, IV);
    return Buffer.concat([Buffer.from(basic ? 'v10' : 'v11'), cipher.update(plainText, 'utf8'), cipher.final()]);
  }

  decryptString(encrypted: Buffer): string {
    if (!Buffer.isBuffer(encrypted)) throw new TypeError('Expected the first argument of decryptString() to be a buffer');
    if (!this.isEncryptionAvailable()) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.');
    const prefix = encrypted.subarray(0, 3).toString('latin1');
    try {
      const key = prefix === 'v10' ? HARDCODED_KEY : prefix === 'v11' ? this.keyringKey : null;
      if (!key) throw new Error('unknown prefix');
      const decipher = createDecipheriv('aes-128-cbc', key, IV);
      return Buffer.concat([decipher.update(encrypted.subarray(3)), decipher.final()]).toString('utf8');
    } catch {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    }
  }
}
