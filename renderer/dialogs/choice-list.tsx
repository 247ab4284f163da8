/**
 * The list of choice buttons both the pick-one dialog and the text prompt show (recent sites), so
 * they look and behave alike.
 */
import type { KeyboardEventHandler, Ref } from 'react';

export interface Choice {
  value: string;
  label?: string;
}

interface Props {
  choices: readonly Choice[];
  onPick(value: string): void;
  className?: string;
  listRef?: Ref<HTMLUListElement>;
  onKeyDown?: KeyboardEventHandler<HTMLUListElement>;
}

export function ChoiceList({ choices, onPick, className, listRef, onKeyDown }: Props) {
  return (
    <ul ref={listRef} className={className} onKeyDown={onKeyDown}>
      {choices.map((c) => (
        <li key={c.value}>
          <button type="button" className="dlg-choice" title={c.value} onClick={() => onPick(c.value)}>
            {c.label ?? c.value}
          </button>
        </li>
      ))}
    </ul>
  );
}
