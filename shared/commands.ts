/**
 * Every named action of the app with its shortcut: one table read by the native menu (main
 * process), the page's keyboard handler (both modes) and the command palette, so a shortcut
 * is the same everywhere. Pure data plus key matching, so main and renderer can both import it.
 *
 * Shortcuts use Electron's accelerator syntax (`CmdOrCtrl+Shift+P`).
 */

export type CommandId =
  | 'new-post'
  | 'new-draft'
  | 'open-site'
  | 'save'
  | 'quick-open'
  | 'search-posts'
  | 'find'
  | 'command-palette'
  | 'toggle-preview'
  | 'toggle-problems'
  | 'toggle-sidebar'
  | 'toggle-details'
  | 'focus-mode'
  | 'show-editor'
  | 'show-tags'
  | 'show-images'
  | 'zoom-in'
  | 'zoom-out'
  | 'zoom-reset';

export type MenuName = 'File' | 'Edit' | 'View';

export interface CommandSpec {
  id: CommandId;
  label: string;
  /** The native menu it sits in (in table order); null for palette-only actions. */
  menu: MenuName | null;
  /** The shortcut shown in the menu and palette, in accelerator syntax. */
  keys?: string;
  /**
   * Further keys the page accepts for the same action. Browsers keep some shortcuts for
   * themselves in a normal window (Ctrl+N opens a window before the page sees it), so these
   * give web mode a key that always arrives; the desktop accepts them too, so both agree.
   */
  alsoKeys?: string[];
  /** `alsoKeys` on a Mac, where Option+letter types characters (Option+N starts ñ). */
  macAlsoKeys?: string[];
  /** Words the palette matches besides the label. */
  keywords?: string;
}

export const COMMANDS: readonly CommandSpec[] = [
  { id: 'new-post', label: 'New Post', menu: 'File', keys: 'CmdOrCtrl+N', alsoKeys: ['Alt+N'], macAlsoKeys: ['Ctrl+Alt+N'], keywords: 'create write' },
  { id: 'new-draft', label: 'New Draft', menu: 'File', keywords: 'create write' },
  { id: 'open-site', label: 'Open Site…', menu: 'File', keys: 'CmdOrCtrl+O', keywords: 'folder blog' },
  { id: 'save', label: 'Save', menu: 'File', keys: 'CmdOrCtrl+S' },
  { id: 'quick-open', label: 'Quick Open…', menu: 'File', keys: 'CmdOrCtrl+P', keywords: 'go to post file' },
  { id: 'find', label: 'Find and Replace…', menu: 'Edit', keys: 'CmdOrCtrl+F', keywords: 'search replace' },
  { id: 'search-posts', label: 'Search in Posts…', menu: 'Edit', keys: 'CmdOrCtrl+Shift+F', keywords: 'full text find' },
  { id: 'command-palette', label: 'Command Palette…', menu: 'View', keys: 'CmdOrCtrl+Shift+P', keywords: 'actions shortcuts' },
  { id: 'show-editor', label: 'Show Editor', menu: 'View', keywords: 'view write' },
  { id: 'show-tags', label: 'Show Tags & Categories', menu: 'View', keywords: 'view taxonomy' },
  { id: 'show-images', label: 'Show Images', menu: 'View', keywords: 'view gallery' },
  { id: 'toggle-preview', label: 'Toggle Preview', menu: 'View', keys: 'CmdOrCtrl+Alt+P', keywords: 'hide show' },
  { id: 'toggle-problems', label: 'Toggle Problems', menu: 'View', keywords: 'check errors' },
  { id: 'toggle-sidebar', label: 'Toggle Post List', menu: 'View', keys: 'CmdOrCtrl+Alt+B', keywords: 'hide show sidebar posts pane' },
  { id: 'toggle-details', label: 'Toggle Front Matter', menu: 'View', keys: 'CmdOrCtrl+Alt+M', keywords: 'hide show metadata fields details pane' },
  { id: 'focus-mode', label: 'Focus Mode', menu: 'View', keys: 'CmdOrCtrl+Shift+Enter', keywords: 'zen distraction free writing only text' },
  { id: 'zoom-in', label: 'Zoom In', menu: 'View', keys: 'CmdOrCtrl+=', alsoKeys: ['CmdOrCtrl+Plus'] },
  { id: 'zoom-out', label: 'Zoom Out', menu: 'View', keys: 'CmdOrCtrl+-' },
  { id: 'zoom-reset', label: 'Actual Size', menu: 'View', keys: 'CmdOrCtrl+0' },
];

