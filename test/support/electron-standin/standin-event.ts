/**
 * Electron's event object: `preventDefault()` and `defaultPrevented`, plus whatever the event carries.
 */
export interface StandinEvent {
  preventDefault(): void;
  readonly defaultPrevented: boolean;
  [key: string]: unknown;
}

export function makeEvent(extra: Record<string, unknown> = {}): StandinEvent {
  let prevented = false;
  return Object.assign(
    {
      preventDefault() {
        prevented = true;
      },
      get defaultPrevented() {
        return prevented;
      },
    },
    extra,
  );
}

/** A rule of Electron's that the code under test broke: thrown, so the test shows it. */
export class ElectronRuleError extends Error {
  constructor(message: string, readonly docs: string) {
    super(`${message} (${docs})`);
    this.name = 'ElectronRuleError';
  }
}
