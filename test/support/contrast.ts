/**
 * WCAG 2 contrast maths for colours as the browser reports them (`rgb()`, `rgba()`, `color(srgb …)`,
 * `#hex`), with alpha composited over what lies beneath, so tests can judge computed styles and
 * screenshot pixels alike.
 */

/** A colour in sRGB, channels 0–255, alpha 0–1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** WCAG AA thresholds: body text, and large text or UI/markup. */
export const AA_TEXT = 4.5;
export const AA_MARKUP = 3;

/** Reads a computed CSS colour; null for what is not a plain sRGB colour (gradients, `none`). */
export function parseColor(css: string): Rgba | null {
  const text = css.trim().toLowerCase();
  if (text === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  const hex = /^#([0-9a-f]{3,8})$/.exec(text);
  if (hex) {
    let h = hex[1];
    if (h.length === 3 || h.length === 4) h = [...h].map((c) => c + c).join('');
    const n = (i: number) => parseInt(h.slice(i, i + 2), 16);
    return { r: n(0), g: n(2), b: n(4), a: h.length === 8 ? n(6) / 255 : 1 };
  }
  const rgb = /^rgba?\(([^)]+)\)$/.exec(text);
  if (rgb) {
    const parts = rgb[1].split(/[\s,/]+/).filter(Boolean).map((p) => (p.endsWith('%') ? (parseFloat(p) / 100) * 255 : parseFloat(p)));
    const [r, g, b] = parts;
    const a = parts.length > 3 ? (rgb[1].split(/[\s,/]+/).filter(Boolean)[3].endsWith('%') ? parts[3] / 255 : parts[3]) : 1;
    return { r, g, b, a };
  }
  const srgb = /^color\(srgb\s+([^)]+)\)$/.exec(text);
  if (srgb) {
    const parts = srgb[1].split(/[\s/]+/).filter(Boolean).map(parseFloat);
    return { r: parts[0] * 255, g: parts[1] * 255, b: parts[2] * 255, a: parts.length > 3 ? parts[3] : 1 };
  }
  return null;
}

/** `top` painted over `bottom` (source-over); the result is opaque when `bottom` is. */
export function composite(top: Rgba, bottom: Rgba): Rgba {
  const a = top.a + bottom.a * (1 - top.a);
  if (a === 0) return { r: 0, g: 0, b: 0, a: 0 };
  const mix = (t: number, b: number) => (t * top.a + b * bottom.a * (1 - top.a)) / a;
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a };
}

/** Composites a stack of backgrounds listed from the element outwards, over white when none is opaque. */
export function effectiveBackground(layers: Rgba[], base: Rgba = { r: 255, g: 255, b: 255, a: 1 }): Rgba {
  let result = base;
  for (const layer of [...layers].reverse()) result = composite(layer, result);
  return result;
}

/** Relative luminance (WCAG 2.x). */
export function luminance({ r, g, b }: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Contrast ratio of a foreground (composited over the background when translucent) and an opaque background. */
export function contrastRatio(fg: Rgba, bg: Rgba): number {
  const solid = fg.a < 1 ? composite(fg, bg) : fg;
  const [hi, lo] = [luminance(solid), luminance(bg)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Contrast of two CSS colour strings (the background must be opaque or is taken over white). */
export function contrastOf(fg: string, bg: string): number {
  const f = parseColor(fg);
  const b = parseColor(bg);
  if (!f || !b) throw new Error(`not a colour: ${!f ? fg : bg}`);
  return contrastRatio(f, effectiveBackground([b]));
}

/** Ratio to two decimals, rounded down so a printed 4.50 is never really 4.497. */
export function formatRatio(ratio: number): string {
  return (Math.floor(ratio * 100) / 100).toFixed(2);
}
