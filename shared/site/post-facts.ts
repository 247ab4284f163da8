/**
 * What a post's body refers to, with file lines, found in one pass over the body: images
 * (Markdown, reference-style and HTML), links to other pages (`{% post_url %}`, `{% link %}`,
 * site-relative URLs) and Liquid inside code blocks, which Jekyll runs.
 *
 * The result depends on the text alone, so a caller can keep it per file and re-check it
 * against a changed site cheaply. Every scan is linear in the line length: no regex here can
 * backtrack over a whole line more than once.
 */

export interface ImageRef {
  /** As written (`/assets/a.png`, `{{ site.baseurl }}/a.png`, `images/b.jpg`). */
  ref: string;
  /** 1-based line in the file. */
  line: number;
  /** The top-level front-matter key it came from (banner images). */
  field?: string;
}

export type LinkKind = 'post_url' | 'link' | 'url';

export interface LinkRef {
  kind: LinkKind;
  /** The tag's argument (`2024-01-02-slug`, `_posts/x.md`) or the URL as written. */
  target: string;
  line: number;
}

export interface LiquidInCode {
  /** Line of the first Liquid markup inside the block. */
  line: number;
  /** Line of the block's opening fence (or `{% highlight %}`). */
  blockLine: number;
  /** The Liquid found, shortened for a message. */
  sample: string;
}

export interface BodyFacts {
  images: ImageRef[];
  links: LinkRef[];
  liquidInCode: LiquidInCode[];
}

