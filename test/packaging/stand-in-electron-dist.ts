/**
 * A stand-in unpacked Electron distribution for electron-builder's `electronDist`, so packaging runs
 * without downloading Electron.
 *
 * electron-builder copies an unpacked dist as it is (app-builder-lib `ElectronFramework` `unpack`),
 * renames the `electron` executable, moves `LICENSE` to `LICENSE.electron.txt`, hashes every `.asar`
 * under `resources/` and flips fuses in the executable with `@electron/fuses`. So the stand-in holds an
 * executable carrying a real fuse wire: the sentinel, version 1, the wire length, then one byte per fuse
 * with Electron's default state ('1' on, '0' off), so a flip is visible in the packed file.
 */
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The marker `@electron/fuses` searches for in the Electron binary. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** Fuse V1 options in wire order (`@electron/fuses` FuseV1Options). */
export const FUSE_NAMES = [
  'RunAsNode',
  'EnableCookieEncryption',
  'EnableNodeOptionsEnvironmentVariable',
  'EnableNodeCliInspectArguments',
  'EnableEmbeddedAsarIntegrityValidation',
  'OnlyLoadAppFromAsar',
  'LoadBrowserProcessSpecificV8Snapshot',
  'GrantFileProtocolExtraPrivileges',
] as const;

/** Electron's shipped defaults, in wire order: what an unflipped binary says. */
const DEFAULT_WIRE = '10110001';

/** Writes the stand-in dist into `dir` and returns its path. */
export async function makeStandInElectronDist(dir: string, version: string): Promise<string> {
  await mkdir(path.join(dir, 'resources'), { recursive: true });
  await mkdir(path.join(dir, 'locales'), { recursive: true });
  const executable = path.join(dir, 'electron');
  const body = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in Electron: cannot run" >&2\nexit 1\n'),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, DEFAULT_WIRE.length]),
    Buffer.from(DEFAULT_WIRE),
  ]);
  await writeFile(executable, body);
  await chmod(executable, 0o755);
  await writeFile(path.join(dir, 'LICENSE'), 'stand-in for Electron LICENSE\n');
  await writeFile(path.join(dir, 'version'), version);
  await writeFile(path.join(dir, 'locales', 'en-US.pak'), 'stand-in locale\n');
  return dir;
}

/** Reads the fuse wire of a (stand-in or real) Electron executable: name → 'on' | 'off' | 'removed' | 'inherit'. */
export async function readFuseWire(executable: string): Promise<Record<string, string>> {
  const bytes = await readFile(executable);
  const at = bytes.indexOf(FUSE_SENTINEL);
  if (at < 0) throw new Error(`no fuse sentinel in ${executable}`);
  const wire = at + FUSE_SENTINEL.length;
  if (bytes[wire] !== 1) throw new Error(`fuse wire version ${bytes[wire]} is not 1`);
  const states: Record<number, string> = { 0x30: 'off', 0x31: 'on', 0x72: 'removed', 0x90: 'inherit' };
  const fuses: Record<string, string> = {};
  for (let i = 0; i < bytes[wire + 1]; i++) {
    fuses[FUSE_NAMES[i] ?? `fuse${i}`] = states[bytes[wire + 2 + i]] ?? `0x${bytes[wire + 2 + i].toString(16)}`;
  }
  return fuses;
}
