/**
 * Renders the toast store with Radix Toast: a live region screen readers announce, F8 to reach the
 * toasts by keyboard, pause on hover/focus, swipe to dismiss. Mount once, near the root.
 */
import { useSyncExternalStore } from 'react';
import * as Toast from '@radix-ui/react-toast';
import { CheckCircle2, CircleAlert, Info, LoaderCircle, X } from 'lucide-react';
import { dismissToast, getToasts, subscribeToasts, type ToastItem } from './toast-store';
import './toasts.css';

function ToneIcon({ item }: { item: ToastItem }) {
  if (item.progress !== undefined) return <LoaderCircle className="toast-icon spin" aria-hidden />;
  if (item.tone === 'error') return <CircleAlert className="toast-icon error" aria-hidden />;
  if (item.tone === 'success') return <CheckCircle2 className="toast-icon success" aria-hidden />;
  return <Info className="toast-icon" aria-hidden />;
}

function OneToast({ item }: { item: ToastItem }) {
  const running = item.progress !== undefined;
  return (
    <Toast.Root
      className={`toast ${item.tone ?? 'info'}`}
      open={item.open}
      duration={item.duration}
      type={item.tone === 'error' ? 'foreground' : 'background'}
      onOpenChange={(open) => {
        if (!open) dismissToast(item.id);
      }}
      // The toast itself is the status a person (and a test) reads; Radix's own announcer speaks it, so not live twice.
      role="status"
      aria-live="off"
      aria-atomic
      // A closing toast is on its way out: nothing in it is offered any more.
      aria-hidden={item.open ? undefined : true}
      inert={!item.open}
    >
      <ToneIcon item={item} />
      <div className="toast-body">
        <Toast.Title className="toast-title">{item.title}</Toast.Title>
        {item.description && <Toast.Description className="toast-description">{item.description}</Toast.Description>}
        {running && (
          <div
            className={`toast-progress ${item.progress === null ? 'indeterminate' : ''}`}
            role="progressbar"
            aria-label={item.title}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={item.progress === null ? undefined : Math.round((item.progress ?? 0) * 100)}
          >
            <span style={item.progress === null ? undefined : { width: `${Math.round((item.progress ?? 0) * 100)}%` }} />
          </div>
        )}
      </div>
      {item.action && (
        <Toast.Action
          className="toast-action"
          altText={item.action.altText ?? item.action.label}
          aria-label={item.action.ariaLabel}
          onClick={() => {
            const action = item.action!;
            dismissToast(item.id);
            void action.run();
          }}
        >
          {item.action.label}
        </Toast.Action>
      )}
      {!running && (
        <Toast.Close className="toast-close icon-button ghost" aria-label="Dismiss">
          <X aria-hidden />
        </Toast.Close>
      )}
    </Toast.Root>
  );
}

/**
 * Radix announces each toast through a status element it adds for a second; ours are announced by
 * two live regions that exist from the start (which screen readers announce reliably), so that
 * element goes to a container outside the document and the page shows one status per message.
 */
const detachedAnnouncer = typeof document === 'undefined' ? undefined : document.createElement('div');

/** What a screen reader says for a toast: its words and, when it has one, how to act on it. */
function announcement(item: ToastItem): string {
  return [item.title, item.description, item.action && `${item.action.label}: press F8 to reach it.`].filter(Boolean).join('. ');
}

/** The toasts, bottom right; `children` is the app, inside the provider so toasts can be shown from anywhere. */
export function Toaster({ children }: { children?: React.ReactNode }) {
  const items = useSyncExternalStore(subscribeToasts, getToasts);
  const newest = [...items].reverse().find((t) => t.open);
  const urgent = newest?.tone === 'error';
  return (
    <Toast.Provider swipeDirection="right" label="Notification" announcerContainer={detachedAnnouncer}>
      {children}
      {items.map((item) => (
        <OneToast key={item.id} item={item} />
      ))}
      <Toast.Viewport className="toast-viewport" />
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {newest && !urgent ? announcement(newest) : ''}
      </div>
      <div className="visually-hidden" aria-live="assertive" aria-atomic="true">
        {newest && urgent ? announcement(newest) : ''}
      </div>
    </Toast.Provider>
  );
}
