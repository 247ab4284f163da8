/**
 * Tags and categories as chips, with autocomplete from the whole site.
 */
import { useId, useState } from 'react';

interface Props {
  label: string;
  values: string[];
  suggestions: string[];
  onChange(values: string[]): void;
}

export function ChipsInput({ label, values, suggestions, onChange }: Props) {
  const [draft, setDraft] = useState('');
  const listId = useId();
  const add = (raw: string) => {
    const name = raw.trim();
    if (name && !values.includes(name)) onChange([...values, name]);
    setDraft('');
  };
  return (
    <div className="chips" role="group" aria-label={label}>
      {values.map((v) => (
        <span className="chip" key={v}>
          {v}
          <button type="button" aria-label={`Remove ${v}`} onClick={() => onChange(values.filter((x) => x !== v))}>
            ×
          </button>
        </span>
      ))}
      <input
        aria-label={`Add to ${label}`}
        list={listId}
        value={draft}
        placeholder="add…"
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          // Enter that confirms an IME composition is not the end of a name.
          if (e.nativeEvent.isComposing) return;
          if (e.key === 'Enter' || e.key === ',') {
            e.preventDefault();
            add(draft);
          } else if (e.key === 'Backspace' && draft === '' && values.length) onChange(values.slice(0, -1));
        }}
        onBlur={() => draft && add(draft)}
      />
      <datalist id={listId}>
        {suggestions.filter((s) => !values.includes(s)).slice(0, 200).map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </div>
  );
}
