/**
 * The frame every form dialog shares: Radix dialog with overlay, a title and optional description,
 * the form, and Cancel / submit buttons. Focus goes to the given field on open (selected when asked)
 * and back to the opener on close, so each dialog writes only its own fields.
 */
import * as Dialog from '@radix-ui/react-dialog';
import type { FormEvent, ReactNode, RefObject } from 'react';
import { returnFocus } from './return-focus';
import './dialogs.css';

interface Props {
  title: ReactNode;
  description?: ReactNode;
  wide?: boolean;
  /** Focused when the dialog opens; an input is also selected with `selectOnOpen`. */
  focus: RefObject<HTMLElement | null>;
  selectOnOpen?: boolean;
  opener: Element | null;
  onCancel(): void;
  onSubmit(event: FormEvent): void;
  submitLabel: ReactNode;
  children: ReactNode;
}

export function FormDialog({ title, description, wide, focus, selectOnOpen, opener, onCancel, onSubmit, submitLabel, children }: Props) {
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onCancel()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dlg-overlay" />
        <Dialog.Content
          className={wide ? 'dlg dlg-wide' : 'dlg'}
          {...(description ? {} : { 'aria-describedby': undefined })}
          onOpenAutoFocus={(e) => {
            e.preventDefault();
            focus.current?.focus();
            if (selectOnOpen && focus.current instanceof HTMLInputElement) focus.current.select();
          }}
          onCloseAutoFocus={(e) => returnFocus(e, opener)}
        >
          <Dialog.Title className="dlg-title">{title}</Dialog.Title>
          {description && <Dialog.Description className="dlg-description">{description}</Dialog.Description>}
          <form className="dlg-form" onSubmit={onSubmit} noValidate>
            {children}
            <div className="dlg-actions">
              <Dialog.Close asChild>
                <button type="button">Cancel</button>
              </Dialog.Close>
              <button type="submit" className="primary">
                {submitLabel}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** A field's error, announced, and named by the field's aria-describedby. */
export function FieldError({ id, error }: { id: string; error: string | null }) {
  if (!error) return null;
  return (
    <p id={id} className="dlg-error" role="alert">
      {error}
    </p>
  );
}
