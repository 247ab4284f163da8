/**
 * Runs the real main bundle (dist/electron/main.cjs) against a stand-in world: while it loads,
 * `require('electron')` from it resolves to that world's module object. Each load is a fresh
 * "process" of the app (its bundle re-evaluated), so two loads are two instances.
 */
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import type { ElectronWorld } from './world';

export const MAIN_BUNDLE = path.resolve(__dirname, '../../../dist/electron/main.cjs');
const STANDIN_ID = path.join(__dirname, '__electron_standin__.cjs');
const requireHere = createRequire(__filename);

type Resolver = (request: string, parent: unknown, ...rest: unknown[]) => string;
const moduleStatics = Module as unknown as { _resolveFilename: Resolver; _cache: Record<string, unknown> };
let hooked = false;

function hookResolution(): void {
  if (hooked) return;
  hooked = true;
  const original = moduleStatics._resolveFilename;
  moduleStatics._resolveFilename = function resolve(request, parent, ...rest) {
    if (request === 'electron') return STANDIN_ID;
    return original.call(this, request, parent, ...rest);
  };
}

/** Loads the main bundle as one new instance of the app in `world`; returns the module's exports. */
export function loadMain(world: ElectronWorld, bundle = MAIN_BUNDLE): unknown {
  hookResolution();
  const fake = new Module(STANDIN_ID);
  fake.filename = STANDIN_ID;
  fake.loaded = true;
  fake.exports = world.electron;
  moduleStatics._cache[STANDIN_ID] = fake;
  delete moduleStatics._cache[bundle];
  return requireHere(bundle);
}
