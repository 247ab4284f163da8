/**
 * Markdown → HTML close to what Jekyll's kramdown writes: GFM tables and fences, footnotes,
 * definition lists, header ids, `{: .class #id}` attribute lists, `{:toc}`, and math left for
 * MathJax/KaTeX. Each block carries `data-source-line` for scroll sync.
 */
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import footnote from 'markdown-it-footnote';
import deflist from 'markdown-it-deflist';
import { IdRegistry } from './kramdown-ids';
import { DEFAULT_SETTINGS, type MarkdownSettings } from './kramdown/settings';
import { typographyPlugin } from './kramdown/typography';
import { listParagraphsPlugin } from './kramdown/list-paragraphs';
import { emphasisPlugin } from './kramdown/emphasis';
import { codeBlocksPlugin } from './kramdown/code-blocks';
import { mathPlugin } from './kramdown/math';
import { htmlBlocksPlugin } from './kramdown/html-blocks';
import { spanIalPlugin, parseAttributes, applyAttributes } from './kramdown/span-ial';
import { headingsPlugin } from './kramdown/headings';
import { taskListsPlugin } from './kramdown/task-lists';
import { abbreviationsPlugin } from './kramdown/abbreviations';
import { tablesPlugin } from './kramdown/tables';

export interface OutlineEntry {
  level: number;
  text: string;
  id: string;
  /** 0-based line in the rendered source. */
  line: number;
}

const IAL = /^\{:\s*([^}]*)\}$/;
const HEADER_IAL = /\s*\{:?\s*((?:[#.][\w-]+\s*)+)\}\s*$/;

/** Finds the opening token of the block that ends right before index `end`. */
function blockOpenBefore(tokens: Token[], end: number): number {
  let depth = 0;
  for (let i = end - 1; i >= 0; i--) {
    const t = tokens[i];
    depth += t.nesting === -1 ? 1 : t.nesting === 1 ? -1 : 0;
    if (depth === 0 && (t.nesting === 1 || t.block)) return i;
  }
  return -1;
}

function kramdownPlugin(md: MarkdownIt, settings: MarkdownSettings): void {
  md.core.ruler.push('kramdown_ial', (state) => {
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      // Headers: `## Title {#id .class}`.
      if (t.type === 'heading_open') {
        const inline = tokens[i + 1];
        const m = HEADER_IAL.exec(inline.content);
        if (m) {
          inline.content = inline.content.slice(0, m.index);
          const last = inline.children?.[inline.children.length - 1];
          if (last && last.type === 'text') last.content = last.content.replace(HEADER_IAL, '');
          applyAttributes(t, parseAttributes(m[1]));
        }
      }
      // A paragraph ending in a `{: …}` line (kramdown block IAL, here lazily joined to the
      // paragraph): the attributes go to the paragraph, or to the blockquote holding it.
      if (t.type === 'paragraph_open' && tokens[i + 1]?.type === 'inline') {
        const inline = tokens[i + 1];
        const m = /\n\{:\s*([^}]*)\}\s*$/.exec(inline.content);
        if (m) {
          const isToc = /^\.?toc$/.test(m[1].trim());
          inline.content = inline.content.slice(0, m.index);
          const kids = inline.children ?? [];
          // Drop the trailing softbreak + text of the IAL line.
          while (kids.length && !(kids[kids.length - 1].type === 'softbreak')) {
            const last = kids.pop()!;
            if (last.type === 'text' && last.content.includes('{:')) continue;
          }
          if (kids.length && kids[kids.length - 1].type === 'softbreak') kids.pop();
          let target = i;
          const container = isToc ? /^(bullet|ordered)_list_open$/ : /^blockquote_open$/;
          for (let k = i - 1; k >= 0; k--) {
            if (container.test(tokens[k].type) && tokens[k].level < t.level) {
              target = k;
              break;
            }
          }
          if (isToc) {
            if (target !== i) tokens[target].attrSet('data-kramdown-toc', '');
          } else applyAttributes(tokens[target], parseAttributes(m[1]));
        }
      }
      // A paragraph that starts with `{: …}` lines (block IALs): they belong to this paragraph.
      if (t.type === 'paragraph_open' && tokens[i + 1]?.type === 'inline' && tokens[i + 2]?.type === 'paragraph_close') {
        const inline = tokens[i + 1];
        const lead = /^(?:[ ]{0,3}\{:(?![\w-]*:|\/)([^}]*)\}[ \t]*\n)+/.exec(inline.content);
        if (lead && lead[0].length < inline.content.length) {
          for (const m of lead[0].matchAll(/\{:([^}]*)\}/g)) applyAttributes(t, parseAttributes(m[1]));
          inline.content = inline.content.slice(lead[0].length);
          const lines = lead[0].split('\n').length - 1;
          let kids = inline.children ?? [];
          for (let n = 0, k = 0; k < kids.length && n < lines; k++) {
            if (kids[k].type === 'softbreak') {
              n++;
              if (n === lines) kids = kids.slice(k + 1);
            }
          }
          inline.children = kids;
        }
      }
      // A paragraph that is only `{: …}`: kramdown gives it to the block right before it, or, after a
      // blank line (or at the start), to the block that follows.
      if (t.type === 'paragraph_open' && tokens[i + 2]?.type === 'paragraph_close') {
        const m = IAL.exec(tokens[i + 1].content.trim());
        if (!m) continue;
        const spec = m[1].trim();
        const line = t.map?.[0] ?? 0;
        const srcLines = state.src.split('\n');
        const afterBlank = line === 0 || srcLines[line - 1].trim() === '' || blockOpenBefore(tokens, i) < 0 || tokens[i - 1]?.nesting === 1;
        const target = afterBlank ? (tokens[i + 3] && tokens[i + 3].nesting !== -1 ? i + 3 - 3 : -1) : blockOpenBefore(tokens, i);
        if (spec === 'toc' || spec === '.toc') {
          const before = blockOpenBefore(tokens, i);
          tokens.splice(i, 3);
          if (before >= 0) tokens[before].attrSet('data-kramdown-toc', '');
          i--;
          continue;
        }
        tokens.splice(i, 3);
        if (afterBlank) {
          if (target >= 0 && tokens[i]) applyAttributes(tokens[i], parseAttributes(spec));
        } else if (target >= 0) applyAttributes(tokens[target], parseAttributes(spec));
        i--;
      }
    }
  });

  md.core.ruler.push('kramdown_ids', (state) => {
    if (!settings.autoIds) return;
    const ids = new IdRegistry(settings.input, settings.autoIdPrefix);
    for (let i = 0; i < state.tokens.length; i++) {
      const t = state.tokens[i];
      if (t.type !== 'heading_open' || t.attrGet('id')) continue;
      const text = (state.tokens[i + 1].children ?? []).filter((c) => c.type === 'text' || c.type === 'code_inline' || c.type === 'math_inline').map((c) => c.content).join('');
      t.attrSet('id', ids.take(text));
    }
  });

  md.core.ruler.push('source_lines', (state) => {
    for (const t of state.tokens) if (t.map && t.nesting === 1) t.attrSet('data-source-line', String(t.map[0]));
    for (const t of state.tokens) if (t.map && (t.type === 'fence' || t.type === 'code_block')) t.attrSet('data-source-line', String(t.map[0]));
  });
}

