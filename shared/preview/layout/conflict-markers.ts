/**
 * Git's conflict markers in a buffer (`<<<<<<< `, `=======`, `>>>>>>> ` lines), which the preview
 * reports instead of rendering as a heading and rules.
 */

export interface ConflictMarkers {
  /** 1-based lines of the `<<<<<<<` markers. */
  lines: number[];
}

/**
 * The conflicts in `text`, or null when it has none. A `<<<<<<<` line followed by a `=======`
 * line counts (the `>>>>>>>` may not be typed yet); a lone `=======` is a Setext underline.
 */
export function findConflictMarkers(text: string): ConflictMarkers | null {
  if (!text.includes('<<<<<<<')) return null;
  const lines: number[] = [];
  let open = 0;
  const all = text.split('\n');
  for (let i = 0; i < all.length; i++) {
    const line = all[i].replace(/\r$/, '');
    if (/^<{7}(?:\s|$)/.test(line)) open = i + 1;
    else if (open && /^={7}$/.test(line)) {
      lines.push(open);
      open = 0;
    }
  }
  return lines.length ? { lines } : null;
}
