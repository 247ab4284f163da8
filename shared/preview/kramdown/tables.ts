/**
 * Kramdown's tables where markdown-it's GFM table rule sees none: rows of `| … |` without a
 * separator line (a table of body rows), and a separator line whose column count differs from
 * the header's. Kramdown makes a table of any run of lines that start with a pipe; GFM needs a
 * matching delimiter row under the header. Tables GFM accepts are left to its rule.
 *
 * Rows before the first separator line (`|---`, `|:-:`, `|-+-`) are the header; a later separator
 * starts a new body; `|===` starts the footer. Cells split on pipes that are neither escaped nor
 * inside a code span; `\|` stays in the cell's text for the inline parser (which turns it into
 * `|`, except inside code, as kramdown does).
 */
import type MarkdownIt from 'markdown-it';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';

const ROW = /^\|/;
/** Kramdown's separator lines: pipes, colons, pluses and blanks around at least one `-` (or `=`, the footer's). */
const SEPARATOR = /^\|[-:+| \t]*-[-:+| \t]*$|^\|[=:+| \t]*=[=:+| \t]*$/;

/** The cells of one row, split on pipes outside code spans and not escaped; leading and trailing pipes dropped. */
export function splitCells(line: string): string[] {
  const text = line.replace(/^\|/, '');
  const cells: string[] = [];
  let cell = '';
  let ticks = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      cell += c + text[++i];
      continue;
    }
    if (c === '`') {
      let run = 1;
      while (text[i + run] === '`') run++;
      // A code span opens with a run of backticks and closes with a run of the same length.
      if (ticks === 0) ticks = run;
      else if (ticks === run) ticks = 0;
      cell += text.slice(i, i + run);
      i += run - 1;
      continue;
    }
    if (c === '|' && ticks === 0) {
      cells.push(cell.trim());
      cell = '';
      continue;
    }
    cell += c;
  }
  if (cell.trim() !== '' || cells.length === 0) cells.push(cell.trim());
  return cells;
}

/** Column alignments from a separator line (`:-` left, `-:` right, `:-:` center). */
function alignments(line: string): (string | null)[] {
  return splitCells(line).map((cell) => {
    const left = cell.startsWith(':');
    const right = cell.endsWith(':');
    return left && right ? 'center' : right ? 'right' : left ? 'left' : null;
  });
}

function kramdownTable(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  // Each line from its first non-blank character (indents of 4 or more are code, checked apart).
  const lineText = (n: number) => state.src.slice(state.bMarks[n] + state.tShift[n], state.eMarks[n]);
  if (!ROW.test(lineText(startLine))) return false;
  let end = startLine;
  while (end < endLine && state.sCount[end] - state.blkIndent < 4 && ROW.test(lineText(end))) end++;
  const lines: string[] = [];
  for (let n = startLine; n < end; n++) lines.push(lineText(n));
  // A run of separators only is not a table.
  if (lines.every((l) => SEPARATOR.test(l))) return false;
  if (silent) return true;

  type Section = { tag: 'thead' | 'tbody' | 'tfoot'; rows: { cells: string[]; line: number }[] };
  const sections: Section[] = [{ tag: 'tbody', rows: [] }];
  let align: (string | null)[] = [];
  let sawSeparator = false;
  lines.forEach((text, k) => {
    const line = startLine + k;
    const current = sections[sections.length - 1];
    if (SEPARATOR.test(text)) {
      const footer = /=/.test(text) && !/-/.test(text);
      if (!sawSeparator) align = alignments(text);
      if (footer) sections.push({ tag: 'tfoot', rows: [] });
      else if (!sawSeparator && sections.length === 1 && current.rows.length > 0) {
        current.tag = 'thead';
        sections.push({ tag: 'tbody', rows: [] });
      } else if (current.rows.length > 0) sections.push({ tag: 'tbody', rows: [] });
      sawSeparator = true;
      return;
    }
    current.rows.push({ cells: splitCells(text), line });
  });

  const open = state.push('table_open', 'table', 1);
  open.map = [startLine, end];
  for (const section of sections) {
    if (section.rows.length === 0) continue;
    const sectionOpen = state.push(`${section.tag}_open`, section.tag, 1);
    sectionOpen.map = [section.rows[0].line, section.rows[section.rows.length - 1].line + 1];
    for (const row of section.rows) {
      const tr = state.push('tr_open', 'tr', 1);
      tr.map = [row.line, row.line + 1];
      const cellTag = section.tag === 'thead' ? 'th' : 'td';
      row.cells.forEach((content, i) => {
        const cell = state.push(`${cellTag}_open`, cellTag, 1);
        if (align[i]) cell.attrs = [['style', `text-align: ${align[i]}`]];
        const inline = state.push('inline', '', 0);
        inline.content = content;
        inline.map = [row.line, row.line + 1];
        inline.children = [];
        state.push(`${cellTag}_close`, cellTag, -1);
      });
      state.push('tr_close', 'tr', -1);
    }
    state.push(`${section.tag}_close`, section.tag, -1);
  }
  state.push('table_close', 'table', -1);
  state.line = end;
  return true;
}

export function tablesPlugin(md: MarkdownIt): void {
  // After GFM's rule: a table it accepts is its own; what it declines, kramdown may still call a table.
  md.block.ruler.after('table', 'kramdown_table', kramdownTable);
}