const instances = new Map<string, MarkdownIt>();

/** The markdown-it instance with our kramdown plugins for these settings (one per settings). */
export function markdownIt(settings: MarkdownSettings = DEFAULT_SETTINGS): MarkdownIt {
  let shared = instances.get(settings.key);
  if (!shared) {
    shared = new MarkdownIt({ html: true, linkify: false, typographer: false, breaks: settings.hardWrap });
    shared.use(footnote).use(deflist).use((m: MarkdownIt) => kramdownPlugin(m, settings));
    typographyPlugin(shared, settings);
    listParagraphsPlugin(shared);
    emphasisPlugin(shared);
    instances.set(settings.key, shared);
    codeBlocksPlugin(shared, settings);
    mathPlugin(shared);
    spanIalPlugin(shared);
    headingsPlugin(shared);
    taskListsPlugin(shared);
    abbreviationsPlugin(shared);
    tablesPlugin(shared);
    if (!settings.parseBlockHtml) htmlBlocksPlugin(shared);
  }
  return shared;
}

export interface MarkdownResult {
  html: string;
  outline: OutlineEntry[];
}

/** Renders Markdown; `lineOffset` is added to source lines so they are file lines. */
export function renderMarkdown(source: string, lineOffset = 0, settings: MarkdownSettings = DEFAULT_SETTINGS): MarkdownResult {
  const it = markdownIt(settings);
  const env = {};
  const tokens = it.parse(source, env);
  const outline: OutlineEntry[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.map) {
      const line = t.map[0] + lineOffset;
      if (t.attrGet('data-source-line') !== null) t.attrSet('data-source-line', String(line));
    }
    if (t.type === 'heading_open') {
      outline.push({ level: Number(t.tag.slice(1)), text: tokens[i + 1].content, id: t.attrGet('id') ?? '', line: (t.map?.[0] ?? 0) + lineOffset });
    }
  }
  let html = it.renderer.render(tokens, it.options, env);
  if (html.includes('data-kramdown-toc')) html = insertToc(html, outline);
  return { html, outline };
}

/** Replaces the list marked `{:toc}` with a nested list of the headers, as kramdown does. */
function insertToc(html: string, outline: OutlineEntry[]): string {
  const items = outline.map((h) => `<li class="toc-level-${h.level}"><a href="#${h.id}">${escapeText(h.text)}</a></li>`).join('');
  return html.replace(/<(ul|ol)([^>]*?)\sdata-kramdown-toc=""([^>]*)>[\s\S]*?<\/\1>/, `<ul id="markdown-toc"$2$3>${items}</ul>`);
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
