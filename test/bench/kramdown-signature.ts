/**
 * Reduces body HTML to what a reader sees as structure: one line per block element opened or
 * closed (headings with their id) and the text between them, whitespace collapsed and entities
 * decoded, so Jekyll's and the preview's HTML compare without caring about attributes or spacing.
 */

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'dl', 'dt', 'dd', 'hr', 'figure', 'figcaption', 'details', 'summary', 'section', 'article', 'aside', 'nav', 'header', 'footer', 'iframe', 'video', 'audio']);
const VISIBLE_EMPTY = new Set(['img', 'input', 'br']);
const RAW_TEXT = new Set(['script', 'style', 'textarea']);

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', hellip: '…', ndash: '–', mdash: '—', laquo: '«', raquo: '»', copy: '©', reg: '®', trade: '™', times: '×', middot: '·', bull: '•', rarr: '→', larr: '←', harr: '↔', rArr: '⇒', deg: '°', plusmn: '±', euro: '€', pound: '£', yen: '¥', sect: '§', para: '¶', shy: '', zwj: '\u200d', zwnj: '\u200c', thinsp: ' ', ensp: ' ', emsp: ' ', hearts: '♥', check: '✓', micro: 'µ', frac12: '½', le: '≤', ge: '≥', ne: '≠', minus: '−', prime: '′', Prime: '″', hyphen: '‐', dagger: '†', Dagger: '‡', iexcl: '¡', iquest: '¿', uarr: '↑', darr: '↓', infin: '∞', asymp: '≈', sup2: '²', sup3: '³', ordm: 'º', ordf: 'ª', cent: '¢', curren: '¤', not: '¬', macr: '¯', acute: '´', cedil: '¸', divide: '÷',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (m, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      try {
        return String.fromCodePoint(code);
      } catch {
        return m;
      }
    }
    return NAMED[name] ?? m;
  });
}

/** The block-structure signature of an HTML fragment. */
export function blockSignature(html: string): string[] {
  const out: string[] = [];
  let text = '';
  let preDepth = 0;
  const flush = () => {
    const t = preDepth > 0 ? text.replace(/\n+$/, '').replace(/^\n/, '') : text.replace(/[\s\u00a0]+/g, ' ').trim();
    if (t) out.push(`"${t}`);
    text = '';
  };
  const re = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    text += decodeEntities(html.slice(last, m.index));
    last = re.lastIndex;
    if (!m[2]) continue;
    const name = m[2].toLowerCase();
    const closing = m[1] === '/';
    if (!closing && RAW_TEXT.has(name)) {
      const end = html.toLowerCase().indexOf(`</${name}`, last);
      const stop = end < 0 ? html.length : end;
      re.lastIndex = html.indexOf('>', stop) < 0 ? html.length : html.indexOf('>', stop) + 1;
      last = re.lastIndex;
      continue;
    }
    if (BLOCKS.has(name)) {
      flush();
      if (closing) {
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
        out.push(`/${name}`);
      } else {
        if (name === 'pre') preDepth++;
        const id = /^h[1-6]$/.test(name) ? /\sid=["']([^"']*)["']/.exec(m[3])?.[1] : undefined;
        out.push(id !== undefined ? `${name}#${decodeEntities(id)}` : name);
      }
    } else if (VISIBLE_EMPTY.has(name) && !closing) {
      if (name === 'br') text += preDepth ? '\n' : ' ';
      else if (name === 'img') text += ' [img] ';
      else if (/type=["']?checkbox/i.test(m[3])) text += /\schecked/i.test(m[3]) ? ' [x] ' : ' [ ] ';
    }
  }
  text += decodeEntities(html.slice(last));
  flush();
  return out.filter((line) => !/^\/(hr)$/.test(line));
}

const TYPO = /[“”‘’…–—«»©®™±"']|\.\.\.|--|\(c\)|\(r\)|\(tm\)|<<|>>/gi;

/** Names the kind of the first difference between two signatures (Jekyll's first). */
export function classifyDifference(jekyll: string[], ours: string[]): string {
  let i = 0;
  while (i < jekyll.length && jekyll[i] === ours[i]) i++;
  const a = jekyll[i] ?? '';
  const b = ours[i] ?? '';
  const near = [...jekyll.slice(Math.max(0, i - 3), i + 3), ...ours.slice(Math.max(0, i - 3), i + 3)];
  const inPre = (sig: string[]) => {
    let depth = 0;
    for (const s of sig.slice(0, i)) depth += s === 'pre' ? 1 : s === '/pre' ? -1 : 0;
    return depth > 0;
  };
  if (/^h[1-6]#/.test(a) && /^h[1-6]#/.test(b) && a.split('#')[0] === b.split('#')[0]) return 'header ids';
  if (a.startsWith('"') && b.startsWith('"') && a.replace(TYPO, '') === b.replace(TYPO, '')) return 'typography';
  if (near.some((s) => /\{:|\{::/.test(s))) return 'kramdown extensions ({: IAL}, {::…})';
  if (inPre(jekyll) || inPre(ours) || a === 'pre' || b === 'pre' || a === '/pre' || b === '/pre') return 'code blocks';
  if (near.some((s) => /^\/?(dl|dt|dd)$/.test(s))) return 'definition lists';
  if (near.some((s) => /^\/?(table|tr|td|th|thead|tbody)$/.test(s)) || near.some((s) => /^"\|/.test(s))) return 'tables';
  if (near.some((s) => /\\\[|\\\(|\$\$/.test(s))) return 'math';
  if (near.some((s) => /^"(↩|\[\d+\])/.test(s) || /\[\^/.test(s))) return 'footnotes';
  if ((a === 'p' || b === 'p' || a === '/p' || b === '/p') && near.some((s) => /^\/?li$/.test(s))) return 'lists (<p> in <li>)';
  if (/^\/?(ul|ol|li)$/.test(a) || /^\/?(ul|ol|li)$/.test(b)) return 'lists (structure)';
  if (near.some((s) => /^\/?blockquote$/.test(s))) return 'blockquotes';
  if (/^h[1-6]/.test(a) || /^h[1-6]/.test(b) || /^"#/.test(a) || /^"#/.test(b)) return 'headers';
  if (near.some((s) => s.includes('[img]'))) return 'raw HTML / images';
  if (a.startsWith('"') && b.startsWith('"')) return 'text';
  return `other (${a.slice(0, 20)} / ${b.slice(0, 20)})`;
}
