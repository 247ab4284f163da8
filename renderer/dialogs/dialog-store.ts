/**
 * The queue of in-app dialogs: any code asks, one dialog shows at a time, and each request
 * resolves with the answer. Native prompt/confirm are not used because Electron throws on them.
 */
import type { ReactNode } from 'react';

export interface AskOptions {
  title: string;
  /** One or two sentences under the title; read out with it. */
  description?: string;
  /** The visible label of the text field. */
  label: string;
  initial?: string;
  placeholder?: string;
  submitLabel?: string;
  /** An empty answer is a valid answer (e.g. "no remote"); otherwise Enter on an empty field is refused. */
  allowEmpty?: boolean;
  /** Hide the typed text (tokens). */
  secret?: boolean;
  /** A message when the value cannot be used, or null. */
  validate?(value: string): string | null;
  /** Extra content under the field, e.g. the files a commit will hold. */
  details?: ReactNode;
  /** Values to pick instead of typing (a click submits it), with a heading. */
  choices?: { value: string; label?: string }[];
  choicesLabel?: string;
}

export interface ConfirmOptions {
  title: string;
  description: string;
  confirmLabel?: string;
  cancelLabel?: string;
  /** Destructive actions start with focus on Cancel, so Enter alone never destroys. */
  destructive?: boolean;
  details?: ReactNode;
}

export interface ChooseOptions {
  title: string;
  description?: string;
  choices: { value: string; label?: string }[];
  /** Said when there is nothing to choose. */
  empty?: string;
}

/**
 * A dialog of its own (publish date, new post, commit): it renders its Radix dialog and calls
 * `close` once with its answer (null when cancelled); `opener` is where focus returns.
 */
export type CustomDialog<T> = (close: (value: T | null) => void, opener: Element | null) => ReactNode;

export type DialogRequest =
  | { id: number; kind: 'custom'; render: CustomDialog<unknown>; opener: Element | null; settle(value: unknown): void }
  | { id: number; kind: 'ask'; options: AskOptions; opener: Element | null; settle(value: string | null): void }
  | { id: number; kind: 'confirm'; options: ConfirmOptions; opener: Element | null; settle(value: boolean): void }
  | { id: number; kind: 'choose'; options: ChooseOptions; opener: Element | null; settle(value: string | null): void };

type Listener = () => void;

let queue: DialogRequest[] = [];
let nextId = 1;
/** The opener of the dialog that closed last: a follow-up dialog returns focus there too. */
let lastOpener: Element | null = null;
const listeners = new Set<Listener>();

function changed(): void {
  for (const listener of listeners) listener();
}

function openerNow(): Element | null {
  if (typeof document === 'undefined') return null;
  const active = document.activeElement;
  if (!active || active === document.body || active.closest('[role=dialog],[role=alertdialog]')) return lastOpener;
  return active;
}

function enqueue<T>(make: (id: number, opener: Element | null, settle: (value: T) => void) => DialogRequest): Promise<T> {
  return new Promise<T>((resolve) => {
    const id = nextId++;
    let done = false;
    const settle = (value: T) => {
      if (done) return;
      done = true;
      lastOpener = request.opener;
      queue = queue.filter((r) => r.id !== id);
      changed();
      resolve(value);
    };
    const request = make(id, openerNow(), settle);
    queue = [...queue, request];
    changed();
  });
}

/** The dialogs API; the same functions `useDialogs()` returns. */
export const dialogs = {
  /** A text answer, or null when cancelled. */
  ask: (options: AskOptions) => enqueue<string | null>((id, opener, settle) => ({ id, kind: 'ask', options, opener, settle })),
  /** True when confirmed. */
  confirm: (options: ConfirmOptions) => enqueue<boolean>((id, opener, settle) => ({ id, kind: 'confirm', options, opener, settle })),
  /** One of the choices, or null when cancelled. */
  choose: (options: ChooseOptions) => enqueue<string | null>((id, opener, settle) => ({ id, kind: 'choose', options, opener, settle })),
  /** A dialog of its own, queued like the others; its answer, or null when cancelled. */
  show: <T>(render: CustomDialog<T>) =>
    enqueue<T | null>((id, opener, settle) => ({ id, kind: 'custom', render: render as CustomDialog<unknown>, opener, settle: settle as (value: unknown) => void })),
  /** True while a dialog is showing (global shortcuts then wait). */
  isOpen: () => queue.length > 0,
};

export function subscribeDialogs(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The dialog on screen now. */
export function currentDialog(): DialogRequest | null {
  return queue[0] ?? null;
}
