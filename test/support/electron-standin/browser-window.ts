/**
 * The stand-in `BrowserWindow` (https://www.electronjs.org/docs/latest/api/browser-window): only after
 * ready, only sandboxed and context-isolated (the preload then runs by the sandbox's rules,
 * https://www.electronjs.org/docs/latest/tutorial/sandbox), `web-contents-created` on creation,
 * `window-all-closed` when the last one closes.
 */
import { EventEmitter } from 'node:events';
import { ElectronRuleError, makeEvent } from './standin-event';
import { StandinWebContents, type PageHost } from './web-contents';
import type { StandinApp } from './app';
import type { StandinSessionModule } from './session';

/** What the world keeps of a window. */
export interface StandinBrowserWindow extends EventEmitter {
  readonly id: number;
  readonly webContents: StandinWebContents;
  isDestroyed(): boolean;
  destroy(): void;
  close(): void;
  focus(): void;
  isVisible(): boolean;
  isMinimized(): boolean;
  minimize(): void;
}

export interface WindowWorld {
  app: StandinApp;
  session: StandinSessionModule;
  host: () => PageHost | undefined;
  windows: StandinBrowserWindow[];
  focused: { window: StandinBrowserWindow | null };
}

let nextWindowId = 1;

export function browserWindowClass(world: WindowWorld) {
  return class BrowserWindow extends EventEmitter implements StandinBrowserWindow {
    static getAllWindows(): BrowserWindow[] {
      return world.windows.filter((w) => !w.isDestroyed()) as BrowserWindow[];
    }

    static getFocusedWindow(): BrowserWindow | null {
      const win = world.focused.window;
      return win && !win.isDestroyed() ? (win as BrowserWindow) : null;
    }

    static fromWebContents(contents: StandinWebContents): BrowserWindow | null {
      return (world.windows.find((w) => w.webContents === contents) as BrowserWindow | undefined) ?? null;
    }

    static fromId(id: number): BrowserWindow | null {
      return (world.windows.find((w) => w.id === id) as BrowserWindow | undefined) ?? null;
    }

    readonly id = nextWindowId++;
    readonly webContents: StandinWebContents;
    private visible: boolean;
    private minimized = false;
    private destroyed = false;
    private title: string;

    constructor(readonly options: Record<string, unknown> = {}) {
      super();
      // "You cannot use this module until the ready event of the app module is emitted."
      if (!world.app.isReady()) throw new ElectronRuleError('Cannot create BrowserWindow before app is ready', 'https://www.electronjs.org/docs/latest/api/browser-window');
      const prefs: Record<string, unknown> = { sandbox: true, contextIsolation: true, nodeIntegration: false, ...(options.webPreferences as Record<string, unknown>) };
      if (prefs.nodeIntegration || prefs.sandbox === false || prefs.contextIsolation === false) {
        throw new ElectronRuleError(
          'stand-in runs only sandboxed, context-isolated windows without Node integration (what the security checklist asks)',
          'https://www.electronjs.org/docs/latest/tutorial/security#4-enable-process-sandboxing',
        );
      }
      this.visible = options.show !== false;
      this.title = String(options.title ?? world.app.getName());
      const ses = typeof prefs.partition === 'string' ? world.session.fromPartition(prefs.partition) : world.session.defaultSession;
      this.webContents = new StandinWebContents(ses, prefs, world.host);
      world.windows.push(this);
      world.focused.window = this;
      world.app.emit('browser-window-created', makeEvent(), this);
      world.app.emit('web-contents-created', makeEvent(), this.webContents);
      this.webContents.on('did-finish-load', () => this.emit('ready-to-show'));
    }

    loadURL(url: string): Promise<void> {
      return this.webContents.loadURL(url);
    }

    show(): void {
      this.visible = true;
      this.focus();
    }

    hide(): void {
      this.visible = false;
    }

    isVisible(): boolean {
      return this.visible;
    }

    focus(): void {
      world.focused.window = this;
      this.emit('focus');
    }

    isFocused(): boolean {
      return world.focused.window === (this);
    }

    minimize(): void {
      this.minimized = true;
    }

    isMinimized(): boolean {
      return this.minimized;
    }

    restore(): void {
      this.minimized = false;
    }

    setTitle(title: string): void {
      this.title = title;
    }

    getTitle(): string {
      return this.title;
    }

    setMenuBarVisibility(): void {}

    setBounds(): void {}

    /** `close` can be prevented; then `closed`, and `window-all-closed` when it was the last window. */
    close(): void {
      if (this.destroyed) return;
      const event = makeEvent();
      this.emit('close', event);
      if (!event.defaultPrevented) this.destroy();
    }

    destroy(): void {
      if (this.destroyed) return;
      this.destroyed = true;
      this.webContents.destroy();
      if (world.focused.window === (this)) world.focused.window = null;
      this.emit('closed');
      if (world.windows.every((w) => w.isDestroyed())) {
        // "If you do not subscribe to this event and all windows are closed, the default behavior is to quit the app"
        if (world.app.listenerCount('window-all-closed') === 0) world.app.quit();
        else world.app.emit('window-all-closed');
      }
    }

    isDestroyed(): boolean {
      return this.destroyed;
    }
  };
}
