/**
 * Splits a post body into sections at ATX headings outside fenced code, so the preview can
 * re-render only the section being typed in. Bodies whose Markdown links across sections
 * (footnotes, reference links, `{:toc}`) stay one section, which renders exactly as before.
 */

export interface Section {
  source: string;
  /** 0-based line of the section's first line within the body. */
  line: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}#{1,6}(?:\s|$)/;
const CROSS_REFERENCES = /\[\^[^\]]+\]|^ {0,3}\[[^\]]+\]:|\{:\s*\.?toc\s*\}/m;

export function splitSections(body: string): Section[] {
  if (CROSS_REFERENCES.test(body)) return [{ source: body, line: 0 }];
  const lines = body.split('\n');
  const sections: Section[] = [];
  let start = 0;
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = null;
      continue;
    }
    if (f) {
      fence = f[1];
      continue;
    }
    if (i > start && HEADING.test(line)) {
      sections.push({ source: lines.slice(start, i).join('\n') + '\n', line: start });
      start = i;
    }
  }
  sections.push({ source: lines.slice(start).join('\n'), line: start });
  return sections;
}
