/**
 * kramdown's ATX headers: `##` with no text is not a header (it stays paragraph text, and an
 * indented line after it continues that paragraph), as kramdown-parser-gfm requires text.
 */
import type MarkdownIt from 'markdown-it';

export function headingsPlugin(md: MarkdownIt): void {
  type BlockRule = Parameters<typeof md.block.ruler.at>[1];
  const rules = (md.block.ruler as unknown as { __rules__: { name: string; fn: BlockRule }[] }).__rules__;
  const original = rules.find((r) => r.name === 'heading')?.fn;
  if (!original) return;
  md.block.ruler.at('heading', (state, startLine, endLine, silent) => {
    const text = state.src.slice(state.bMarks[startLine] + state.tShift[startLine], state.eMarks[startLine]);
    if (/^#{1,6}[ \t]*#*[ \t]*$/.test(text)) return false;
    return original(state, startLine, endLine, silent);
  }, { alt: ['paragraph', 'reference', 'blockquote'] });
}
