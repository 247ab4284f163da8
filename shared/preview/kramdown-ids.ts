/**
 * Header ids the way kramdown makes them (`auto_ids`), so `#anchors` in the preview match the site.
 */

/** kramdown's `basic_generate_id`: drop leading non-letters, keep `a-zA-Z0-9 -`, spaces → `-`, lower case. */
export function kramdownId(text: string): string {
  return text
    .replace(/^[^a-zA-Z]+/, '')
    .replace(/[^a-zA-Z0-9 -]/g, '')
    .replace(/ /g, '-')
    .toLowerCase();
}

/** Hands out unique ids per document: `intro`, `intro-1`, `intro-2`… and `section` for empty ones. */
export class IdRegistry {
  private readonly used = new Map<string, number>();

  take(text: string): string {
    const base = kramdownId(text) || 'section';
    const count = this.used.get(base);
    if (count === undefined) {
      this.used.set(base, 0);
      return base;
    }
    this.used.set(base, count + 1);
    return `${base}-${count + 1}`;
  }
}
