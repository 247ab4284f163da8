/**
 * A field's value as the file spells it, for widgets that edit YAML source (raw values, dates).
 *
 * Showing `JSON.stringify` of the value would make the user edit a different spelling, and
 * committing it would rewrite the whole value; the source text lets one typed key change one key.
 */
import { isDocument, isNode, parseDocument } from 'yaml';
import type { FieldPath } from '../../shared/front-matter/field-path';

/** The value's source at `path` (a block value dedented), or null when it cannot be found. */
export function valueSource(yaml: string, path: FieldPath): string | null {
  const doc = parseDocument(yaml, { schema: 'failsafe', uniqueKeys: false, prettyErrors: false, strict: false });
  if (doc.errors.length || !isDocument(doc)) return null;
  const node = doc.getIn(path, true);
  if (!isNode(node) || !node.range) return null;
  const [start, end] = node.range;
  const text = yaml.slice(start, end).replace(/\s+$/, '');
  if (!text.includes('\n')) return text;
  const col = start - (yaml.lastIndexOf('\n', start - 1) + 1);
  const pad = ' '.repeat(col);
  return text
    .split('\n')
    .map((line, i) => (i > 0 && line.startsWith(pad) ? line.slice(col) : line))
    .join('\n');
}
