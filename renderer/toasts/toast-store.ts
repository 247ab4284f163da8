/**
 * The app's toasts as a tiny store usable from anywhere (components, flows, plain functions):
 * `toast(...)` shows one, `progress(...)` shows one that stays while work runs. The one Toaster
 * renders them; keeping them out of React state means no prop threading from deep callers.
 */

export type ToastTone = 'info' | 'success' | 'error';

/** An action button on a toast, such as Undo; the toast closes when it runs. */
export interface ToastAction {
  label: string;
  run(): void | Promise<void>;
  /** A fuller accessible name than the visible label, e.g. Undo “Rename file”. */
  ariaLabel?: string;
  /** How a screen reader user can do the same without the toast (Radix asks for it). */
  altText?: string;
}

export interface ToastInput {
  title: string;
  description?: string;
  action?: ToastAction;
  tone?: ToastTone;
  /** Milliseconds on screen; toasts with an action stay longer by default. */
  duration?: number;
}

export interface ToastItem extends ToastInput {
  id: number;
  /** Work still running: no timeout, shows a progress bar (fraction 0–1 or null for indeterminate). */
  progress?: number | null;
  open: boolean;
}

type Listener = () => void;

let items: ToastItem[] = [];
let nextId = 1;
const listeners = new Set<Listener>();

const DEFAULT_MS = 5000;
const ACTION_MS = 10000;
/**
 * One message at a time, like a snackbar: a new one replaces the last, so messages never pile up
 * over the text and the newest is always the one read. Progress toasts are not counted.
 */
const MAX_SHOWN = 1;

function emit(): void {
  for (const l of listeners) l();
}

function set(next: ToastItem[]): void {
  const open = next.filter((t) => t.open && t.progress === undefined);
  if (open.length > MAX_SHOWN) {
    const close = new Set(open.slice(0, open.length - MAX_SHOWN).map((t) => t.id));
    next = next.map((t) => (close.has(t.id) ? { ...t, open: false } : t));
    setTimeout(() => close.forEach(removeToast), 1000);
  }
  items = next;
  emit();
}

/** Shows a toast; returns its id for `dismissToast`. */
export function toast(input: ToastInput): number {
  const id = nextId++;
  const duration = input.duration ?? (input.action ? ACTION_MS : input.tone === 'error' ? ACTION_MS : DEFAULT_MS);
  set([...items, { ...input, duration, id, open: true }]);
  return id;
}

/** Closes a toast; it is forgotten once its closing animation has had time to run. */
export function dismissToast(id: number): void {
  if (!items.some((t) => t.id === id && t.open)) return;
  set(items.map((t) => (t.id === id ? { ...t, open: false } : t)));
  setTimeout(() => removeToast(id), 1000);
}

/** Forgets a closed toast. */
export function removeToast(id: number): void {
  set(items.filter((t) => t.id !== id));
}

/** Closes every toast (another site opened: old Undo buttons would act on the wrong site); `now` skips the closing animation. */
export function dismissAllToasts(now = false): void {
  if (now) {
    if (items.length) set([]);
    return;
  }
  for (const t of items) dismissToast(t.id);
}

/** Changes a shown toast in place (a progress toast's text, or its outcome). */
export function updateToast(id: number, patch: Partial<ToastInput> & { progress?: number | null }): void {
  set(items.map((t) => (t.id === id ? { ...t, ...patch } : t)));
}

/** A running piece of work shown as a toast with a progress bar. */
export interface ProgressHandle {
  /** New text or fraction (0–1) while it runs. */
  update(patch: { title?: string; description?: string; fraction?: number | null }): void;
  /** Finished: becomes a normal toast with this outcome, or closes when given nothing. */
  done(outcome?: ToastInput): void;
}

/**
 * Shows a progress toast after `delayMs` (so quick work shows nothing) until `done`.
 * Anything that can take more than a second goes through here.
 */
export function progress(title: string, options: { description?: string; delayMs?: number } = {}): ProgressHandle {
  let id: number | null = null;
  let current = { title, description: options.description, fraction: null as number | null };
  let finished = false;
  const show = () => {
    if (finished || id !== null) return;
    id = nextId++;
    set([...items, { id, title: current.title, description: current.description, progress: current.fraction, open: true, duration: Infinity, tone: 'info' }]);
  };
  const timer = (options.delayMs ?? 400) > 0 ? setTimeout(show, options.delayMs ?? 400) : (show(), null);
  return {
    update(patch) {
      current = { title: patch.title ?? current.title, description: patch.description ?? current.description, fraction: patch.fraction === undefined ? current.fraction : patch.fraction };
      if (id !== null) updateToast(id, { title: current.title, description: current.description, progress: current.fraction });
    },
    done(outcome) {
      finished = true;
      if (timer) clearTimeout(timer);
      if (id === null) {
        if (outcome) toast(outcome);
        return;
      }
      const shownId = id;
      if (!outcome) return dismissToast(shownId);
      const duration = outcome.duration ?? (outcome.action || outcome.tone === 'error' ? ACTION_MS : DEFAULT_MS);
      set(items.map((t) => (t.id === shownId ? { ...t, ...outcome, description: outcome.description, action: outcome.action, progress: undefined, duration } : t)));
    },
  };
}

/** Runs `work` with a progress toast if it takes longer than `delayMs`; the toast closes when it settles. */
export async function withProgress<T>(title: string, work: () => Promise<T>, options: { description?: string; delayMs?: number } = {}): Promise<T> {
  const handle = progress(title, options);
  try {
    return await work();
  } finally {
    handle.done();
  }
}

export function subscribeToasts(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getToasts(): ToastItem[] {
  return items;
}