const FENCE = /^(\s*)(`{3,}|~{3,})(.*)$/;
const RAW_TAG = /\{%-?\s*(?:end)?raw\s*-?%\}/g;
const REF_DEF = /^ {0,3}\[([^\]]+)\]:[ \t]*<?([^\s>]+)>?/;
const LIQUID_TAG = /\{%-?\s*([A-Za-z_]+)([^%]*)%\}/g;
const HTML_ATTR = /\s(src|href)\s*=\s*(?:"([^"]*)"|'([^']*)')/i;
const HTML_START_G = /<(img|a)\s/gi;
const HTML_START = /<(?:img|a)\s/i;
const IMAGE_EXT = /\.(png|jpe?g|gif|webp|avif|svg)$/i;

interface Fence {
  char: string;
  length: number;
  line: number;
  reported: boolean;
  highlight: boolean;
}

/** Scans a post body; `firstLine` is the file line the body starts on. */
export function bodyFacts(body: string, firstLine = 1): BodyFacts {
  const images: ImageRef[] = [];
  const links: LinkRef[] = [];
  const liquidInCode: LiquidInCode[] = [];
  const defs = new Map<string, string>();
  const refUses: { label: string; line: number; image: boolean }[] = [];
  let fence: Fence | null = null;
  let inRaw = false;
  let inComment = false;
  let inHtmlComment = false;

  let start = 0;
  let lineNo = firstLine;
  while (start <= body.length) {
    let end = body.indexOf('\n', start);
    if (end < 0) end = body.length;
    const line = body.slice(start, end > start && body.charCodeAt(end - 1) === 13 ? end - 1 : end);
    // `{% raw %}` renders to nothing, so "{% raw %}```" opens a fence once Liquid has run.
    const fenceText = line.includes('{%') ? line.replace(RAW_TAG, '') : line;
    let indent = 0;
    while (fenceText.charCodeAt(indent) === 32 || fenceText.charCodeAt(indent) === 9) indent++;
    const lead = fenceText[indent];
    const maybeFence = lead === '`' || lead === '~';

    // Liquid on this line: which parts are live (outside raw/comment) and which tags it has.
    const live: LiveLiquid = line.includes('{') ? liveLiquid(line, { inRaw, inComment }) : NO_LIQUID;
    if (live !== NO_LIQUID) {
      inRaw = live.inRaw;
      inComment = live.inComment;
    }

    if (fence) {
      let closes: boolean;
      let liquid: TagHit[];
      if (fence.highlight) {
        const endHl = live.tags.find((t) => t.name === 'endhighlight');
        closes = !!endHl;
        liquid = live.liquid.filter((t) => t.name !== 'endhighlight' && (!endHl || t.index < endHl.index));
      } else {
        const close = maybeFence ? FENCE.exec(fenceText) : null;
        closes = !!close && close[2][0] === fence.char && close[2].length >= fence.length && close[3].trim() === '';
        liquid = closes ? [] : live.liquid;
      }
      if (liquid.length && !fence.reported) {
        fence.reported = true;
        liquidInCode.push({ line: lineNo, blockLine: fence.line, sample: shorten(liquid[0].text) });
      }
      for (const t of live.tags) addTagLink(t, lineNo, links);
      if (closes) fence = null;
    } else {
      const open = maybeFence ? FENCE.exec(fenceText) : null;
      if (open && !(open[2][0] === '`' && open[3].includes('`'))) {
        fence = { char: open[2][0], length: open[2].length, line: lineNo, reported: false, highlight: false };
      } else {
        for (const t of live.tags) addTagLink(t, lineNo, links);
        const hl = live.tags.find((t) => t.name === 'highlight');
        if (hl) {
          const endHl = live.tags.find((t) => t.name === 'endhighlight' && t.index > hl.index);
          const inner = live.liquid.filter((t) => t.index > hl.index && t.name !== 'highlight' && t.name !== 'endhighlight' && (!endHl || t.index < endHl.index));
          if (inner.length) liquidInCode.push({ line: lineNo, blockLine: lineNo, sample: shorten(inner[0].text) });
          else if (!endHl) fence = { char: '', length: 0, line: lineNo, reported: false, highlight: true };
        }
        const def = lead === '[' ? REF_DEF.exec(line) : null;
        if (def) {
          const label = def[1].trim().toLowerCase();
          if (!defs.has(label)) defs.set(label, def[2]);
        } else {
          let text = line;
          if (inHtmlComment || text.includes('<!--')) {
            const visible = withoutHtmlComments(text, inHtmlComment);
            text = visible.text;
            inHtmlComment = visible.inComment;
          }
          if (text && (text.includes(']') || text.includes('<'))) scanMarkup(withoutCodeSpans(text), lineNo, images, links, refUses);
        }
      }
    }
    start = end + 1;
    lineNo++;
  }
  for (const use of refUses) {
    const url = defs.get(use.label);
    if (url === undefined) continue;
    if (use.image) images.push({ ref: url, line: use.line });
    else if (isSiteRelative(url)) links.push({ kind: 'url', target: url, line: use.line });
  }
  images.sort((a, b) => a.line - b.line);
  links.sort((a, b) => a.line - b.line);
  return { images, links, liquidInCode };
}

