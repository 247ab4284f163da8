/**
 * The blog's front-matter schema: which keys its posts use, how often, and what kind of value
 * each holds, so the form shows the right widget without the user knowing YAML.
 *
 * Inferred from every post (key names such as image/banner/header, and value shapes), merged
 * with `_config.yml` `defaults:` and with an optional explicit `postwright:` block in
 * `_config.yml` (labels, required fields, choices, order, hidden keys).
 */
import { YamlDate, YamlTime } from '../yaml/read-yaml';
import { runToEnd, STEP, type Stepped } from './stepped';

export type FieldType = 'text' | 'long-text' | 'date-time' | 'boolean' | 'number' | 'tags' | 'list' | 'map' | 'image' | 'select' | 'yaml';

export interface SchemaField {
  key: string;
  label: string;
  type: FieldType;
  /** Posts that set it. */
  count: number;
  required: boolean;
  hidden: boolean;
  choices?: string[];
  /** Values in use, most used first (tags, categories, authors). */
  suggestions?: string[];
  /** From `defaults:` for posts. */
  default?: unknown;
  /** Sub-fields of a map. */
  fields?: SchemaField[];
  /** Set by under 5% of posts: the form shows it only on posts that have it (or after "Add field…"). */
  rare?: boolean;
}

export interface SiteSchema {
  posts: number;
  fields: SchemaField[];
}

export interface SchemaInput {
  frontMatters: readonly Record<string, unknown>[];
  /** Merged `defaults:` values for a post in `_posts`. */
  defaults: Record<string, unknown>;
  /** Layout names from `_layouts/`. */
  layouts: readonly string[];
  /** `postwright:` from `_config.yml`, if any. */
  explicit?: unknown;
}

const IMAGE_KEY = /(^|_)(image|banner|header|teaser|cover|thumbnail|thumb|hero|og_image|overlay_image|photo|picture)$/i;
const IMAGE_VALUE = /\.(png|jpe?g|gif|webp|avif|svg)(\?.*)?$/i;
const DATE_KEY = /^(date|last_modified(_at)?|updated(_at)?|modified|published_at|date_published|date_modified|start_date|end_date)$/i;
const LONG_KEY = /^(description|excerpt|summary|abstract|subtitle)$/i;
const TAG_KEYS = new Set(['tags', 'tag', 'categories', 'category', 'keywords']);
const SUGGEST_KEYS = new Set(['author', 'authors']);

function shapeOf(key: string, value: unknown): FieldType {
  if (value instanceof YamlDate || value instanceof YamlTime) return 'date-time';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return 'number';
  if (TAG_KEYS.has(key.toLowerCase()) && (typeof value === 'string' || Array.isArray(value))) return 'tags';
  if (typeof value === 'string') {
    if (IMAGE_KEY.test(key) || IMAGE_VALUE.test(value.trim())) return 'image';
    if (DATE_KEY.test(key)) return 'date-time';
    if (LONG_KEY.test(key) || value.length > 120 || value.includes('\n')) return 'long-text';
    return 'text';
  }
  if (Array.isArray(value)) return value.every((v) => typeof v === 'string' || typeof v === 'number') ? 'list' : 'yaml';
  if (value && typeof value === 'object') return 'map';
  return 'yaml';
}

function labelOf(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : key;
}

interface Tally {
  count: number;
  types: Map<FieldType, number>;
  values: Map<string, number>;
  children: Record<string, unknown>[];
}

function* tallyKeys(maps: readonly Record<string, unknown>[]): Stepped<Map<string, Tally>> {
  const tallies = new Map<string, Tally>();
  let n = 0;
  for (const map of maps) {
    if ((++n & (STEP - 1)) === 0) yield;
    for (const [key, value] of Object.entries(map)) {
      let t = tallies.get(key);
      if (!t) tallies.set(key, (t = { count: 0, types: new Map(), values: new Map(), children: [] }));
      t.count++;
      if (value === null || value === undefined) continue;
      const type = shapeOf(key, value);
      t.types.set(type, (t.types.get(type) ?? 0) + 1);
      if (type === 'map') t.children.push(value as Record<string, unknown>);
      const items = Array.isArray(value) ? value : typeof value === 'string' && type === 'tags' ? value.split(/\s+/) : [value];
      for (const item of items) {
        if (typeof item === 'string' && item.length <= 80) t.values.set(item, (t.values.get(item) ?? 0) + 1);
      }
    }
  }
  return tallies;
}

