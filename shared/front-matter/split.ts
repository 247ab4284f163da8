/**
 * Splits a post into BOM, front matter and body exactly where Jekyll does.
 *
 * Jekyll 4 matches `\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)` (Ruby, multi-line) after
 * dropping a UTF-8 BOM. We scan by hand instead of porting the regex because JavaScript's
 * `^`/`$`/`\s` differ from Ruby's (`\r` and U+2028 count as line ends in JS), and we must keep
 * every byte so that joining the parts gives back the original text.
 */

export interface FrontMatterParts {
  /** The opening fence with its trailing whitespace and line end, e.g. `---\n` or `---  \r\n`. */
  open: string;
  /** The YAML between the fences, byte for byte. */
  yaml: string;
  /** The closing fence with its trailing whitespace and line end(s), e.g. `---\n` or `...\r\n`. */
  close: string;
  /** Offset of `yaml` in the full text (BOM included), to turn YAML positions into file positions. */
  yamlOffset: number;
}

export interface PostParts {
  /** `\uFEFF` when the file starts with a byte order mark, else ''. */
  bom: string;
  /** null when Jekyll sees no front matter (the whole file is body). */
  frontMatter: FrontMatterParts | null;
  body: string;
  /** Offset of `body` in the full text. */
  bodyOffset: number;
}

const RUBY_SPACE = new Set([' ', '\t', '\r', '\n', '\f', '\v']);

/** Splits `text` into its parts; `joinPost(splitPost(t)) === t` for every string. */
export function splitPost(text: string): PostParts {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const start = bom.length;
  const none: PostParts = { bom, frontMatter: null, body: text.slice(start), bodyOffset: start };
  if (!text.startsWith('---', start)) return none;

  // Opening: `---`, then a run of whitespace that must contain a newline; the fence ends after
  // the run's last newline (the regex's greedy `\s*` backtracks to it).
  let i = start + 3;
  let lastNewline = -1;
  while (i < text.length && RUBY_SPACE.has(text[i])) {
    if (text[i] === '\n') lastNewline = i;
    i++;
  }
  if (lastNewline < 0) return none;
  const yamlStart = lastNewline + 1;

  // Closing: the first line start at or after yamlStart holding `---` or `...` followed only by
  // whitespace up to a line end; the fence takes that whitespace and at most one more newline.
  let lineStart = yamlStart;
  while (lineStart <= text.length) {
    const close = matchClose(text, lineStart);
    if (close !== null) {
      return {
        bom,
        frontMatter: {
          open: text.slice(start, yamlStart),
          yaml: text.slice(yamlStart, lineStart),
          close: text.slice(lineStart, close),
          yamlOffset: yamlStart,
        },
        body: text.slice(close),
        bodyOffset: close,
      };
    }
    const nl = text.indexOf('\n', lineStart);
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  return none;
}

/** End offset of a closing fence starting at `at`, or null. Mirrors `(---|\.\.\.)\s*$\n?`. */
function matchClose(text: string, at: number): number | null {
  if (!text.startsWith('---', at) && !text.startsWith('...', at)) return null;
  let j = at + 3;
  // `\s*` is greedy and may cross newlines; `$` then needs end of text or a following `\n`.
  let end = j;
  while (end < text.length && RUBY_SPACE.has(text[end])) end++;
  for (let k = end; k >= j; k--) {
    if (k === text.length) return k;
    if (text[k] === '\n') return k + 1; // `$` before this newline, `\n?` takes it
  }
  return null;
}

/** Reassembles parts into the exact original text. */
export function joinPost(parts: PostParts): string {
  const fm = parts.frontMatter;
  return parts.bom + (fm ? fm.open + fm.yaml + fm.close : '') + parts.body;
}

/** The line ending a file mostly uses, so inserted lines match it. */
export function detectEol(text: string): '\r\n' | '\n' {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1 - crlf;
  return crlf > lf ? '\r\n' : '\n';
}
