/**
 * The stand-in `dialog` (https://www.electronjs.org/docs/latest/api/dialog): records every call and
 * answers from a script the test fills (`answer('showOpenDialog', …)`); unanswered ones cancel.
 * Only `showErrorBox` may be used before ready.
 */
import { ElectronRuleError } from './standin-event';
import type { StandinApp } from './app';

const DOCS = 'https://www.electronjs.org/docs/latest/api/dialog';

type Method = 'showOpenDialog' | 'showSaveDialog' | 'showMessageBox';

export interface DialogCall {
  method: string;
  options: Record<string, unknown>;
  hasParent: boolean;
}

export class StandinDialog {
  readonly calls: DialogCall[] = [];
  readonly errorBoxes: { title: string; content: string }[] = [];
  private readonly answers = new Map<Method, unknown[]>();

  constructor(
    private readonly app: StandinApp,
    private readonly isWindow: (value: unknown) => boolean,
  ) {}

  /** Queues what the next call of `method` returns (e.g. `{ canceled: false, filePaths: [dir] }`, `{ response: 0 }`). */
  answer(method: Method, value: unknown): void {
    if (!this.answers.has(method)) this.answers.set(method, []);
    this.answers.get(method)!.push(value);
  }

  private take(method: Method, args: unknown[], fallback: (options: Record<string, unknown>) => unknown): unknown {
    // "This API can only be used after the ready event" (dialog module).
    if (!this.app.isReady()) throw new ElectronRuleError(`dialog.${method} before ready`, DOCS);
    const hasParent = this.isWindow(args[0]);
    const options = ((hasParent ? args[1] : args[0]) ?? {}) as Record<string, unknown>;
    this.calls.push({ method, options, hasParent });
    const queued = this.answers.get(method)?.shift();
    return queued ?? fallback(options);
  }

  async showOpenDialog(...args: unknown[]): Promise<unknown> {
    return this.take('showOpenDialog', args, () => ({ canceled: true, filePaths: [] }));
  }

  showOpenDialogSync(...args: unknown[]): string[] | undefined {
    const result = this.take('showOpenDialog', args, () => ({ canceled: true, filePaths: [] })) as { canceled: boolean; filePaths: string[] };
    return result.canceled ? undefined : result.filePaths;
  }

  async showSaveDialog(...args: unknown[]): Promise<unknown> {
    return this.take('showSaveDialog', args, () => ({ canceled: true, filePath: '' }));
  }

  async showMessageBox(...args: unknown[]): Promise<unknown> {
    return this.take('showMessageBox', args, (o) => ({ response: typeof o.cancelId === 'number' ? o.cancelId : 0, checkboxChecked: false }));
  }

  showMessageBoxSync(...args: unknown[]): number {
    const result = this.take('showMessageBox', args, (o) => ({ response: typeof o.cancelId === 'number' ? o.cancelId : 0 })) as { response: number };
    return result.response;
  }

  /** "This API can be called safely before the ready event the app module emits." */
  showErrorBox(title: string, content: string): void {
    this.errorBoxes.push({ title, content });
  }
}
