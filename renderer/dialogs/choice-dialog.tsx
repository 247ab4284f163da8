/**
 * Picks one item from a short list (recent sites) in an accessible modal: arrow keys or Tab move,
 * Enter picks, Esc cancels, focus returns to the opener.
 */
import * as Dialog from '@radix-ui/react-dialog';
import { useRef, type KeyboardEvent } from 'react';
import type { ChooseOptions } from './dialog-store';
import { ChoiceList } from './choice-list';
import { returnFocus } from './return-focus';

interface Props {
  options: ChooseOptions;
  opener: Element | null;
  onClose(value: string | null): void;
}

export function ChoiceDialog({ options, opener, onClose }: Props) {
  const list = useRef<HTMLUListElement>(null);
  const move = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const buttons = [...(list.current?.querySelectorAll('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = buttons[(at + (e.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  };
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose(null)}>
      <Dialog.Portal>
        <Dialog.Overlay className="dlg-overlay" />
        <Dialog.Content className="dlg" {...(options.description ? {} : { 'aria-describedby': undefined })} onCloseAutoFocus={(e) => returnFocus(e, opener)}>
          <Dialog.Title className="dlg-title">{options.title}</Dialog.Title>
          {options.description && <Dialog.Description className="dlg-description">{options.description}</Dialog.Description>}
          {options.choices.length === 0 ? (
            <p className="dlg-description">{options.empty ?? 'Nothing to choose from.'}</p>
          ) : (
            <ChoiceList choices={options.choices} onPick={onClose} className="dlg-choices dlg-choice-list" listRef={list} onKeyDown={move} />
          )}
          <div className="dlg-actions">
            <Dialog.Close asChild>
              <button type="button">Cancel</button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
