/**
 * The one command table: shortcuts match key presses the way a person types them on each
 * platform, read the way people write them, and no two commands share a key.
 */
import { describe, expect, it } from 'vitest';
import { COMMANDS, commandForPress, keysOf, shortcutLabel, type KeyPress } from '../../../shared/commands';
import { isValidAccelerator } from '../../support/electron-standin/menu';

const press = (key: string, mods: Partial<KeyPress> = {}, code = `Key${key.toUpperCase()}`): KeyPress => ({ key, code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('command table', () => {
  it.each([
    // press, mac, command
    [press('n', { ctrlKey: true }), false, 'new-post'],
    [press('n', { metaKey: true }), true, 'new-post'],
    [press('n', { ctrlKey: true }), true, null],
    [press('n', { altKey: true }), false, 'new-post'],
    [press('Dead', { altKey: true }, 'KeyN'), true, null], // Option+N on a Mac starts ñ: text, not a shortcut
    [press('n', { ctrlKey: true, altKey: true }), true, 'new-post'],
    [press('µ', { ctrlKey: true, altKey: true }, 'KeyM'), false, null], // AltGr+M on a German keyboard
    [press('m', { ctrlKey: true, altKey: true }), false, 'toggle-details'],
    [press('Enter', { ctrlKey: true, shiftKey: true }, 'Enter'), false, 'focus-mode'],
    [press('Enter', { ctrlKey: true }, 'Enter'), false, null],
    [press('p', { ctrlKey: true }), false, 'quick-open'],
    [press('P', { ctrlKey: true, shiftKey: true }), false, 'command-palette'],
    [press('p', { ctrlKey: true, altKey: true }), false, 'toggle-preview'],
    [press('F', { ctrlKey: true, shiftKey: true }), false, 'search-posts'],
    [press('s', { ctrlKey: true }), false, 'save'],
    [press('S', { ctrlKey: true, shiftKey: true }), false, null],
    [press('з', { ctrlKey: true }, 'KeyP'), false, 'quick-open'], // a Russian layout
    [press('=', { ctrlKey: true }, 'Equal'), false, 'zoom-in'],
    [press('+', { ctrlKey: true, shiftKey: true }, 'Equal'), false, 'zoom-in'],
    [press('-', { ctrlKey: true }, 'Minus'), false, 'zoom-out'],
    [press('0', { ctrlKey: true }, 'Digit0'), false, 'zoom-reset'],
    [press('p'), false, null],
  ])('%j on mac=%s runs %s', (p, mac, id) => {
    expect(commandForPress(p, mac)?.id ?? null).toBe(id);
  });

  it.each([
    ['CmdOrCtrl+Shift+P', false, 'Ctrl+Shift+P'],
    ['CmdOrCtrl+Shift+P', true, '⇧⌘P'],
    ['Alt+N', false, 'Alt+N'],
    ['Alt+N', true, '⌥N'],
    ['CmdOrCtrl+=', false, 'Ctrl+='],
    ['CmdOrCtrl+Plus', false, 'Ctrl++'],
  ])('%s is written %j (mac=%s)', (accel, mac, label) => expect(shortcutLabel(accel, mac)).toBe(label));

  it('has unique ids and keys, each a valid Electron accelerator', () => {
    expect(new Set(COMMANDS.map((c) => c.id)).size).toBe(COMMANDS.length);
    const keys = COMMANDS.flatMap((c) => keysOf(c, false));
    const macKeys = COMMANDS.flatMap((c) => keysOf(c, true));
    expect(new Set(macKeys).size).toBe(macKeys.length);
    for (const k of macKeys) expect(isValidAccelerator(k), k).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(isValidAccelerator(k), k).toBe(true);
  });
});
