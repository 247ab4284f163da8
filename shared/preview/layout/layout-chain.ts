/**
 * Jekyll's `place_in_layouts`: the post's layout, then that layout's `layout:`, and so on (a
 * repeated layout stops the chain), each rendered with `content` = what came before and
 * `layout` = the layouts' front matter merged (inner wins).
 *
 * The preview renders the chain once per front-matter change with a marker as `content`; the
 * body is spliced in where the marker lands, so a keystroke in the body never renders a layout.
 */
import type { Liquid } from 'liquidjs';
import type { PreviewLayout } from '../../api/contract';
import { deepMerge } from '../../jekyll/deep-merge';
import { renderLiquid } from '../liquid-engine';

/** Stands for the post's body in the rendered layout; plain text so sanitising keeps it. */
export const CONTENT_MARKER = 'PWBODYSLOT7f3a9c1e';

export interface LayoutChain {
  names: string[];
  /** A layout asked for but missing (Jekyll warns and stops there). */
  missing: string | null;
}

/** The layouts a page with `layout: start` goes through, innermost first. */
export function layoutChain(layouts: Record<string, PreviewLayout>, start: unknown): LayoutChain {
  const names: string[] = [];
  let name = start === undefined || start === null || start === false ? '' : String(start);
  if (name === 'none') return { names, missing: null };
  while (name) {
    const layout = layouts[name];
    if (!layout) return { names, missing: name };
    if (names.includes(name)) break;
    names.push(name);
    const next = layout.data.layout;
    name = next === undefined || next === null || next === false ? '' : String(next);
  }
  return { names, missing: null };
}

export interface RenderedLayout {
  /** The page's HTML with `CONTENT_MARKER` where the body goes; null when the post has no layout. */
  html: string | null;
  chain: string[];
  problems: string[];
}

/** Renders the chain around `content` (the marker, normally) with `scope` (`site`, `page`…). */
export async function renderLayouts(engine: Liquid, layouts: Record<string, PreviewLayout>, start: unknown, scope: Record<string, unknown>, content = CONTENT_MARKER): Promise<RenderedLayout> {
  const { names, missing } = layoutChain(layouts, start);
  const problems: string[] = [];
  if (missing) problems.push(`Layout '${missing}' does not exist in the site${Object.values(layouts).some((l) => l.origin === 'theme') ? ' or its theme' : ''}.`);
  if (!names.length) return { html: null, chain: names, problems };
  let output = content;
  let merged: Record<string, unknown> = {};
  for (const name of names) {
    const layout = layouts[name];
    merged = deepMerge(layout.data, merged);
    const result = await renderLiquid(engine, layout.body, { ...scope, content: output, layout: merged });
    for (const e of result.errors) problems.push(`Layout ${name}: ${e}`);
    output = result.output;
  }
  return { html: output, chain: names, problems };
}