function* fieldsFrom(maps: readonly Record<string, unknown>[], depth: number): Stepped<SchemaField[]> {
  const out: SchemaField[] = [];
  for (const [key, t] of yield* tallyKeys(maps)) {
    let type: FieldType = 'text';
    let best = -1;
    for (const [candidate, n] of t.types) if (n > best) [type, best] = [candidate, n];
    if (best < 0) type = IMAGE_KEY.test(key) ? 'image' : TAG_KEYS.has(key) ? 'tags' : 'text';
    // A key whose values disagree (a map here, text there) is edited as YAML.
    if (t.types.size > 1 && (t.types.has('map') || t.types.has('yaml'))) type = 'yaml';
    const field: SchemaField = { key, label: labelOf(key), type, count: t.count, required: false, hidden: false };
    if (type === 'tags' || SUGGEST_KEYS.has(key.toLowerCase()) || type === 'list') {
      field.suggestions = [...t.values].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([v]) => v).slice(0, 500);
      yield;
    }
    if (type === 'map' && depth < 3) field.fields = yield* fieldsFrom(t.children, depth + 1);
    out.push(field);
  }
  return out;
}

/** Jekyll's own keys in the order a writer fills them in; image fields come right after them. */
const FIRST = ['title', 'date', 'categories', 'category', 'tags', 'tag'];
/** Keys shown on every post once any post uses them, however few do. */
const CORE = new Set(['title', 'date', 'categories', 'category', 'tags', 'tag']);
/** A key set by fewer than this share of posts is offered under "Add field…" instead of on every post. */
export const RARE_SHARE = 0.05;
/** What Jekyll assumes when a post leaves a boolean out (a missing `published:` is published). */
const JEKYLL_BOOLEAN_DEFAULTS: Record<string, boolean> = { published: true, render_with_liquid: true };

/** The banner-like field: an image, or a group holding one (`banner: { image }`). */
function isImageField(field: SchemaField): boolean {
  return field.type === 'image' || (field.type === 'map' && !!field.fields?.some((f) => f.type === 'image'));
}

function rank(field: SchemaField): [number, number] {
  const i = FIRST.indexOf(field.key);
  if (i >= 0) return [i, 0];
  if (isImageField(field)) return [FIRST.length, -field.count];
  return [FIRST.length + 1, -field.count];
}

function compareFields(a: SchemaField, b: SchemaField): number {
  const [ga, ca] = rank(a);
  const [gb, cb] = rank(b);
  return ga - gb || ca - cb || a.key.localeCompare(b.key);
}

interface ExplicitField {
  label?: unknown;
  type?: unknown;
  required?: unknown;
  choices?: unknown;
  hidden?: unknown;
}

const TYPES = new Set<FieldType>(['text', 'long-text', 'date-time', 'boolean', 'number', 'tags', 'list', 'map', 'image', 'select', 'yaml']);

/** Builds the schema. */
export function inferSchema(input: SchemaInput): SiteSchema {
  return runToEnd(inferSchemaSteps(input));
}

