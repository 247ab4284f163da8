/**
 * GFM task lists as kramdown-parser-gfm writes them: `[ ]` / `[x]` (either case) at the start of
 * an item's first paragraph becomes a disabled checkbox, the item gets `task-list-item` and the list
 * `task-list`.
 */
import type MarkdownIt from 'markdown-it';

export function taskListsPlugin(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'kramdown_task_lists', (state) => {
    const tokens = state.tokens;
    for (let i = 2; i < tokens.length; i++) {
      const inline = tokens[i];
      if (inline.type !== 'inline' || tokens[i - 1].type !== 'paragraph_open' || tokens[i - 2].type !== 'list_item_open') continue;
      const first = inline.children?.[0];
      const m = first?.type === 'text' ? /^\s*\[([ xX])\]\s+/.exec(first.content) : null;
      if (!first || !m) continue;
      first.content = first.content.slice(m[0].length);
      const box = new state.Token('html_inline', '', 0);
      box.content = `<input type="checkbox" class="task-list-item-checkbox" disabled="disabled"${m[1] === ' ' ? '' : ' checked="checked"'} />`;
      inline.children!.unshift(box);
      tokens[i - 2].attrJoin('class', 'task-list-item');
      for (let k = i - 3, depth = 0; k >= 0; k--) {
        depth += tokens[k].nesting;
        if (depth === 1) {
          if (!(tokens[k].attrGet('class') ?? '').includes('task-list')) tokens[k].attrJoin('class', 'task-list');
          break;
        }
      }
    }
  });
}
