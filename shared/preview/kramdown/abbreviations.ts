/**
 * kramdown abbreviations: `*[HTML]: Hyper Text Markup Language` lines define an abbreviation
 * (and print nothing); every whole-word use of it in the text becomes `<abbr title="…">`.
 */
import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

const DEFINITION = /^ {0,3}\*\[([^\]\n]+)\]:[ \t]*(.*)$/;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function abbreviationsPlugin(md: MarkdownIt): void {
  md.block.ruler.before('paragraph', 'kramdown_abbreviation', (state, startLine, endLine, silent) => {
    const text = state.src.slice(state.bMarks[startLine] + state.tShift[startLine], state.eMarks[startLine]);
    const m = DEFINITION.exec(text);
    if (!m || state.sCount[startLine] - state.blkIndent > 3) return false;
    if (silent) return true;
    const env = state.env as { abbreviations?: Map<string, string> };
    (env.abbreviations ??= new Map()).set(m[1].trim(), m[2].trim());
    state.line = startLine + 1;
    return true;
  }, { alt: ['paragraph'] });

  md.core.ruler.after('inline', 'kramdown_abbreviations', (state) => {
    const defs = (state.env as { abbreviations?: Map<string, string> }).abbreviations;
    if (!defs?.size) return;
    const names = [...defs.keys()].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const re = new RegExp(`(?<![\\p{L}\\p{N}_])(${names.join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue;
      const out: Token[] = [];
      for (const t of block.children) {
        if (t.type !== 'text' || !re.test(t.content)) {
          out.push(t);
          continue;
        }
        re.lastIndex = 0;
        let last = 0;
        for (const m of t.content.matchAll(re)) {
          const before = new state.Token('text', '', 0);
          before.content = t.content.slice(last, m.index);
          const abbr = new state.Token('html_inline', '', 0);
          const title = defs.get(m[1]) ?? '';
          abbr.content = `<abbr${title ? ` title="${escapeHtml(title)}"` : ''}>${escapeHtml(m[1])}</abbr>`;
          out.push(before, abbr);
          last = (m.index ?? 0) + m[0].length;
        }
        const after = new state.Token('text', '', 0);
        after.content = t.content.slice(last);
        out.push(after);
      }
      block.children = out;
    }
  });
}
