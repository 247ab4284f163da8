/**
 * kramdown decides item by item whether a list item's first paragraph gets `<p>`: it stays bare
 * ("transparent") unless a blank line follows it inside the item, and the last item of a list
 * stays bare only when an earlier item did (parser/kramdown/list.rb). Later paragraphs always get
 * `<p>`. markdown-it instead makes a whole list tight or loose; this rule re-decides per item.
 */
import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

interface Item {
  open: number;
  close: number;
  /** Index of the paragraph_open that is the item's first child, or -1. */
  firstParagraph: number;
  transparent: boolean;
}

function isBlank(line: string | undefined): boolean {
  return line !== undefined && line.trim() === '';
}

/** Strips the blockquote markers a line may carry at the item's depth, for blank tests. */
function blankAfter(lines: string[], line: number, quoteDepth: number): boolean {
  let text = lines[line];
  if (text === undefined) return false;
  for (let d = 0; d < quoteDepth; d++) text = text.replace(/^ {0,3}> ?/, '');
  return isBlank(text);
}

function itemsOf(tokens: Token[], listOpen: number): { items: Item[]; close: number } {
  const items: Item[] = [];
  let depth = 0;
  let i = listOpen;
  for (; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.nesting === 1) depth++;
    if (t.nesting === -1) depth--;
    if (depth === 2 && t.type === 'list_item_open') {
      const first = tokens[i + 1];
      items.push({ open: i, close: -1, firstParagraph: first?.type === 'paragraph_open' ? i + 1 : -1, transparent: false });
    }
    if (depth === 1 && t.type === 'list_item_close') items[items.length - 1].close = i;
    if (depth === 0) break;
  }
  return { items, close: i };
}

export function listParagraphsPlugin(md: MarkdownIt): void {
  md.core.ruler.after('block', 'kramdown_list_paragraphs', (state) => {
    const tokens = state.tokens;
    const lines = state.src.split('\n');
    let quoteDepth = 0;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.type === 'blockquote_open') quoteDepth++;
      if (t.type === 'blockquote_close') quoteDepth--;
      if (t.type !== 'bullet_list_open' && t.type !== 'ordered_list_open') continue;
      const { items } = itemsOf(tokens, i);
      items.forEach((item, n) => {
        // Every paragraph directly in the item shows as <p> unless it is the transparent first one.
        let depth = 0;
        for (let k = item.open + 1; k < item.close; k++) {
          const x = tokens[k];
          if (x.nesting === -1) depth--;
          if (depth === 0 && (x.type === 'paragraph_open' || x.type === 'paragraph_close')) x.hidden = false;
          if (x.nesting === 1) depth++;
        }
        if (item.firstParagraph < 0) return;
        const p = tokens[item.firstParagraph];
        const end = p.map?.[1] ?? 0;
        const last = n === items.length - 1;
        // Blocks after the first paragraph inside this item.
        const closeOfP = item.firstParagraph + 2;
        const onlyChild = closeOfP + 1 === item.close;
        const blank = blankAfter(lines, end, quoteDepth);
        const a = !blank || (last && onlyChild);
        const b = !last || items.length === 1 || items.slice(0, -1).some((it) => it.firstParagraph < 0 || it.transparent);
        if (a && b) {
          item.transparent = true;
          tokens[item.firstParagraph].hidden = true;
          tokens[closeOfP].hidden = true;
        }
      });
    }
  });
}
