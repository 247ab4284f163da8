/**
 * The git token store as the desktop app uses it, with a safeStorage-like object in place of
 * Electron's (real AES-GCM encryption, a selectable Linux backend) and real files in a temp folder.
 *
 * Why: on Linux without a keyring Electron's `basic_text` backend uses a hard-coded key, so the
 * store must refuse and say so; and the token file must be 0600 after every write, not only the first.
 */
import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { keychainTokenStore, TOKEN_FILE, type SafeStorageLike } from '../../electron/main/token-store';

/** Encrypts for real with a per-instance key, like a keychain-backed safeStorage. */
function keychainLike(backend: string, available = true): SafeStorageLike & { backendCalls: number } {
  const key = randomBytes(32);
  return {
    backendCalls: 0,
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend() {
      this.backendCalls++;
      return backend;
    },
    encryptString(text) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(data) {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

const mode = async (file: string) => (await stat(file)).mode & 0o777;

describe('keychainTokenStore', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pw-token-'));
    file = path.join(dir, TOKEN_FILE);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps the token encrypted with a real keyring backend and reads it back', async () => {
    const store = keychainTokenStore(dir, keychainLike('gnome_libsecret'), 'linux');
    await store.save('ghp_secret123');
    expect((await readFile(file)).includes(Buffer.from('ghp_secret123'))).toBe(false);
    expect(await store.load()).toBe('ghp_secret123');
    await store.save(null);
    await expect(stat(file)).rejects.toThrow(/ENOENT/);
    expect(await store.load()).toBeNull();
  });

  it('refuses basic_text (no keyring on Linux) and says why and what to do', async () => {
    const store = keychainTokenStore(dir, keychainLike('basic_text'), 'linux');
    const error = await store.save('ghp_secret123').then(
      () => null,
      (e: Error & { code?: string }) => e,
    );
    expect(error?.code).toBe('forbidden');
    expect(error?.message).toMatch(/no keyring/);
    expect(error?.message).toMatch(/same on every computer/);
    expect(error?.message).toMatch(/GNOME Keyring|KWallet/);
    await expect(stat(file)).rejects.toThrow(/ENOENT/);
    expect(await store.load()).toBeNull();
  });

  it('refuses an unknown backend and a system without encryption', async () => {
    await expect(keychainTokenStore(dir, keychainLike('unknown'), 'linux').save('t')).rejects.toThrow(/could not tell which keyring/);
    await expect(keychainTokenStore(dir, keychainLike('kwallet5', false), 'linux').save('t')).rejects.toThrow(/no keychain encryption/);
    await expect(stat(file)).rejects.toThrow(/ENOENT/);
  });

  it('asks for the backend only on Linux, where Electron has it', async () => {
    const storage = keychainLike('basic_text');
    await keychainTokenStore(dir, storage, 'darwin').save('mac-token');
    expect(storage.backendCalls).toBe(0);
    expect(await keychainTokenStore(dir, storage, 'darwin').load()).toBe('mac-token');
  });

  it('leaves the file 0600 on every write, also over an existing wider file and under umask 0', async () => {
    const store = keychainTokenStore(dir, keychainLike('kwallet6'), 'linux');
    const previous = process.umask(0);
    try {
      await store.save('first');
      expect(await mode(file)).toBe(0o600);
      await chmod(file, 0o644);
      await store.save('second');
      expect(await mode(file)).toBe(0o600);
      await rm(file);
      await writeFile(file, 'left by something else', { mode: 0o666 });
      await store.save('third');
      expect(await mode(file)).toBe(0o600);
      expect(await store.load()).toBe('third');
    } finally {
      process.umask(previous);
    }
  });
});
