/**
 * Styles inside the preview frame in "Plain": a readable article, light and dark following the OS.
 */
export const PREVIEW_CSS = `
:root { color-scheme: light dark; }
body { margin: 0; padding: 1.5rem 2rem 4rem; font: 17px/1.65 Georgia, 'Iowan Old Style', serif; color: #1f2328; background: #fff; }
@media (prefers-color-scheme: dark) { body { color: #e6e6e6; background: #16181c; } a { color: #8ab4f8; } code, pre { background: #23262d !important; } }
#content { max-width: 44rem; margin: 0 auto; }
.pw-section { content-visibility: auto; contain-intrinsic-size: auto 40rem; }
img { max-width: 100%; height: auto; }
.banner { display: block; width: 100%; max-height: 18rem; object-fit: cover; border-radius: 6px; margin: 0 auto 1rem; }
#banner:empty { display: none; }
pre, code { font: 14px/1.5 ui-monospace, Menlo, Consolas, monospace; background: #f4f4f5; }
pre { padding: .75rem 1rem; overflow-x: auto; border-radius: 4px; }
table { border-collapse: collapse; } th, td { border: 1px solid #8884; padding: .3rem .6rem; }
blockquote { margin-left: 0; padding-left: 1rem; border-left: 3px solid #8886; color: #666; }
.pw-unknown-tag, .pw-missing { font: 13px ui-monospace, monospace; background: #eef; color: #335; padding: 0 .25rem; border-radius: 3px; }
.footnotes { font-size: .9em; }
`;
