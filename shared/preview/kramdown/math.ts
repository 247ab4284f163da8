/**
 * kramdown math with Jekyll's default MathJax engine: `$$…$$` standing as its own block becomes
 * display math `\[…\]`, `$$…$$` inside text becomes `\(…\)` (converter/math_engine/mathjax.rb).
 */
import type MarkdownIt from 'markdown-it';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function mathPlugin(md: MarkdownIt): void {
  md.block.ruler.before('paragraph', 'kramdown_block_math', (state, startLine, endLine, silent) => {
    const start = state.bMarks[startLine] + state.tShift[startLine];
    if (state.sCount[startLine] - state.blkIndent > 3 || !state.src.startsWith('$$', start)) return false;
    // The math runs to the first `$$` that ends a line; a blank line (or the end) must follow.
    let line = startLine;
    let from = start + 2;
    for (; line < endLine; line++) {
      const lineEnd = state.eMarks[line];
      const close = state.src.indexOf('$$', line === startLine ? from : state.bMarks[line]);
      if (close >= 0 && close < lineEnd) {
        if (state.src.slice(close + 2, lineEnd).trim() !== '') return false;
        break;
      }
      if (line > startLine && state.isEmpty(line)) return false;
    }
    if (line >= endLine) return false;
    const next = line + 1;
    if (next < endLine && !state.isEmpty(next)) return false;
    if (silent) return true;
    const close = state.src.indexOf('$$', line === startLine ? from : state.bMarks[line]);
    from = start + 2;
    const token = state.push('math_block', '', 0);
    token.content = state.src.slice(from, close).trim();
    token.map = [startLine, next];
    token.block = true;
    state.line = next;
    return true;
  });
  md.renderer.rules.math_block = (tokens, idx) => `\\[${escapeHtml(tokens[idx].content)}\\]\n`;

  md.inline.ruler.before('escape', 'kramdown_math', (state, silent) => {
    if (!state.src.startsWith('$$', state.pos)) return false;
    const end = state.src.indexOf('$$', state.pos + 2);
    if (end < 0) return false;
    if (!silent) {
      const token = state.push('math_inline', 'span', 0);
      token.content = state.src.slice(state.pos + 2, end).trim();
    }
    state.pos = end + 2;
    return true;
  });
  md.renderer.rules.math_inline = (tokens, idx) => `<span class="math">\\(${escapeHtml(tokens[idx].content)}\\)</span>`;
}
