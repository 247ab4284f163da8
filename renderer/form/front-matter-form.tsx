/**
 * The front-matter form: one widget per schema field, every change written through the lossless
 * editor so only that field's lines change. Problems (required, bad date, bad YAML) show inline
 * and never block typing.
 */
import { memo, useState } from 'react';
import { deleteField, setField, setFieldSource, type EditResult } from '../../shared/front-matter/edit-front-matter';
import { termsOf, termsValue } from '../../shared/front-matter/form-values';
import type { FieldPath } from '../../shared/front-matter/field-path';
import type { PlainValue } from '../../shared/front-matter/yaml-render';
import type { SchemaField, SiteSchema } from '../../shared/site/schema';
import { readYaml, YamlDate, YamlTime } from '../../shared/yaml/read-yaml';
import { ChipsInput } from './chips-input';
import { DateField } from './date-field';
import { ImageField } from './image-field';

export interface FormEnv {
  assetBase: string;
  baseurl: string;
  timezone: string | null;
}

interface Props {
  schema: SiteSchema;
  /** The YAML between the fences (the body is not needed, so typing in it does not re-render the form). */
  yaml: string;
  env: FormEnv;
  /** Applies an edit of the whole post text; returns an error message when it was refused. */
  onEdit(edit: (text: string) => EditResult): string | null;
}

function dataOf(yaml: string): { data: Record<string, unknown>; error: string | null } {
  const read = readYaml(yaml);
  if (!read.ok) return { data: {}, error: `Front matter line ${read.line}: ${read.message}. Fix it in the YAML tab.` };
  return { data: read.value && typeof read.value === 'object' && !Array.isArray(read.value) ? (read.value as Record<string, unknown>) : {}, error: null };
}

function yamlText(value: unknown): string {
  if (value === undefined) return '';
  if (value instanceof YamlDate || value instanceof YamlTime) return value.toString();
  return JSON.stringify(value, (_k, v) => (v instanceof YamlDate || v instanceof YamlTime ? v.toString() : v));
}

export const FrontMatterForm = memo(function FrontMatterForm({ schema, yaml, env, onEdit }: Props) {
  const { data, error } = dataOf(yaml);
  if (error) return <div className="form-error" role="alert">{error}</div>;
  const known = new Set(schema.fields.map((f) => f.key));
  const extra = Object.keys(data).filter((k) => !known.has(k));
  const fields = [...schema.fields.filter((f) => !f.hidden), ...extra.map((key): SchemaField => ({ key, label: key, type: 'yaml', count: 0, required: false, hidden: false }))];
  return (
    <form className="fm-form" aria-label="Front matter form" onSubmit={(e) => e.preventDefault()}>
      {fields.map((field) => (
        <FieldRow key={field.key} field={field} path={[field.key]} value={data[field.key]} env={env} onEdit={onEdit} />
      ))}
    </form>
  );
});

interface RowProps {
  field: SchemaField;
  path: FieldPath;
  value: unknown;
  env: FormEnv;
  onEdit: Props['onEdit'];
}

function FieldRow({ field, path, value, env, onEdit }: RowProps) {
  const [message, setMessage] = useState<string | null>(null);
  const id = `fm-${path.join('-')}`;
  const set = (v: PlainValue) => setMessage(onEdit((t) => setField(t, path, v)));
  const setSource = (src: string) => setMessage(onEdit((t) => setFieldSource(t, path, src)));
  const clear = () => setMessage(onEdit((t) => deleteField(t, path)));
  const missing = field.required && (value === undefined || value === null || value === '');
  const label = field.label;
  let widget: React.ReactNode;
  switch (field.type) {
    case 'long-text':
      widget = <textarea id={id} aria-label={label} value={typeof value === 'string' ? value : value == null ? '' : String(value)} rows={3} onChange={(e) => set(e.target.value)} />;
      break;
    case 'boolean':
      widget = <input id={id} aria-label={label} type="checkbox" checked={value === true} onChange={(e) => set(e.target.checked)} />;
      break;
    case 'number':
      widget = <input id={id} aria-label={label} type="number" value={typeof value === 'number' ? value : ''} onChange={(e) => (e.target.value === '' ? clear() : set(Number(e.target.value)))} />;
      break;
    case 'date-time':
      widget = <DateField label={label} value={value} timezone={env.timezone} onChange={setSource} />;
      break;
    case 'select':
      widget = (
        <select id={id} aria-label={label} value={value == null ? '' : String(value)} onChange={(e) => (e.target.value === '' ? clear() : set(e.target.value))}>
          <option value="">{field.default !== undefined ? `(default: ${String(field.default)})` : '(none)'}</option>
          {[...new Set([...(field.choices ?? []), ...(value == null ? [] : [String(value)])])].map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      );
      break;
    case 'tags':
    case 'list':
      widget = (
        <ChipsInput
          label={label}
          values={termsOf(field.key, value)}
          suggestions={field.suggestions ?? []}
          onChange={(names) => (names.length === 0 && value === undefined ? undefined : set(field.type === 'tags' ? termsValue(field.key, value, names) : names))}
        />
      );
      break;
    case 'image':
      widget = <ImageField label={label} value={typeof value === 'string' ? value : ''} assetBase={env.assetBase} baseurl={env.baseurl} onChange={(v) => (v === '' ? clear() : set(v))} />;
      break;
    case 'map': {
      const map = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
      const subs = [...(field.fields ?? [])];
      for (const k of Object.keys(map)) if (!subs.some((s) => s.key === k)) subs.push({ key: k, label: k, type: 'yaml', count: 0, required: false, hidden: false });
      widget = (
        <fieldset className="fm-group">
          <legend>{label}</legend>
          {subs.map((sub) => (
            <FieldRow key={sub.key} field={sub} path={[...path, sub.key]} value={map[sub.key]} env={env} onEdit={onEdit} />
          ))}
        </fieldset>
      );
      return <div className="fm-row fm-row-group">{widget}</div>;
    }
    case 'yaml':
      widget = <YamlValueField label={label} value={value} onCommit={setSource} />;
      break;
    default:
      widget = (
        <input
          id={id}
          aria-label={label}
          value={value == null ? '' : typeof value === 'string' ? value : yamlText(value)}
          placeholder={field.default !== undefined ? `default: ${String(field.default)}` : undefined}
          onChange={(e) => (e.target.value === '' && !field.required ? clear() : set(e.target.value))}
        />
      );
  }
  return (
    <div className="fm-row">
      <label htmlFor={id}>
        {label}
        {field.required && <span aria-hidden="true"> *</span>}
      </label>
      <div className="fm-widget">
        {widget}
        {missing && <span className="field-error">Required</span>}
        {message && <span className="field-error">{message}</span>}
      </div>
    </div>
  );
}

/** Any other value, edited as YAML and written when the field loses focus. */
function YamlValueField({ label, value, onCommit }: { label: string; value: unknown; onCommit(src: string): void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? yamlText(value);
  const check = draft !== null ? readYaml(`v: ${draft}`) : null;
  return (
    <>
      <input
        aria-label={label}
        className="yaml-input"
        value={shown}
        spellCheck={false}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          if (draft !== null && check?.ok) onCommit(draft);
          setDraft(null);
        }}
      />
      {check && !check.ok && <span className="field-error">Not valid YAML: {check.message}</span>}
    </>
  );
}
