/**
 * Asks yes or no in an accessible alert dialog: Esc and Cancel say no, Enter activates the focused
 * button (the action, or Cancel when the action destroys something), focus returns to the opener.
 */
import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useRef } from 'react';
import type { ConfirmOptions } from './dialog-store';
import { returnFocus } from './return-focus';

interface Props {
  options: ConfirmOptions;
  opener: Element | null;
  onClose(value: boolean): void;
}

export function ConfirmDialog({ options, opener, onClose }: Props) {
  const action = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  return (
    <AlertDialog.Root open onOpenChange={(open) => !open && onClose(false)}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dlg-overlay" />
        <AlertDialog.Content
          className="dlg"
          onOpenAutoFocus={(e) => {
            e.preventDefault();
            (options.destructive ? cancel : action).current?.focus();
          }}
          onCloseAutoFocus={(e) => returnFocus(e, opener)}
        >
          <AlertDialog.Title className="dlg-title">{options.title}</AlertDialog.Title>
          <AlertDialog.Description className="dlg-description">{options.description}</AlertDialog.Description>
          {options.details && <div className="dlg-details">{options.details}</div>}
          <div className="dlg-actions">
            <AlertDialog.Cancel ref={cancel}>{options.cancelLabel ?? 'Cancel'}</AlertDialog.Cancel>
            <AlertDialog.Action ref={action} className={options.destructive ? 'danger' : 'primary'} onClick={() => onClose(true)}>
              {options.confirmLabel ?? 'OK'}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
