/**
 * The site's `kramdown:` settings as Jekyll applies them (Jekyll's defaults: `input: GFM`,
 * `hard_wrap: false`, `auto_ids`, smart quotes `lsquo,rsquo,ldquo,rdquo`), reduced to what changes
 * the preview's body HTML.
 */

export interface MarkdownSettings {
  /** `GFM` (Jekyll's default) or `kramdown`: decides header ids and a few block rules. */
  input: 'GFM' | 'kramdown';
  autoIds: boolean;
  autoIdPrefix: string;
  hardWrap: boolean;
  /** Characters for ‘ ’ “ ” (kramdown's `smart_quotes`). */
  quotes: [string, string, string, string];
  /** `gfm_quirks: no_auto_typographic` turns `--`, `...`, `<<` into nothing special. */
  typographic: boolean;
  /** Rouge `line_numbers` for fenced and indented code blocks. */
  blockLineNumbers: boolean;
  /** `parse_block_html`: Markdown inside block HTML tags is parsed. */
  parseBlockHtml: boolean;
  /** Identifies these settings in caches. */
  key: string;
}

const ENTITY_CHARS: Record<string, string> = { lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', apos: "'", quot: '"', laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›', sbquo: '‚', bdquo: '„' };

function entityChar(name: string): string {
  const n = name.trim();
  if (/^#x[0-9a-f]+$/i.test(n)) return String.fromCodePoint(parseInt(n.slice(2), 16));
  if (/^#\d+$/.test(n)) return String.fromCodePoint(parseInt(n.slice(1), 10));
  if (/^\d+$/.test(n)) return String.fromCodePoint(parseInt(n, 10));
  return ENTITY_CHARS[n] ?? n;
}

function flag(value: unknown, fallback: boolean): boolean {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return fallback;
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export const DEFAULT_SETTINGS: MarkdownSettings = settingsFrom({});

function settingsFrom(kramdown: Record<string, unknown>): MarkdownSettings {
  const input = String(kramdown.input ?? 'GFM').toLowerCase() === 'kramdown' ? 'kramdown' : 'GFM';
  const rawQuotes = kramdown.smart_quotes;
  const names = Array.isArray(rawQuotes) ? rawQuotes.map(String) : typeof rawQuotes === 'string' ? rawQuotes.split(',') : ['lsquo', 'rsquo', 'ldquo', 'rdquo'];
  const quotes = (names.length === 4 ? names : ['lsquo', 'rsquo', 'ldquo', 'rdquo']).map(entityChar) as [string, string, string, string];
  const quirks = Array.isArray(kramdown.gfm_quirks) ? kramdown.gfm_quirks.map(String) : String(kramdown.gfm_quirks ?? '').split(',');
  const highlighter = record(kramdown.syntax_highlighter_opts);
  const block = record(highlighter.block);
  const settings = {
    input,
    autoIds: flag(kramdown.auto_ids, true),
    autoIdPrefix: typeof kramdown.auto_id_prefix === 'string' ? kramdown.auto_id_prefix : '',
    hardWrap: input === 'GFM' && flag(kramdown.hard_wrap, false),
    quotes,
    typographic: !(input === 'GFM' && quirks.map((q) => q.trim()).includes('no_auto_typographic')),
    blockLineNumbers: flag(block.line_numbers ?? highlighter.line_numbers, false),
    parseBlockHtml: flag(kramdown.parse_block_html, false),
    key: '',
  } satisfies MarkdownSettings;
  settings.key = JSON.stringify([settings.input, settings.autoIds, settings.autoIdPrefix, settings.hardWrap, settings.quotes, settings.typographic, settings.blockLineNumbers, settings.parseBlockHtml]);
  return settings;
}

const cache = new WeakMap<object, MarkdownSettings>();

/** Settings for a site's configuration (`site.kramdown`), cached per configuration object. */
export function markdownSettings(site: Record<string, unknown> | undefined): MarkdownSettings {
  if (!site) return DEFAULT_SETTINGS;
  let settings = cache.get(site);
  if (!settings) {
    settings = settingsFrom(record(site.kramdown));
    cache.set(site, settings);
  }
  return settings;
}
