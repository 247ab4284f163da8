/**
 * A date-time: a text field with the date as the file writes it (its format and offset), and a
 * picker next to it that writes back in that same format.
 *
 * Both write only a whole, valid date-time. While a date is typed it passes through states that
 * are no date (`2026-01-1`) or the wrong one (the picker's year reads 0002 after the first key of
 * 2026), so the text field writes when the text reads as a date, and the picker when every part is
 * filled and the year has four digits. The picker is left alone while it has focus: setting its
 * value mid-typing would reset the part being typed.
 */
import { useEffect, useRef, useState } from 'react';
import { dateStyleOf, formatDateInStyle, type WallTime } from '../../shared/front-matter/form-values';
import { parseRubyTime, wallTimeToEpoch, zoneOffsetMinutes, zonedParts } from '../../shared/jekyll/ruby-time';
import { readYaml, YamlDate, YamlTime } from '../../shared/yaml/read-yaml';
import { useDraft } from './use-draft';

interface Props {
  id: string;
  label: string;
  value: unknown;
  timezone: string | null;
  /** Receives a new date as YAML source in the file's style. */
  onSource(yamlSource: string): void;
  /** Receives a new date for a field the file holds as a string. */
  onString(text: string): void;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The wall time shown: in the offset the file wrote, else in the site's zone. */
function wallOf(value: unknown, tz: string | null): WallTime | null {
  if (value instanceof YamlDate) return { year: value.year, month: value.month, day: value.day, hour: 0, minute: 0, second: 0 };
  let epoch: number | null = null;
  let offset: number | null = null;
  if (value instanceof YamlTime) [epoch, offset] = [value.epochMs, value.offsetMinutes];
  else if (typeof value === 'string') epoch = parseRubyTime(value, tz);
  if (epoch === null) return null;
  if (offset !== null) {
    const d = new Date(epoch + offset * 60000);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
  }
  const p = zonedParts(epoch, tz);
  return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second };
}

/** The date as the file spells it. */
function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof YamlDate || value instanceof YamlTime) return value.toString();
  return String(value);
}

/** What a typed text is: a date YAML reads as one, a date-like string Jekyll parses, or neither. */
function readTyped(text: string, tz: string | null): 'yaml-date' | 'string-date' | null {
  const t = text.trim();
  if (!t) return null;
  const read = readYaml(`v: ${t}`);
  const v = read.ok ? (read.value as { v?: unknown } | null)?.v : undefined;
  if (v instanceof YamlDate || v instanceof YamlTime) return 'yaml-date';
  if (typeof v === 'string' && /^\d{4}-\d{1,2}-\d{1,2}\b/.test(t) && parseRubyTime(t, tz) !== null) return 'string-date';
  return null;
}

/** A complete `datetime-local` value with a four-digit year, as a wall time. */
export function pickedWallTime(v: string): WallTime | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(v);
  if (!m || Number(m[1]) < 1000) return null;
  return { year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5], second: +(m[6] ?? 0) };
}

export function DateField({ id, label, value, timezone, onSource, onString }: Props) {
  const [problem, setProblem] = useState<string | null>(null);
  const outside = textOf(value);
  const example = formatDateInStyle({ year: 2026, month: 1, day: 15, hour: 8, minute: 20, second: 0 }, dateStyleOf(value ?? null), 0);
  const draft = useDraft(outside, (text) => {
    // A date the file keeps as a string stays a string; otherwise only a YAML date is written,
    // as typed (a half-typed `2026-01-15 1` is a string Jekyll could parse, not a date yet).
    const kind = readTyped(text, timezone);
    const asString = typeof value === 'string';
    if (!kind || (!asString && kind !== 'yaml-date')) return setProblem(`Not a complete date yet (written like ${example}); not saved`);
    setProblem(null);
    if (asString) onString(text.trim());
    else onSource(text.trim());
  }, (d, o) => d.trim() === o);

  const wall = wallOf(value, timezone);
  const shown = wall ? `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}` : '';
  const picker = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const el = picker.current;
    if (el && document.activeElement !== el && el.value !== shown) el.value = shown;
  }, [shown]);

  const invalid = !draft.editing && value !== undefined && value !== null && wall === null;
  return (
    <div className="date-field">
      <input id={id} aria-label={label} autoComplete="off" spellCheck={false} aria-invalid={problem && draft.editing ? true : undefined} placeholder={example} {...draft.bind} />
      <input
        ref={picker}
        type="datetime-local"
        step={1}
        aria-label={`${label} picker`}
        defaultValue={shown}
        onChange={(e) => {
          const t = pickedWallTime(e.target.value);
          if (!t) return;
          const fallback = zoneOffsetMinutes(wallTimeToEpoch(t.year, t.month, t.day, t.hour, t.minute, t.second, 0, timezone), timezone);
          const text = formatDateInStyle(t, dateStyleOf(value ?? null), fallback);
          if (text === outside) return;
          if (typeof value === 'string') onString(text);
          else onSource(text);
        }}
        onBlur={(e) => {
          if (e.currentTarget.value !== shown) e.currentTarget.value = shown;
        }}
      />
      {problem && draft.editing && <span className="field-error">{problem}</span>}
      {invalid && <span className="field-error">“{String(value)}” is not a date Jekyll can read</span>}
    </div>
  );
}
