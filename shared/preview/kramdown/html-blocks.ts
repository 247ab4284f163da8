/**
 * Raw HTML blocks as kramdown reads them (parser/kramdown/html.rb): a line starting with a tag
 * that is not a span element opens an HTML block that runs to its matching end tag — blank lines
 * inside (a `{% highlight %}` figure, `<pre>` code) do not end it, and nothing inside is read as
 * Markdown. Span elements (`<img>`, `<a>`, `<span>`…) alone on a line stay in a paragraph, and text
 * after the end tag on the same line starts a paragraph. CommonMark instead ends most HTML blocks
 * at the first blank line and takes any complete tag alone on a line as a block.
 */
import type MarkdownIt from 'markdown-it';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';

export const HTML_SPAN_ELEMENTS = new Set(['a', 'abbr', 'acronym', 'b', 'big', 'bdo', 'br', 'button', 'cite', 'code', 'del', 'dfn', 'em', 'i', 'img', 'input', 'ins', 'kbd', 'label', 'mark', 'option', 'q', 'rb', 'rbc', 'rp', 'rt', 'rtc', 'ruby', 'samp', 'select', 'small', 'span', 'strong', 'sub', 'sup', 'tt', 'u', 'var']);
const WITHOUT_BODY = new Set(['area', 'base', 'br', 'col', 'command', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const START_TAG = /^<([A-Za-z][\w:.-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/;

/** Where the element opened at `from` ends: the index just past its matching end tag, or -1. */
export function matchingEnd(text: string, name: string, from: number): number {
  const re = new RegExp(`<(/?)${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[\\s>/])[^>]*>`, 'gi');
  re.lastIndex = from;
  let depth = 1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[1]) depth--;
    else if (!m[0].endsWith('/>')) depth++;
    if (depth === 0) return re.lastIndex;
  }
  return -1;
}

function lineText(state: StateBlock, line: number): string {
  return state.getLines(line, line + 1, state.blkIndent, false);
}

/** The block rule replacing markdown-it's `html_block`. */
export function kramdownHtmlBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent > 3 || !state.md.options.html) return false;
  const pos = state.bMarks[startLine] + state.tShift[startLine];
  if (state.src.charCodeAt(pos) !== 0x3c /* < */) return false;
  const first = state.src.slice(pos, state.eMarks[startLine]);
  let closeLine = -1;
  let closeAt = -1;
  if (first.startsWith('<!--')) {
    for (let line = startLine; line < endLine; line++) {
      const text = line === startLine ? first : lineText(state, line);
      const end = text.indexOf('-->', line === startLine ? 4 : 0);
      if (end >= 0) {
        closeLine = line;
        closeAt = end + 3;
        break;
      }
    }
  } else {
    const close = /^<\/([A-Za-z][\w:.-]*)\s*>\s*$/.exec(first);
    const m = START_TAG.exec(first);
    if (close && !HTML_SPAN_ELEMENTS.has(close[1].toLowerCase())) {
      // A lone end tag (of a `markdown="1"` element): raw HTML, as the element it closes.
      closeLine = startLine;
      closeAt = first.length;
    } else if (!m) return false;
    else if (HTML_SPAN_ELEMENTS.has(m[1].toLowerCase())) return false;
    else if (/\bmarkdown\s*=\s*["']?(1|block|span)/.test(m[2]) && first.trim() === m[0]) {
      // `markdown="1"`: the tag is raw HTML, what it holds is Markdown (closed by a lone end tag).
      closeLine = startLine;
      closeAt = m[0].length;
    } else if (m[3] === '/' || WITHOUT_BODY.has(m[1].toLowerCase())) {
      closeLine = startLine;
      closeAt = m[0].length;
    } else {
      // Search the text of the following lines (inside this container) for the matching end tag.
      const lines: string[] = [first];
      const starts: number[] = [0];
      let joined = first;
      for (let line = startLine + 1; line < endLine && line < startLine + 5000; line++) {
        starts.push(joined.length + 1);
        const text = lineText(state, line);
        lines.push(text);
        joined += `\n${text}`;
      }
      const end = matchingEnd(joined, m[1].toLowerCase(), m[0].length);
      if (end < 0) return false;
      let k = starts.length - 1;
      while (starts[k] > end - 1) k--;
      closeLine = startLine + k;
      closeAt = end - starts[k];
    }
  }
  if (closeLine < 0) return false;
  if (silent) return true;
  const lastText = closeLine === startLine ? first : lineText(state, closeLine);
  const rest = lastText.slice(closeAt).trim();
  const token = state.push('html_block', '', 0);
  token.map = [startLine, closeLine + 1];
  const body = state.getLines(startLine, closeLine + 1, state.blkIndent, true);
  token.content = rest ? `${body.slice(0, body.length - (lastText.length - closeAt) - 1)}\n` : body;
  if (rest) {
    state.push('paragraph_open', 'p', 1).map = [closeLine, closeLine + 1];
    const inline = state.push('inline', '', 0);
    inline.content = rest;
    inline.map = [closeLine, closeLine + 1];
    inline.children = [];
    state.push('paragraph_close', 'p', -1);
  }
  state.line = closeLine + 1;
  return true;
}

export function htmlBlocksPlugin(md: MarkdownIt): void {
  md.block.ruler.at('html_block', kramdownHtmlBlock, { alt: ['paragraph', 'reference', 'blockquote'] });
}
