/**
 * Header ids the way Jekyll's kramdown makes them (`auto_ids`), so `#anchors` in the preview match
 * the site: GFM input (Jekyll's default) keeps letters of every script and digits; kramdown input
 * keeps only ASCII letters and digits after the first letter.
 */

/** kramdown's `basic_generate_id`: drop leading non-letters, keep `a-zA-Z0-9 -`, spaces → `-`, lower case. */
export function kramdownId(text: string): string {
  return text
    .replace(/^[^a-zA-Z]+/, '')
    .replace(/[^a-zA-Z0-9 -]/g, '')
    .replace(/ /g, '-')
    .toLowerCase();
}

/** kramdown-parser-gfm's `generate_gfm_header_id`: lower case, drop non-word characters, blanks → `-`. */
export function gfmId(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- \t]/gu, '')
    .replace(/[ \t]/g, '-');
}

/** Hands out unique ids per document: `intro`, `intro-1`, `intro-2`… (`section` for an empty kramdown id). */
export class IdRegistry {
  private readonly used = new Map<string, number>();

  constructor(private readonly mode: 'GFM' | 'kramdown' = 'kramdown', private readonly prefix = '') {}

  take(text: string): string {
    if (this.mode === 'GFM') {
      const base = gfmId(text);
      const count = (this.used.get(base) ?? -1) + 1;
      this.used.set(base, count);
      return this.prefix + (count > 0 ? `${base}-${count}` : base);
    }
    const base = kramdownId(text) || 'section';
    const count = this.used.get(base);
    if (count === undefined) {
      this.used.set(base, 0);
      return this.prefix + base;
    }
    this.used.set(base, count + 1);
    return `${this.prefix}${base}-${count + 1}`;
  }
}
