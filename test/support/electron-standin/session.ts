/**
 * The stand-in `session` (https://www.electronjs.org/docs/latest/api/session): permission request and
 * check handlers. Without a handler every permission is granted, as the security checklist warns
 * (https://www.electronjs.org/docs/latest/tutorial/security#5-handle-session-permission-requests-from-remote-content).
 */
import type { StandinWebContents } from './web-contents';

type RequestHandler = ((contents: StandinWebContents, permission: string, callback: (granted: boolean) => void, details: Record<string, unknown>) => void) | null;
type CheckHandler = ((contents: StandinWebContents | null, permission: string, origin: string, details: Record<string, unknown>) => boolean) | null;

export class StandinSession {
  private requestHandler: RequestHandler = null;
  private checkHandler: CheckHandler = null;
  readonly asked: { permission: string; granted: boolean }[] = [];

  constructor(readonly partition: string) {}

  setPermissionRequestHandler(handler: RequestHandler): void {
    this.requestHandler = handler;
  }

  setPermissionCheckHandler(handler: CheckHandler): void {
    this.checkHandler = handler;
  }

  /** What a page asking for `permission` gets. */
  async requestPermission(contents: StandinWebContents, permission: string, details: Record<string, unknown> = {}): Promise<boolean> {
    const granted = this.requestHandler
      ? await new Promise<boolean>((resolve) => this.requestHandler!(contents, permission, (ok) => resolve(ok === true), { requestingUrl: contents.getURL(), ...details }))
      : true;
    this.asked.push({ permission, granted });
    return granted;
  }

  checkPermission(contents: StandinWebContents | null, permission: string, origin: string): boolean {
    return this.checkHandler ? this.checkHandler(contents, permission, origin, {}) === true : true;
  }

  clearCache(): Promise<void> {
    return Promise.resolve();
  }

  clearStorageData(): Promise<void> {
    return Promise.resolve();
  }

  setSpellCheckerLanguages(): void {}
}

export class StandinSessionModule {
  readonly defaultSession = new StandinSession('');
  private readonly partitions = new Map<string, StandinSession>();

  fromPartition(partition: string): StandinSession {
    if (partition === '') return this.defaultSession;
    if (!this.partitions.has(partition)) this.partitions.set(partition, new StandinSession(partition));
    return this.partitions.get(partition)!;
  }
}
