/**
 * Git's conflict markers in a buffer (`<<<<<<< `, `=======`, `>>>>>>> ` lines), which the preview
 * reports instead of rendering as a heading and rules.
 */

export interface ConflictMarkers {
  /** 1-based lines of the `<<<<<<<` markers. */
  lines: number[];
}

/** The conflicts in `text`, or null when it has none (a lone `=======` is a Setext rule, not a conflict). */
export function findConflictMarkers(text: string): ConflictMarkers | null {
  if (!text.includes('<<<<<<<')) return null;
  const lines: number[] = [];
  let open = 0;
  let middle = false;
  const all = text.split('\n');
  for (let i = 0; i < all.length; i++) {
    const line = all[i].replace(/\r$/, '');
    if (/^<{7}(?:\s|$)/.test(line)) {
      open = i + 1;
      middle = false;
    } else if (open && /^={7}$/.test(line)) middle = true;
    else if (open && middle && /^>{7}(?:\s|$)/.test(line)) {
      lines.push(open);
      open = 0;
      middle = false;
    }
  }
  return lines.length ? { lines } : null;
}
