/**
 * kramdown's typography for markdown-it text: `---` `--` `...` `<<` `>>` and smart quotes decided
 * the way kramdown's SQ_RULES decide them, quote by quote, even when unbalanced. markdown-it's own
 * typographer is off, so `(c)`, `(tm)`, `+-` and `..` stay as written, as kramdown leaves them.
 */
import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { MarkdownSettings } from './settings';

const PUNCT = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;
const WORD = /[\p{L}\p{N}_]/u;

type Quote = 'l' | 'r';

/**
 * Which way the quote at `i` turns. `prev` is the character kramdown's scanner sees before it
 * (undefined when the quote starts the text or follows another element).
 */
function quoteSide(text: string, i: number, prev: string | undefined): Quote {
  const q = text[i];
  const next = text[i + 1];
  const rest = text.slice(i + 1);
  if (prev !== undefined && prev !== '\\') {
    if (/\s/.test(prev)) {
      if (q === "'" && /^\d\ds/.test(rest)) return 'r';
      return 'l';
    }
    if (/[[{(-]/.test(prev)) return 'l';
    return 'r';
  }
  // The scanner stands on the quote itself.
  if (/^[_*]{1,2}\S/.test(rest)) return 'l';
  if (next !== undefined && PUNCT.test(next) && !rest.startsWith('..') && !isWordBoundary(next, text[i + 2])) return 'r';
  if (q === "'" && /^\d\ds/.test(rest)) return 'r';
  if (next === undefined || /\s/.test(next) || /^s(?![\p{L}\p{N}_])/u.test(rest)) return 'r';
  return 'l';
}

/** Ruby's `\B` after one punctuation char: no word boundary between it and the next char. */
function isWordBoundary(a: string, b: string | undefined): boolean {
  return WORD.test(a) !== (b !== undefined && WORD.test(b));
}

/**
 * Applies kramdown's rules to one text run. `before` is the character kramdown's scanner sees
 * before the run: undefined when the run starts the element or follows another element.
 */
export function kramdownTypography(text: string, settings: MarkdownSettings, before: string | undefined): string {
  const [lsquo, rsquo, ldquo, rdquo] = settings.quotes;
  let out = '';
  // The previous character as kramdown's scanner sees it; undefined right after a quote or symbol.
  let prev = before;
  let i = 0;
  const emit = (value: string, length: number, element: boolean) => {
    out += value;
    prev = element ? undefined : text[i + length - 1];
    i += length;
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const side = quoteSide(text, i, prev);
      emit(c === '"' ? (side === 'l' ? ldquo : rdquo) : side === 'l' ? lsquo : rsquo, 1, true);
    } else if (!settings.typographic) emit(c, 1, false);
    else if (text.startsWith('---', i)) emit('—', 3, true);
    else if (text.startsWith('--', i)) emit('–', 2, true);
    else if (text.startsWith('...', i)) emit('…', 3, true);
    else if (text.startsWith('<< ', i)) emit('«\u00a0', 3, true);
    else if (text.startsWith(' >>', i)) emit('\u00a0»', 3, true);
    else if (text.startsWith('<<', i)) emit('«', 2, true);
    else if (text.startsWith('>>', i)) emit('»', 2, true);
    else emit(c, 1, false);
  }
  return out;
}

function walk(children: Token[], settings: MarkdownSettings): void {
  let before: string | undefined;
  for (const t of children) {
    if (t.type === 'text') {
      t.content = kramdownTypography(t.content, settings, before);
      before = undefined;
    } else if (t.type === 'softbreak' || t.type === 'hardbreak') {
      // A line break is text (`\n`) to kramdown's scanner: a quote after it follows whitespace.
      before = '\n';
    } else before = undefined;
  }
}

/** Installs the rule (before `text_join`, so escaped quotes stay straight). */
export function typographyPlugin(md: MarkdownIt, settings: MarkdownSettings): void {
  md.core.ruler.before('text_join', 'kramdown_typography', (state) => {
    for (const block of state.tokens) {
      if (block.type === 'inline' && block.children) walk(block.children, settings);
    }
  });
}
