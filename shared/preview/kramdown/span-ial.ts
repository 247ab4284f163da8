/**
 * kramdown span IALs: `![x](a.png){: .icon width="70"}` or `[a](b){:target="_blank"}` set
 * attributes on the element right before them (image, link, emphasis, code). After plain text the
 * braces stay text, as kramdown leaves them (parser/kramdown/extensions.rb).
 */
import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

const SPAN_IAL = /^\{:((?:\\\}|[^}])+)\}/;

/** Parses `.a #b key="c" key2='d'` into attributes (event handlers dropped). */
export function parseAttributes(spec: string): [string, string][] {
  const attrs: [string, string][] = [];
  const classes: string[] = [];
  for (const m of spec.matchAll(/([\w-]+)=(?:"((?:\\"|[^"])*)"|'((?:\\'|[^'])*)')|([.#])([^\s.#"'=]+)/g)) {
    if (m[4] === '.') classes.push(m[5]);
    else if (m[4] === '#') attrs.push(['id', m[5]]);
    else if (m[1] && !/^on/i.test(m[1])) attrs.push([m[1], (m[2] ?? m[3] ?? '').replace(/\\(["'}])/g, '$1')]);
  }
  if (classes.length) attrs.push(['class', classes.join(' ')]);
  return attrs;
}

export function applyAttributes(token: Token, attrs: [string, string][]): void {
  for (const [name, value] of attrs) {
    if (name === 'class') token.attrJoin('class', value);
    else token.attrSet(name, value);
  }
}

function targetOf(tokens: Token[]): Token | null {
  const last = tokens[tokens.length - 1];
  if (!last) return null;
  if (last.type === 'image' || last.type === 'code_inline' || last.type === 'html_inline') return last.type === 'html_inline' ? null : last;
  if (last.nesting !== -1) return null;
  let depth = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    depth += tokens[i].nesting;
    if (depth === 0) return tokens[i];
  }
  return null;
}

export function spanIalPlugin(md: MarkdownIt): void {
  md.inline.ruler.before('emphasis', 'kramdown_span_ial', (state, silent) => {
    if (state.src.charCodeAt(state.pos) !== 0x7b /* { */ || state.src.charCodeAt(state.pos + 1) !== 0x3a /* : */) return false;
    if (state.pending) return false;
    const m = SPAN_IAL.exec(state.src.slice(state.pos));
    if (!m) return false;
    const target = targetOf(state.tokens);
    if (!target) return false;
    if (!silent) applyAttributes(target, parseAttributes(m[1]));
    state.pos += m[0].length;
    return true;
  });
}
