/**
 * Code blocks as Jekyll's kramdown + Rouge write them: `<pre class="highlight">` with the language,
 * and Rouge's line-number table when `syntax_highlighter_opts.block.line_numbers` asks for it.
 * Fenced code inside list items keeps the indentation beyond the item's content column, as kramdown
 * does (markdown-it strips up to the fence's own indentation).
 */
import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { MarkdownSettings } from './settings';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function attributes(token: Token, extraClass: string): string {
  const classes = extraClass ? [extraClass] : [];
  let out = '';
  for (const [name, value] of token.attrs ?? []) {
    if (name === 'class') classes.push(value);
    else out += ` ${name}="${escapeHtml(value)}"`;
  }
  return (classes.length ? ` class="${escapeHtml(classes.join(' '))}"` : '') + out;
}

/** Rouge's table: a gutter of line numbers beside the code. */
export function lineNumberTable(code: string): string {
  const lines = code.replace(/\n$/, '').split('\n').length;
  let gutter = '';
  for (let n = 1; n <= lines; n++) gutter += `${n}\n`;
  return `<table class="rouge-table"><tbody><tr><td class="rouge-gutter gl"><pre class="lineno">${gutter}</pre></td><td class="rouge-code"><pre>${code}</pre></td></tr></tbody></table>`;
}

export function codeBlocksPlugin(md: MarkdownIt, settings: MarkdownSettings): void {
  const render = (token: Token, lang: string) => {
    const code = escapeHtml(token.content);
    const safe = lang.replace(/[^\w+#.-]/g, '');
    const inner = settings.blockLineNumbers ? lineNumberTable(code) : code;
    return `<pre${attributes(token, `highlight${safe ? ` language-${safe}` : ''}`)}><code${safe ? ` class="language-${safe}"` : ''}>${inner}</code></pre>\n`;
  };
  md.renderer.rules.fence = (tokens, idx) => render(tokens[idx], tokens[idx].info.trim().split(/\s+/)[0] ?? '');
  md.renderer.rules.code_block = (tokens, idx) => render(tokens[idx], '');

  // Keep indentation past the container's content column in fenced code (kramdown does not strip it).
  type BlockRule = Parameters<typeof md.block.ruler.at>[1];
  const rules = (md.block.ruler as unknown as { __rules__: { name: string; fn: BlockRule }[] }).__rules__;
  const original = rules.find((r) => r.name === 'fence')?.fn;
  if (!original) return;
  md.block.ruler.at('fence', (state, startLine, endLine, silent) => {
    const before = state.tokens.length;
    if (!original(state, startLine, endLine, silent)) return false;
    if (silent) return true;
    const token = state.tokens[before];
    if (!token || token.type !== 'fence' || !token.map) return true;
    const indent = state.sCount[startLine] - state.blkIndent;
    if (indent <= 0) return true;
    const last = token.map[1] - 1;
    const closed = last > startLine && /^\s*(`{3,}|~{3,})\s*$/.test(state.src.slice(state.bMarks[last] + state.tShift[last], state.eMarks[last]));
    token.content = state.getLines(startLine + 1, closed ? last : token.map[1], state.blkIndent, true);
    return true;
  }, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
}
