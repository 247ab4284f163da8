/**
 * Asks for one line of text in an accessible modal: labelled title and description, focus kept
 * inside, Enter submits, Esc cancels, and focus goes back to the control that opened it.
 */
import * as Dialog from '@radix-ui/react-dialog';
import { useId, useRef, useState, type FormEvent } from 'react';
import type { AskOptions } from './dialog-store';
import { ChoiceList } from './choice-list';
import { returnFocus } from './return-focus';

interface Props {
  options: AskOptions;
  opener: Element | null;
  onClose(value: string | null): void;
}

export function TextPromptDialog({ options, opener, onClose }: Props) {
  const [value, setValue] = useState(options.initial ?? '');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const fieldId = useId();
  const errorId = useId();

  const check = (v: string): string | null => {
    if (!options.allowEmpty && !v.trim()) return `${options.label} cannot be empty.`;
    return options.validate?.(v) ?? null;
  };
  const submit = (v: string) => {
    const problem = check(v);
    if (problem) {
      setError(problem);
      input.current?.focus();
      return;
    }
    onClose(v);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit(value);
  };

  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose(null)}>
      <Dialog.Portal>
        <Dialog.Overlay className="dlg-overlay" />
        <Dialog.Content
          className="dlg"
          {...(options.description ? {} : { 'aria-describedby': undefined })}
          onOpenAutoFocus={(e) => {
            e.preventDefault();
            input.current?.focus();
            input.current?.select();
          }}
          onCloseAutoFocus={(e) => returnFocus(e, opener)}
        >
          <Dialog.Title className="dlg-title">{options.title}</Dialog.Title>
          {options.description && <Dialog.Description className="dlg-description">{options.description}</Dialog.Description>}
          <form className="dlg-form" onSubmit={onSubmit} noValidate>
            <label className="dlg-label" htmlFor={fieldId}>
              {options.label}
            </label>
            <input
              ref={input}
              id={fieldId}
              className="dlg-input"
              type={options.secret ? 'password' : 'text'}
              value={value}
              placeholder={options.placeholder}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              onChange={(e) => {
                setValue(e.target.value);
                if (error) setError(null);
              }}
            />
            {error && (
              <p id={errorId} className="dlg-error" role="alert">
                {error}
              </p>
            )}
            {options.details && <div className="dlg-details">{options.details}</div>}
            {options.choices && options.choices.length > 0 && (
              <div className="dlg-choices">
                <p className="dlg-choices-label">{options.choicesLabel ?? 'Or choose'}</p>
                <ChoiceList choices={options.choices} onPick={submit} />
              </div>
            )}
            <div className="dlg-actions">
              <Dialog.Close asChild>
                <button type="button">Cancel</button>
              </Dialog.Close>
              <button type="submit" className="primary">
                {options.submitLabel ?? 'OK'}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
