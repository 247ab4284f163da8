/**
 * kramdown's emphasis rules instead of CommonMark's flanking rules: `*`/`**` open before a
 * non-blank and close after a non-blank, whatever punctuation or script is around them, so
 * `**粗体：**文字` and `**<!-- x -->**text` are strong as in Jekyll; `_` does not open inside a
 * word and does not close before a letter or digit (parser/kramdown/emphasis.rb).
 */
import type MarkdownIt from 'markdown-it';

const BLANK = /\s/;
const ALPHA = /\p{L}/u;
const ALNUM = /[\p{L}\p{N}]/u;

export function emphasisPlugin(md: MarkdownIt): void {
  const Base = md.inline.State;
  class KramdownInlineState extends Base {
    override scanDelims(start: number, canSplitWord: boolean) {
      const result = super.scanDelims(start, canSplitWord);
      const marker = this.src[start];
      if (marker !== '*' && marker !== '_') return result;
      const before = start > 0 ? this.src[start - 1] : undefined;
      const afterPos = start + result.length;
      const after = afterPos < this.posMax ? this.src[afterPos] : undefined;
      const beforeBlank = before === undefined || BLANK.test(before);
      const afterBlank = after === undefined || BLANK.test(after);
      if (marker === '*') return { ...result, can_open: !afterBlank, can_close: !beforeBlank };
      const intraword = before !== undefined && (ALPHA.test(before) || (before === '-' && start > 1 && ALPHA.test(this.src[start - 2])));
      return { ...result, can_open: !afterBlank && !intraword, can_close: !beforeBlank && !(after !== undefined && ALNUM.test(after)) };
    }
  }
  md.inline.State = KramdownInlineState;
}
