/**
 * The front-matter form: one widget per schema field, every change written through the lossless
 * editor so only that field's lines change. Problems (required, bad date, bad YAML) show inline
 * and never block typing.
 */
import { memo, useEffect, useRef, useState } from 'react';
import { deleteField, setField, setFieldSource, type EditResult } from '../../shared/front-matter/edit-front-matter';
import { termsOf, termsValue } from '../../shared/front-matter/form-values';
import type { FieldPath } from '../../shared/front-matter/field-path';
import type { PlainValue } from '../../shared/front-matter/yaml-render';
import { addableFields, effectiveDefault, formFields, type SchemaField, type SiteSchema } from '../../shared/site/schema';
import { AddFieldMenu } from './add-field-menu';
import { readYaml, YamlDate, YamlTime } from '../../shared/yaml/read-yaml';
import { ChipsInput } from './chips-input';
import { DateField } from './date-field';
import { ImageField } from './image-field';
import { NumberField } from './number-field';
import { useDraft } from './use-draft';
import { valueSource } from './value-source';
import { readValueSource, YamlValueField } from './yaml-value-field';

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
  /** Rare keys the user chose under "Add field…" for this post (the form is keyed by the loaded post). */
  const [added, setAdded] = useState<string[]>([]);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const { data, error } = dataOf(yaml);
  if (error) return <div className="form-error" role="alert">{error}</div>;
  const fields = formFields(schema, data, added);
  const addable = addableFields(schema, data, added);
  return (
    <form className="fm-form" aria-label="Front matter form" onSubmit={(e) => e.preventDefault()}>
      {fields.map((field) => (
        <FieldRow key={field.key} field={field} path={[field.key]} value={data[field.key]} yaml={yaml} env={env} onEdit={onEdit} autoFocus={field.key === focusKey} />
      ))}
      {addable.length > 0 && (
        <AddFieldMenu
          fields={addable}
          onAdd={(key) => {
            setAdded((a) => [...a, key]);
            setFocusKey(key);
          }}
        />
      )}
    </form>
  );
});

interface RowProps {
  field: SchemaField;
  path: FieldPath;
  value: unknown;
  /** The whole block, for widgets that edit a value's own source. */
  yaml: string;
  env: FormEnv;
  onEdit: Props['onEdit'];
  /** Just added with "Add field…": its first control takes the focus. */
  autoFocus?: boolean;
}

function FieldRow({ field, path, value, yaml, env, onEdit, autoFocus }: RowProps) {
  const row = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (autoFocus) row.current?.querySelector<HTMLElement>('input, textarea, select, button')?.focus();
  }, [autoFocus]);
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
      widget = <TextWidget id={id} label={label} value={value} source={() => valueSource(yaml, path)} multiLine onText={set} onPlain={setSource} />;
      break;
    case 'boolean': {
      // Left out, a boolean means its default (a missing `published:` is published), and shows so.
      const unset = value === undefined || value === null;
      const fallback = effectiveDefault(field) === true;
      widget = (
        <span className="fm-check">
          <input id={id} aria-label={label} type="checkbox" checked={unset ? fallback : value === true} onChange={(e) => set(e.target.checked)} />
          {unset && <span className="muted">{fallback ? 'on by default' : 'off by default'}</span>}
        </span>
      );
      break;
    }
    case 'number':
      widget = <NumberField id={id} label={label} value={value} required={field.required} onNumber={(n, spelling) => (spelling === null ? set(n) : setSource(spelling))} onClear={clear} />;
      break;
    case 'date-time':
      widget = <DateField id={id} label={label} value={value} timezone={env.timezone} onSource={setSource} onString={set} />;
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
            <FieldRow key={sub.key} field={sub} path={[...path, sub.key]} value={map[sub.key]} yaml={yaml} env={env} onEdit={onEdit} />
          ))}
        </fieldset>
      );
      return (
        <div className="fm-row fm-row-group" ref={row}>
          {widget}
        </div>
      );
    }
    case 'yaml':
      widget = <YamlValueField id={id} label={label} value={value} source={valueSource(yaml, path)} onSource={setSource} />;
      break;
    default:
      widget = (
        <TextWidget
          id={id}
          label={label}
          value={value}
          source={() => valueSource(yaml, path)}
          placeholder={field.default !== undefined ? `default: ${String(field.default)}` : undefined}
          onText={(text) => (text === '' && !field.required ? clear() : set(text))}
          onPlain={setSource}
        />
      );
  }
  return (
    <div className="fm-row" ref={row}>
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

interface TextProps {
  id: string;
  label: string;
  value: unknown;
  /** The value's source in the file now. */
  source(): string | null;
  multiLine?: boolean;
  placeholder?: string;
  onText(text: string): void;
  /** Writes `text` as a plain scalar (only called when YAML reads it back as that same string). */
  onPlain(text: string): void;
}

/** True when `text` can be written unquoted and still be read as exactly that string. */
function plainReadsAs(text: string): boolean {
  if (!text || text !== text.trim() || /[\r\n]/.test(text) || /^["'|>!&*%@`]/.test(text)) return false;
  const read = readValueSource(text);
  return read.ok && (read.value as { v?: unknown } | null)?.v === text;
}

/**
 * Text and long text: the input shows the user's draft while the buffer catches up (use-draft.ts).
 * A value that was unquoted when typing began stays unquoted where it can: typing "lake shore"
 * passes through "lake " (which needs quotes), and the quotes would otherwise stay.
 */
function TextWidget({ id, label, value, source, multiLine, placeholder, onText, onPlain }: TextProps) {
  const outside = value == null ? '' : typeof value === 'string' ? value : yamlText(value);
  const startedPlain = useRef<boolean | null>(null);
  const draft = useDraft(outside, (text) => {
    if (startedPlain.current === null) {
      const src = typeof value === 'string' ? source() : null;
      startedPlain.current = src !== null && !/^["'|>!&]/.test(src);
    }
    return startedPlain.current && plainReadsAs(text) ? onPlain(text) : onText(text);
  });
  // A new editing session looks at the spelling again at its first key.
  if (!draft.editing) startedPlain.current = null;
  return multiLine ? (
    <textarea id={id} aria-label={label} rows={3} placeholder={placeholder} {...draft.bind} />
  ) : (
    <input id={id} aria-label={label} autoComplete="off" placeholder={placeholder} {...draft.bind} />
  );
}
