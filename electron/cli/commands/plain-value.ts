/**
 * YAML values made JSON-friendly for printing: dates as `YYYY-MM-DD`, times as written.
 */
import { YamlDate, YamlTime } from '../../../shared/yaml/read-yaml';

export function toPlain(value: unknown): unknown {
  if (value instanceof YamlDate) return value.toString();
  if (value instanceof YamlTime) return value.source;
  if (Array.isArray(value)) return value.map(toPlain);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return value;
}