/** inferSchema as steps, for a caller that runs it in time slices (the same answer). */
export function* inferSchemaSteps(input: SchemaInput): Stepped<SiteSchema> {
  const fields = yield* fieldsFrom(input.frontMatters, 0);
  for (const [key, value] of Object.entries(input.defaults)) {
    let field = fields.find((f) => f.key === key);
    if (!field) {
      field = { key, label: labelOf(key), type: value === null ? 'text' : shapeOf(key, value), count: 0, required: false, hidden: false };
      fields.push(field);
    }
    field.default = value;
  }
  const layout = fields.find((f) => f.key === 'layout');
  if (input.layouts.length || layout) {
    const inUse = layout?.suggestions ?? [];
    const f = layout ?? { key: 'layout', label: 'Layout', type: 'select' as FieldType, count: 0, required: false, hidden: false };
    f.type = 'select';
    f.choices = [...new Set([...input.layouts, ...inUse, ...fields.filter((x) => x.key === 'layout').flatMap((x) => (typeof x.default === 'string' ? [x.default] : []))])].sort();
    if (!layout) fields.push(f);
  }
  const title = fields.find((f) => f.key === 'title');
  if (title) title.required = true;
  fields.sort(compareFields);
  const posts = input.frontMatters.length;
  for (const f of fields) {
    f.rare = !f.required && !CORE.has(f.key) && f.count < posts * RARE_SHARE;
    if (f.type === 'boolean' && f.default === undefined && f.key in JEKYLL_BOOLEAN_DEFAULTS) f.default = JEKYLL_BOOLEAN_DEFAULTS[f.key];
  }

  const explicit = input.explicit && typeof input.explicit === 'object' ? (input.explicit as { fields?: unknown; order?: unknown; hidden?: unknown }) : null;
  if (explicit) {
    const defs = explicit.fields && typeof explicit.fields === 'object' ? (explicit.fields as Record<string, ExplicitField>) : {};
    for (const [key, def] of Object.entries(defs)) {
      let f = fields.find((x) => x.key === key);
      if (!f) fields.push((f = { key, label: labelOf(key), type: 'text', count: 0, required: false, hidden: false }));
      // Named by the blog itself: shown on every post.
      f.rare = false;
      if (!def || typeof def !== 'object') continue;
      if (typeof def.label === 'string') f.label = def.label;
      if (typeof def.type === 'string' && TYPES.has(def.type as FieldType)) f.type = def.type as FieldType;
      if (typeof def.required === 'boolean') f.required = def.required;
      if (typeof def.hidden === 'boolean') f.hidden = def.hidden;
      if (Array.isArray(def.choices)) {
        f.choices = def.choices.map(String);
        if (f.type === 'text') f.type = 'select';
      }
    }
    if (Array.isArray(explicit.hidden)) for (const key of explicit.hidden.map(String)) fields.filter((f) => f.key === key).forEach((f) => (f.hidden = true));
    if (Array.isArray(explicit.order)) {
      const order = explicit.order.map(String);
      const pos = (f: SchemaField) => (order.includes(f.key) ? order.indexOf(f.key) : order.length);
      fields.sort((a, b) => pos(a) - pos(b));
      for (const f of fields) if (order.includes(f.key)) f.rare = false;
    }
  }
  return { posts, fields };
}

/** The value a form shows for a key the post leaves out: the blog's `defaults:`, else Jekyll's own. */
export function effectiveDefault(field: SchemaField): unknown {
  return field.default !== undefined ? field.default : JEKYLL_BOOLEAN_DEFAULTS[field.key];
}

function isSet(data: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(data, key);
}

/**
 * The fields a post's form shows, in order: every field that is not hidden and not rare, the rare
 * ones this post sets or the user added, then keys the schema does not know (edited as YAML).
 */
export function formFields(schema: SiteSchema, data: Record<string, unknown>, added: readonly string[] = []): SchemaField[] {
  const known = new Set(schema.fields.map((f) => f.key));
  const shown = schema.fields.filter((f) => !f.hidden && (!f.rare || isSet(data, f.key) || added.includes(f.key)));
  const extra = Object.keys(data).filter((k) => !known.has(k));
  return [...shown, ...extra.map((key): SchemaField => ({ key, label: key, type: 'yaml', count: 0, required: false, hidden: false }))];
}

/** What "Add field…" offers: the rare fields this post does not show yet, most used first. */
export function addableFields(schema: SiteSchema, data: Record<string, unknown>, added: readonly string[] = []): SchemaField[] {
  return schema.fields
    .filter((f) => !f.hidden && f.rare && !isSet(data, f.key) && !added.includes(f.key))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}
