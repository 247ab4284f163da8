/**
 * Splits a post body into sections at ATX headings outside code and raw HTML, so the preview can
 * re-render only the section being typed in. A `# comment` line inside a fence, an indented code
 * block, a `<pre>`/`{% highlight %}` figure or any other HTML block (which kramdown reads to its
 * matching end tag) never starts a section. Bodies whose Markdown links across sections
 * (footnotes, reference links, abbreviations, `{:toc}`, ALDs, repeated heading texts whose ids
 * are numbered document-wide) stay one section, which renders exactly as the whole body.
 */
import { HTML_SPAN_ELEMENTS, matchingEnd } from './kramdown/html-blocks';

export interface Section {
  source: string;
  /** 0-based line of the section's first line within the body. */
  line: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const CROSS_REFERENCES = /\[\^[^\]]+\]|^ {0,3}\[[^\]]+\]:|^ {0,3}\*\[[^\]]+\]:|\{:\s*\.?toc\s*\}|^ {0,3}\{:[\w-]+:/m;
const HTML_START = /^ {0,3}<([A-Za-z][\w:.-]*)[\s/>]|^ {0,3}<!--/;

export function splitSections(body: string): Section[] {
  if (CROSS_REFERENCES.test(body)) return [{ source: body, line: 0 }];
  const lines = body.split('\n');
  const sections: Section[] = [];
  const headings = new Set<string>();
  let start = 0;
  let fence: string | null = null;
  let offset = 0;
  let skipUntil = -1;
  let previousBlank = true;
  for (let i = 0; i < lines.length; offset += lines[i].length + 1, i++) {
    const line = lines[i];
    if (offset < skipUntil) continue;
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = null;
      continue;
    }
    if (f) {
      fence = f[1];
      continue;
    }
    const blank = line.trim() === '';
    // An indented code block (after a blank line) is code, whatever it contains.
    if (previousBlank && /^( {4}|\t)/.test(line)) continue;
    previousBlank = blank;
    const html = HTML_START.exec(line);
    if (html) {
      const at = offset + line.indexOf('<');
      if (!html[1]) {
        const end = body.indexOf('-->', at + 4);
        skipUntil = end < 0 ? body.length : end + 3;
      } else if (!HTML_SPAN_ELEMENTS.has(html[1].toLowerCase())) {
        const open = body.indexOf('>', at);
        const end = open < 0 ? -1 : matchingEnd(body, html[1], open + 1);
        skipUntil = end < 0 ? body.length : end;
      }
      continue;
    }
    const h = HEADING.exec(line);
    if (!h || !h[2]) continue;
    // Ids are numbered across the whole document (`intro`, `intro-1`): keep such bodies whole.
    const text = h[2].toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
    if (headings.has(text)) return [{ source: body, line: 0 }];
    headings.add(text);
    if (i > start) {
      sections.push({ source: lines.slice(start, i).join('\n') + '\n', line: start });
      start = i;
    }
  }
  sections.push({ source: lines.slice(start).join('\n'), line: start });
  return sections;
}
