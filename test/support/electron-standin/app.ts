/**
 * The stand-in `app` (https://www.electronjs.org/docs/latest/api/app): ready, paths, command line,
 * single-instance lock, quit; each rule the docs state is enforced where the code could break it.
 */
import { EventEmitter } from 'node:events';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ElectronRuleError, makeEvent } from './standin-event';

const APP_DOCS = 'https://www.electronjs.org/docs/latest/api/app';

/**
 * Instances of one app on this machine, by their userData folder: Chromium's process singleton
 * (what `requestSingleInstanceLock` takes) lives in the userData directory.
 */
const locks = new Map<string, StandinApp>();

export interface AppOptions {
  name: string;
  version: string;
  argv: string[];
  cwd: string;
  /** Root of the default paths (appData, home, temp…), a temp folder of the test. */
  root: string;
  platform: NodeJS.Platform;
}

export class StandinApp extends EventEmitter {
  readonly isPackaged = false;
  readonly recentDocuments: string[] = [];
  readonly violations: string[] = [];
  exitCode: number | null = null;
  quitRequested = false;
  quitted = false;
  private ready = false;
  private readyWaiters: (() => void)[] = [];
  private paths: Map<string, string>;
  private name: string;
  private hasLock = false;
  readonly commandLine: {
    hasSwitch(name: string): boolean;
    getSwitchValue(name: string): string;
    appendSwitch(name: string, value?: string): void;
    appendArgument(arg: string): void;
    removeSwitch(name: string): void;
  };

  constructor(readonly options: AppOptions) {
    super();
    this.name = options.name;
    const appData = path.join(options.root, 'appData');
    this.paths = new Map([
      ['home', path.join(options.root, 'home')],
      ['appData', appData],
      ['userData', path.join(appData, options.name)],
      ['sessionData', path.join(appData, options.name)],
      ['temp', path.join(options.root, 'tmp')],
      ['exe', options.argv[0] ?? '/opt/Postwright/postwright'],
      ['module', options.argv[0] ?? '/opt/Postwright/postwright'],
      ['desktop', path.join(options.root, 'home', 'Desktop')],
      ['documents', path.join(options.root, 'home', 'Documents')],
      ['downloads', path.join(options.root, 'home', 'Downloads')],
      ['logs', path.join(appData, options.name, 'logs')],
      ['crashDumps', path.join(appData, options.name, 'Crashpad')],
    ]);
    const switches = new Map<string, string>();
    for (const arg of options.argv.slice(1)) {
      if (arg === '--') break;
      const m = /^--([^=]+)(?:=(.*))?$/.exec(arg);
      if (m) switches.set(m[1], m[2] ?? '');
    }
    this.commandLine = {
      hasSwitch: (name) => switches.has(name),
      getSwitchValue: (name) => switches.get(name) ?? '',
      appendSwitch: (name, value) => void switches.set(name, value ?? ''),
      appendArgument: () => undefined,
      removeSwitch: (name) => void switches.delete(name),
    };
  }

  /** The test's "the app has finished launching": emits `will-finish-launching`, `ready`. */
  emitReady(): void {
    if (this.ready) return;
    this.emit('will-finish-launching');
    this.ready = true;
    this.emit('ready', makeEvent(), {});
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }

  isReady(): boolean {
    return this.ready;
  }

  whenReady(): Promise<void> {
    return this.ready ? Promise.resolve() : new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  getName(): string {
    return this.name;
  }

  setName(name: string): void {
    this.name = name;
  }

  getVersion(): string {
    return this.options.version;
  }

  getLocale(): string {
    return 'en-US';
  }

  getAppPath(): string {
    return path.dirname(this.options.argv[1] ?? '.');
  }

  getPath(name: string): string {
    const value = this.paths.get(name);
    // "getPath: ... A Error is thrown if the path name is not recognised" (app.getPath)
    if (value === undefined) throw new ElectronRuleError(`Failed to get '${name}' path`, `${APP_DOCS}#appgetpathname`);
    return value;
  }

  setPath(name: string, value: string): void {
    // "You can only override paths of a name defined in app.getPath"; "If the path specifies a
    // directory that does not exist, an Error is thrown" (app.setPath).
    if (!this.paths.has(name)) throw new ElectronRuleError(`Failed to set path: unknown name '${name}'`, `${APP_DOCS}#appsetpathname-path`);
    if (!path.isAbsolute(value)) throw new ElectronRuleError(`Path must be absolute: ${value}`, `${APP_DOCS}#appsetpathname-path`);
    if (!existsSync(value) || !statSync(value).isDirectory()) {
      throw new ElectronRuleError(`Failed to set path: ${value} does not exist`, `${APP_DOCS}#appsetpathname-path`);
    }
    // userData (and the session data under it) must be chosen before `ready` to take effect.
    if (this.ready && (name === 'userData' || name === 'sessionData')) this.violations.push(`setPath('${name}') after ready has no effect on the session`);
    this.paths.set(name, value);
    if (name === 'userData') this.paths.set('sessionData', value);
  }

  /**
   * "This method returns false if your process should immediately quit as it has sent its parameters
   * to another instance that has already acquired the lock"; the first instance gets `second-instance`
   * with the second's argv, working directory and additionalData.
   */
  requestSingleInstanceLock(additionalData: Record<string, unknown> = {}): boolean {
    if (this.hasLock) return true;
    const key = this.getPath('userData');
    const holder = locks.get(key);
    if (holder && holder !== this && holder.hasLock) {
      const argv = [...this.options.argv];
      setImmediate(() => holder.emit('second-instance', makeEvent(), argv, this.options.cwd, structuredClone(additionalData)));
      return false;
    }
    locks.set(key, this);
    this.hasLock = true;
    return true;
  }

  hasSingleInstanceLock(): boolean {
    return this.hasLock;
  }

  releaseSingleInstanceLock(): void {
    if (!this.hasLock) return;
    this.hasLock = false;
    for (const [key, holder] of locks) if (holder === this) locks.delete(key);
  }

  /** "Try to close all windows. The before-quit event will be emitted first…", then will-quit, then quit. */
  quit(): void {
    this.quitRequested = true;
    if (this.quitted) return;
    const before = makeEvent();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    this.emit('standin:close-all-windows');
    const will = makeEvent();
    this.emit('will-quit', will);
    if (will.defaultPrevented) return;
    this.quitted = true;
    this.emit('quit', makeEvent(), 0);
    this.releaseSingleInstanceLock();
  }

  /** "Exits immediately with exitCode … without asking the user and without emitting before-quit and will-quit." */
  exit(code = 0): void {
    this.exitCode = code;
    this.quitted = true;
    this.releaseSingleInstanceLock();
  }

  relaunch(): void {
    this.violations.push('relaunch() called');
  }

  focus(): void {
    this.emit('standin:focus');
  }

  addRecentDocument(file: string): void {
    this.recentDocuments.push(file);
  }

  clearRecentDocuments(): void {
    this.recentDocuments.length = 0;
  }

  setAppUserModelId(): void {}

  enableSandbox(): void {}

  setAboutPanelOptions(): void {}
}
