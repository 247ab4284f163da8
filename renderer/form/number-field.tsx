/**
 * A number typed as text: `4`, `4.`, `-` and `1e` are steps on the way to a number, so the field
 * keeps them on screen and writes only whole numbers (in the user's own spelling when YAML reads
 * it as the same number). A browser number input reports "" for those steps instead.
 */
import { useState } from 'react';
import { readYaml } from '../../shared/yaml/read-yaml';
import { useDraft } from './use-draft';

interface Props {
  id: string;
  label: string;
  value: unknown;
  required: boolean;
  onNumber(value: number, spelling: string | null): void;
  onClear(): void;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** The number typed, or null while it is not one yet. */
export function typedNumber(text: string): number | null {
  const t = text.trim();
  if (!NUMBER.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** True when YAML (as Jekyll reads it) reads `text` as the number `n`, so it can be written as typed. */
function spelledAsIs(text: string, n: number): boolean {
  const read = readYaml(`v: ${text.trim()}`);
  return read.ok && (read.value as { v?: unknown } | null)?.v === n;
}

export function NumberField({ id, label, value, required, onNumber, onClear }: Props) {
  const [problem, setProblem] = useState<string | null>(null);
  const outside = typeof value === 'number' ? String(value) : value == null ? '' : String(value);
  const draft = useDraft(
    outside,
    (text) => {
      if (text.trim() === '') {
        setProblem(required ? 'Required' : null);
        if (!required) onClear();
        return;
      }
      const n = typedNumber(text);
      if (n === null) return setProblem(`“${text}” is not a number yet; it is not saved`);
      setProblem(null);
      onNumber(n, spelledAsIs(text, n) ? text.trim() : null);
    },
    (d, o) => (d.trim() === '' ? o === '' : typedNumber(d) !== null && typedNumber(d) === typedNumber(o)),
  );
  return (
    <>
      <input id={id} aria-label={label} inputMode="decimal" autoComplete="off" spellCheck={false} aria-invalid={problem ? true : undefined} {...draft.bind} />
      {problem && draft.editing && <span className="field-error">{problem}</span>}
    </>
  );
}
