/**
 * Any other value, edited as the YAML the file has for it (`[[1, 2], [3, 4]]`), written at each
 * key while it reads as YAML; while it does not, the file keeps the last good value and the field
 * says why. A block value is edited in a text area, dedented.
 */
import { useState } from 'react';
import { sameYamlValue } from '../../shared/front-matter/edit-front-matter';
import { YamlDate, YamlTime, readYaml } from '../../shared/yaml/read-yaml';
import { useDraft } from './use-draft';

interface Props {
  id: string;
  label: string;
  value: unknown;
  /** The value's source text in the file, when known. */
  source: string | null;
  onSource(src: string): void;
}

function jsonText(value: unknown): string {
  if (value === undefined) return '';
  if (value instanceof YamlDate || value instanceof YamlTime) return value.toString();
  return JSON.stringify(value, (_k, v) => (v instanceof YamlDate || v instanceof YamlTime ? v.toString() : v));
}

/** `src` read as the value after `key: ` (a multi-line source is indented under it). */
export function readValueSource(src: string) {
  const wrapped = src.includes('\n') ? `v:\n  ${src.split('\n').join('\n  ')}` : `v: ${src}`;
  return readYaml(wrapped);
}

export function YamlValueField({ id, label, value, source, onSource }: Props) {
  const [problem, setProblem] = useState<string | null>(null);
  const read = source === null ? null : readValueSource(source);
  const usable = source !== null && read?.ok && sameYamlValue((read.value as { v?: unknown } | null)?.v ?? null, value ?? null);
  const outside = usable ? source! : jsonText(value);
  const draft = useDraft(
    outside,
    (text) => {
      const check = readValueSource(text);
      if (!check.ok) return setProblem(`Not valid YAML (column ${Math.max(1, check.col - 3)}): ${check.message}; not saved`);
      setProblem(null);
      onSource(text);
    },
    (d, o) => d.trim() === o.trim(),
  );
  const multiLine = draft.text.includes('\n');
  const common = { id, 'aria-label': label, className: 'yaml-input', spellCheck: false, 'aria-invalid': problem && draft.editing ? true : undefined } as const;
  return (
    <>
      {multiLine ? <textarea {...common} rows={Math.min(8, draft.text.split('\n').length)} {...draft.bind} /> : <input {...common} autoComplete="off" {...draft.bind} />}
      {problem && draft.editing && <span className="field-error">{problem}</span>}
    </>
  );
}