/** Image-like string values of the front matter, each with the line of its top-level key. */
export function frontMatterImages(frontMatter: Record<string, unknown> | null, keyLines: Record<string, number>): ImageRef[] {
  const out: ImageRef[] = [];
  if (!frontMatter) return out;
  const walk = (value: unknown, field: string): void => {
    if (typeof value === 'string') {
      const clean = value.trim().split(/[?#]/)[0];
      if (IMAGE_EXT.test(clean)) out.push({ ref: value.trim(), line: keyLines[field] ?? 0, field });
    } else if (Array.isArray(value)) for (const v of value) walk(v, field);
    else if (value && typeof value === 'object') for (const v of Object.values(value)) walk(v, field);
  };
  for (const [key, value] of Object.entries(frontMatter)) walk(value, key);
  return out;
}

/** A line without `{`: no Liquid, and the raw/comment state unchanged. */
const NO_LIQUID: LiveLiquid = { tags: [], liquid: [], inRaw: false, inComment: false };

interface LiveLiquid {
  tags: TagHit[];
  liquid: TagHit[];
  inRaw: boolean;
  inComment: boolean;
}

interface TagHit {
  name: string;
  args: string;
  index: number;
  text: string;
}

/** The Liquid of a line outside `{% raw %}` and `{% comment %}`, and the state after it. */
function liveLiquid(line: string, state: { inRaw: boolean; inComment: boolean }): LiveLiquid {
  let { inRaw, inComment } = state;
  const tags: TagHit[] = [];
  const liquid: TagHit[] = [];
  if (!line.includes('{')) return { tags, liquid, inRaw, inComment };
  let pos = 0;
  LIQUID_TAG.lastIndex = 0;
  for (let m = LIQUID_TAG.exec(line); m; m = LIQUID_TAG.exec(line)) {
    const name = m[1].toLowerCase();
    if (inRaw) {
      if (name === 'endraw') inRaw = false;
      pos = m.index + m[0].length;
      continue;
    }
    if (inComment) {
      if (name === 'endcomment') inComment = false;
      pos = m.index + m[0].length;
      continue;
    }
    outputs(line, pos, m.index, liquid);
    if (name === 'raw') inRaw = true;
    else if (name === 'comment') inComment = true;
    else {
      const hit = { name, args: m[2].replace(/-$/, '').trim(), index: m.index, text: m[0] };
      tags.push(hit);
      liquid.push(hit);
    }
    pos = m.index + m[0].length;
  }
  if (!inRaw && !inComment) outputs(line, pos, line.length, liquid);
  liquid.sort((a, b) => a.index - b.index);
  return { tags, liquid, inRaw, inComment };
}

/** `{{ … }}` outputs between two offsets of a line. */
function outputs(line: string, from: number, to: number, out: TagHit[]): void {
  let i = line.indexOf('{{', from);
  while (i >= 0 && i < to) {
    const close = line.indexOf('}}', i + 2);
    const end = close < 0 ? to : Math.min(close + 2, to);
    out.push({ name: '', args: '', index: i, text: line.slice(i, end) });
    i = line.indexOf('{{', end);
  }
}

function addTagLink(tag: TagHit, line: number, links: LinkRef[]): void {
  if ((tag.name === 'post_url' || tag.name === 'link') && tag.args && !tag.args.includes('{{')) links.push({ kind: tag.name, target: tag.args, line });
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/** The line with `<!-- … -->` parts blanked, and whether a comment is still open after it. */
function withoutHtmlComments(line: string, inComment: boolean): { text: string; inComment: boolean } {
  if (!inComment && !line.includes('<!--')) return { text: line, inComment };
  let out = '';
  let i = 0;
  while (i < line.length) {
    if (inComment) {
      const close = line.indexOf('-->', i);
      if (close < 0) return { text: out, inComment: true };
      i = close + 3;
      inComment = false;
    } else {
      const open = line.indexOf('<!--', i);
      if (open < 0) {
        out += line.slice(i);
        break;
      }
      out += line.slice(i, open);
      i = open + 4;
      inComment = true;
    }
  }
  return { text: out, inComment };
}

/** The line with inline code spans (`` `…` ``, ``` ``…`` ```) blanked, so code is not read as links. */
function withoutCodeSpans(line: string): string {
  if (!line.includes('`')) return line;
  let out = '';
  let i = 0;
  while (i < line.length) {
    const tick = line.indexOf('`', i);
    if (tick < 0) {
      out += line.slice(i);
      break;
    }
    let run = tick;
    while (line[run] === '`') run++;
    const ticks = line.slice(tick, run);
    let close = line.indexOf(ticks, run);
    while (close >= 0 && line[close + ticks.length] === '`') {
      let next = close;
      while (line[next] === '`') next++;
      close = line.indexOf(ticks, next);
    }
    if (close < 0) {
      out += line.slice(i, run);
      i = run;
      continue;
    }
    out += line.slice(i, tick) + ' '.repeat(close + ticks.length - tick);
    i = close + ticks.length;
  }
  return out;
}

/** Markdown images/links (`![a](u)`, `[a](u)`, `![a][r]`) and HTML `<img src>`/`<a href>` of one line. */
function scanMarkup(line: string, lineNo: number, images: ImageRef[], links: LinkRef[], refUses: { label: string; line: number; image: boolean }[]): void {
  const stack: number[] = [];
  // Every `[` and `]` in order, from two indexOf cursors (no match objects to collect).
  let openAt = line.indexOf('[');
  let closeAt = line.indexOf(']');
  while (closeAt >= 0) {
    if (openAt >= 0 && openAt < closeAt) {
      if (openAt === 0 || line[openAt - 1] !== '\\') stack.push(openAt);
      openAt = line.indexOf('[', openAt + 1);
      continue;
    }
    const i = closeAt;
    closeAt = line.indexOf(']', closeAt + 1);
    if (i > 0 && line[i - 1] === '\\') continue;
    const open = stack.pop();
    if (open !== undefined) {
      const image = open > 0 && line[open - 1] === '!';
      const next = line[i + 1];
      if (next === '(') {
        const dest = destination(line, i + 2);
        if (dest.url) {
          if (image) images.push({ ref: dest.url, line: lineNo });
          else if (isSiteRelative(dest.url)) links.push({ kind: 'url', target: dest.url, line: lineNo });
        }
      } else if (next === '[') {
        const close = line.indexOf(']', i + 2);
        if (close > i + 1) refUses.push({ label: line.slice(i + 2, close).trim().toLowerCase(), line: lineNo, image });
        else if (close === i + 2 && image) refUses.push({ label: line.slice(open + 1, i).trim().toLowerCase(), line: lineNo, image });
      } else if (image) {
        refUses.push({ label: line.slice(open + 1, i).trim().toLowerCase(), line: lineNo, image });
      }
    }
  }
  if (!HTML_START.test(line)) return;
  // Each tag is read up to its `>` alone, so a line of unclosed tags stays linear.
  HTML_START_G.lastIndex = 0;
  for (let m = HTML_START_G.exec(line); m; m = HTML_START_G.exec(line)) {
    const close = line.indexOf('>', m.index);
    if (close < 0) break;
    const attr = HTML_ATTR.exec(line.slice(m.index, close));
    HTML_START_G.lastIndex = close;
    const url = (attr?.[2] ?? attr?.[3] ?? '').trim();
    if (!attr || !url) continue;
    const tag = m[1].toLowerCase();
    const name = attr[1].toLowerCase();
    if (tag === 'img' && name === 'src') images.push({ ref: url, line: lineNo });
    else if (tag === 'a' && name === 'href' && isSiteRelative(url)) links.push({ kind: 'url', target: url, line: lineNo });
  }
}

/** A Markdown link destination starting at `from` (after `(`): `<…>`, or up to a space or the closing `)`, Liquid kept whole. */
function destination(line: string, from: number): { url: string } {
  let i = from;
  while (line[i] === ' ' || line[i] === '\t') i++;
  if (line[i] === '<') {
    const close = line.indexOf('>', i + 1);
    return { url: close < 0 ? '' : line.slice(i + 1, close).trim() };
  }
  let depth = 0;
  const begin = i;
  const limit = Math.min(line.length, begin + 500);
  while (i < limit) {
    const c = line[i];
    if (c === '{' && (line[i + 1] === '{' || line[i + 1] === '%')) {
      const close = line.indexOf(line[i + 1] === '{' ? '}}' : '%}', i + 2);
      if (close < 0) return { url: '' };
      i = close + 2;
      continue;
    }
    if (c === ' ' || c === '\t') break;
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) break;
      depth--;
    }
    i++;
  }
  return { url: line.slice(begin, i) };
}

/** A URL on this site written from its root: `/x`, `{{ site.baseurl }}/x`, `{{ '/x' | relative_url }}`. */
export function isSiteRelative(url: string): boolean {
  const u = url.trim();
  if (u.startsWith('//')) return false;
  if (u.startsWith('/')) return true;
  return /^\{\{-?\s*(?:site\.baseurl|['"]\/[^'"]*['"]\s*\|\s*relative_url)/.test(u);
}

/** The 1-based line of `offset` in `text`. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
