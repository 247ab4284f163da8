/**
 * The editor's look in light and dark: one CodeMirror theme and one highlight style whose colours
 * are the design tokens (`--cm-*` in theme/tokens.css), so the system setting or `data-theme`
 * switches both at once. Markdown markup gets fixed class names (`pw-md-*`) so the contrast test can
 * tell text from markup; CodeMirror's default highlight colours fail AA on dark backgrounds.
 */
import { EditorView } from '@codemirror/view';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';
import type { Extension } from '@codemirror/state';

/** Selectors are prefixed with `.cm-editor` next to the theme's own class so they win over CodeMirror's light/dark base theme. */
const E = '&.cm-editor';

export const editorTheme = EditorView.theme({
  '&': { height: '100%', fontSize: '15px', color: 'var(--cm-fg)', backgroundColor: 'var(--cm-bg)' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.6' },
  '.cm-content': { padding: '12px 0', maxWidth: '52rem', caretColor: 'var(--cm-cursor)' },
  [`${E} .cm-cursor, ${E} .cm-dropCursor`]: { borderLeftColor: 'var(--cm-cursor)', borderLeftWidth: '2px' },
  [`${E} .cm-activeLine`]: { backgroundColor: 'var(--cm-active-line)' },
  [`${E} .cm-selectionBackground, ${E}.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, ${E} .cm-content ::selection`]: {
    backgroundColor: 'var(--cm-selection)',
  },
  [`${E} .cm-selectionMatch`]: { backgroundColor: 'var(--cm-selection-match)' },
  [`${E} .cm-searchMatch`]: { backgroundColor: 'var(--cm-search-match)', outline: '1px solid var(--color-warning)' },
  [`${E} .cm-searchMatch.cm-searchMatch-selected`]: { backgroundColor: 'var(--cm-selection)', outline: '2px solid var(--color-focus)' },
  [`${E}.cm-focused .cm-matchingBracket`]: { backgroundColor: 'var(--cm-selection-match)', outline: '1px solid var(--cm-mark)' },
  [`${E}.cm-focused .cm-nonmatchingBracket`]: { color: 'var(--cm-invalid)' },
  [`${E} .cm-placeholder`]: { color: 'var(--color-fg-subtle)' },
  [`${E} .cm-gutters`]: { backgroundColor: 'var(--cm-bg)', color: 'var(--cm-gutter)', borderRight: '1px solid var(--color-border)' },
  [`${E} .cm-panels`]: { backgroundColor: 'var(--color-surface)', color: 'var(--color-fg)' },
  [`${E} .cm-panels.cm-panels-top`]: { borderBottom: '1px solid var(--color-border)' },
  [`${E} .cm-panels.cm-panels-bottom`]: { borderTop: '1px solid var(--color-border)' },
  [`${E} .cm-panel.cm-search`]: { padding: '6px 28px 6px 10px', fontSize: '13px' },
  [`${E} .cm-panel.cm-search label`]: { fontSize: '13px' },
  [`${E} .cm-textfield`]: {
    backgroundColor: 'var(--color-bg)',
    color: 'var(--color-fg)',
    border: '1px solid var(--color-border-input)',
    borderRadius: 'var(--radius-sm)',
    padding: '2px 6px',
  },
  [`${E} .cm-button`]: {
    backgroundImage: 'none',
    backgroundColor: 'var(--color-surface-raised)',
    color: 'var(--color-fg)',
    border: '1px solid var(--color-border-strong)',
    borderRadius: 'var(--radius-sm)',
    padding: '2px 8px',
  },
  [`${E} .cm-panel button[name=close]`]: { color: 'var(--color-fg-muted)', fontSize: '18px' },
  [`${E} .cm-tooltip`]: { backgroundColor: 'var(--color-surface-raised)', color: 'var(--color-fg)', border: '1px solid var(--color-border)' },
});

/** Markdown (and fenced code) tags: markup in `--cm-mark` (3:1), text colours at 4.5:1, on page, active line and selection. */
export const markdownHighlight = HighlightStyle.define([
  { tag: t.heading, class: 'pw-md-heading' },
  { tag: t.heading1, class: 'pw-md-heading pw-md-h1' },
  { tag: t.heading2, class: 'pw-md-heading pw-md-h2' },
  { tag: t.emphasis, class: 'pw-md-emphasis' },
  { tag: t.strong, class: 'pw-md-strong' },
  { tag: t.strikethrough, class: 'pw-md-strike' },
  { tag: t.link, class: 'pw-md-link' },
  { tag: t.url, class: 'pw-md-url' },
  { tag: t.monospace, class: 'pw-md-code' },
  { tag: t.quote, class: 'pw-md-quote' },
  { tag: [t.processingInstruction, t.contentSeparator, t.escape, t.character], class: 'pw-md-mark' },
  { tag: [t.labelName, t.meta], class: 'pw-md-meta' },
  { tag: t.comment, class: 'pw-md-comment' },
  { tag: [t.keyword, t.operatorKeyword, t.modifier], class: 'pw-code-keyword' },
  { tag: [t.string, t.regexp, t.special(t.string), t.inserted], class: 'pw-code-string' },
  { tag: [t.number, t.bool, t.atom, t.null], class: 'pw-code-number' },
  { tag: [t.typeName, t.className, t.namespace, t.tagName, t.attributeName], class: 'pw-code-type' },
  { tag: [t.definition(t.variableName), t.function(t.variableName), t.definition(t.propertyName)], class: 'pw-code-def' },
  { tag: [t.invalid, t.deleted], class: 'pw-code-invalid' },
]);

/** Colours of the classes above; kept with the theme so they share its scope and precedence. */
const highlightColours = EditorView.theme({
  '.pw-md-heading': { color: 'var(--cm-heading)', fontWeight: '700' },
  '.pw-md-h1': { fontSize: '1.3em' },
  '.pw-md-h2': { fontSize: '1.15em' },
  '.pw-md-emphasis': { fontStyle: 'italic', color: 'var(--cm-emphasis)' },
  '.pw-md-strong': { fontWeight: '700', color: 'var(--cm-emphasis)' },
  '.pw-md-strike': { textDecoration: 'line-through' },
  '.pw-md-link': { color: 'var(--cm-link)' },
  '.pw-md-url': { color: 'var(--cm-url)', textDecoration: 'underline', textDecorationColor: 'var(--cm-mark)' },
  '.pw-md-code': { color: 'var(--cm-code)' },
  '.pw-md-quote': { color: 'var(--cm-quote)', fontStyle: 'italic' },
  // Markup after the text classes: a `#` inside a heading or a `*` inside emphasis is markup-coloured.
  '.pw-md-mark': { color: 'var(--cm-mark)', fontWeight: '400', fontStyle: 'normal' },
  '.pw-md-meta': { color: 'var(--cm-meta)' },
  '.pw-md-comment': { color: 'var(--cm-comment)', fontStyle: 'italic' },
  '.pw-code-keyword': { color: 'var(--cm-keyword)' },
  '.pw-code-string': { color: 'var(--cm-string)' },
  '.pw-code-number': { color: 'var(--cm-number)' },
  '.pw-code-type': { color: 'var(--cm-meta)' },
  '.pw-code-def': { color: 'var(--cm-link)' },
  '.pw-code-invalid': { color: 'var(--cm-invalid)' },
});

/** Everything the editor needs for its look: add once to the editor's extensions. */
export const editorLook: Extension = [editorTheme, highlightColours, syntaxHighlighting(markdownHighlight)];