const BY_ID = new Map(COMMANDS.map((c) => [c.id, c]));

export function commandSpec(id: CommandId): CommandSpec {
  const spec = BY_ID.get(id);
  if (!spec) throw new Error(`unknown command ${id}`);
  return spec;
}

export function isCommandId(value: unknown): value is CommandId {
  return typeof value === 'string' && BY_ID.has(value as CommandId);
}

/** The parts of a keyboard event a shortcut depends on (a DOM KeyboardEvent has them all). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

interface Parsed {
  ctrl: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
  key: string;
}

const NAMED: Record<string, string> = { plus: '+', space: ' ', esc: 'escape', return: 'enter' };

function parse(accelerator: string, mac: boolean): Parsed {
  const parts = accelerator.split('+');
  let key = parts.pop()!;
  if (key === '' && parts.at(-1) === '') {
    parts.pop();
    key = '+';
  }
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  const mod = mods.has('cmdorctrl') || mods.has('commandorcontrol');
  return {
    ctrl: mods.has('ctrl') || mods.has('control') || (mod && !mac),
    meta: mods.has('cmd') || mods.has('command') || mods.has('super') || mods.has('meta') || (mod && mac),
    alt: mods.has('alt') || mods.has('option'),
    shift: mods.has('shift'),
    key: NAMED[key.toLowerCase()] ?? key.toLowerCase(),
  };
}

/**
 * The key a press stands for: the character, or the physical key when the layout is not Latin
 * (Ctrl+З on a Russian keyboard is Ctrl+P). A character typed with Alt (AltGr+M is µ, Option+N
 * starts ñ) is text, not a shortcut.
 */
function pressedKey(press: KeyPress): string {
  const key = press.key.toLowerCase();
  if (/^[a-z0-9]$/.test(key) || !/^(Key[A-Z]|Digit[0-9])$/.test(press.code)) return key;
  if (press.altKey && (key.length === 1 || key === 'dead')) return key;
  return press.code.slice(-1).toLowerCase();
}

/** Every key that runs a command on this platform, the shown one first. */
export function keysOf(spec: CommandSpec, mac: boolean): string[] {
  return [spec.keys, ...((mac ? (spec.macAlsoKeys ?? spec.alsoKeys) : spec.alsoKeys) ?? [])].filter((k): k is string => !!k);
}

/** True when `press` is `accelerator`. Letters and digits need the exact modifiers; for punctuation Shift is part of the character. */
export function matchesShortcut(press: KeyPress, accelerator: string, mac: boolean): boolean {
  const want = parse(accelerator, mac);
  if (press.ctrlKey !== want.ctrl || press.metaKey !== want.meta || press.altKey !== want.alt) return false;
  const key = pressedKey(press);
  if (key !== want.key) return false;
  return /^[a-z0-9]$/.test(key) ? press.shiftKey === want.shift : !want.shift || press.shiftKey;
}

/** The command a key press runs, if any. */
export function commandForPress(press: KeyPress, mac: boolean): CommandSpec | null {
  for (const spec of COMMANDS) {
    for (const keys of keysOf(spec, mac)) if (matchesShortcut(press, keys, mac)) return spec;
  }
  return null;
}

/** How a shortcut is written for people: `Ctrl+Shift+P`, or `⇧⌘P` on a Mac. */
export function shortcutLabel(accelerator: string, mac: boolean): string {
  const p = parse(accelerator, mac);
  const key = p.key === ' ' ? 'Space' : p.key.length === 1 ? p.key.toUpperCase() : p.key[0].toUpperCase() + p.key.slice(1);
  if (mac) return `${p.ctrl ? '⌃' : ''}${p.alt ? '⌥' : ''}${p.shift ? '⇧' : ''}${p.meta ? '⌘' : ''}${key}`;
  return [p.ctrl && 'Ctrl', p.meta && 'Super', p.alt && 'Alt', p.shift && 'Shift', key].filter(Boolean).join('+');
}
