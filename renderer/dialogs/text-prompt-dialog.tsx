/**
 * Asks for one line of text in an accessible modal: labelled title and description, focus kept
 * inside, Enter submits, Esc cancels, and focus goes back to the control that opened it.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import type { AskOptions } from './dialog-store';
import { ChoiceList } from './choice-list';
import { FieldError, FormDialog } from './form-dialog';

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
    <FormDialog
      title={options.title}
      description={options.description}
      focus={input}
      selectOnOpen
      opener={opener}
      onCancel={() => onClose(null)}
      onSubmit={onSubmit}
      submitLabel={options.submitLabel ?? 'OK'}
    >
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
      <FieldError id={errorId} error={error} />
      {options.details && <div className="dlg-details">{options.details}</div>}
      {options.choices && options.choices.length > 0 && (
        <div className="dlg-choices">
          <p className="dlg-choices-label">{options.choicesLabel ?? 'Or choose'}</p>
          <ChoiceList choices={options.choices} onPick={submit} />
        </div>
      )}
    </FormDialog>
  );
}
