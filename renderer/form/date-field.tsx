/**
 * A date-time picker that writes back in the file's own date format and offset.
 */
import { dateStyleOf, formatDateInStyle, type WallTime } from '../../shared/front-matter/form-values';
import { parseRubyTime, wallTimeToEpoch, zoneOffsetMinutes, zonedParts } from '../../shared/jekyll/ruby-time';
import { YamlDate, YamlTime } from '../../shared/yaml/read-yaml';

interface Props {
  label: string;
  value: unknown;
  timezone: string | null;
  /** Receives the new value as YAML source in the file's style. */
  onChange(yamlSource: string): void;
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

export function DateField({ label, value, timezone, onChange }: Props) {
  const wall = wallOf(value, timezone);
  const shown = wall ? `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}` : '';
  const invalid = value !== undefined && value !== null && wall === null;
  return (
    <div className="date-field">
      <input
        type="datetime-local"
        step={1}
        aria-label={label}
        value={shown}
        onChange={(e) => {
          const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(e.target.value);
          if (!m) return;
          const t: WallTime = { year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5], second: +(m[6] ?? 0) };
          const fallback = zoneOffsetMinutes(wallTimeToEpoch(t.year, t.month, t.day, t.hour, t.minute, t.second, 0, timezone), timezone);
          onChange(formatDateInStyle(t, dateStyleOf(value ?? null), fallback));
        }}
      />
      {invalid && <span className="field-error">“{String(value)}” is not a date Jekyll can read</span>}
    </div>
  );
}
