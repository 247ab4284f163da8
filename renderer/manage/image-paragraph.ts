/**
 * Where an inserted image goes in the text: as its own paragraph, the way a careful author puts
 * an image between paragraphs, never glued to the sentence the caret was in.
 */

/**
 * The change that puts `markdown` at `pos` as its own paragraph: a blank line before and after
 * (only as many newlines as are missing), and the spaces around the caret dropped so no line
 * is left ending in a space when a paragraph is split.
 */
export function paragraphAround(doc: string, pos: number, markdown: string): { from: number; to: number; insert: string } {
  let from = pos;
  while (from > 0 && (doc[from - 1] === ' ' || doc[from - 1] === '\t')) from--;
  let to = pos;
  while (to < doc.length && (doc[to] === ' ' || doc[to] === '\t')) to++;
  const before = doc.slice(0, from);
  const after = doc.slice(to);
  const lead = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const trail = after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : after === '' ? '\n' : '\n\n';
  return { from, to, insert: `${lead}${markdown}${trail}` };
}
