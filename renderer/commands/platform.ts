/**
 * Whether the page runs on a Mac, where CmdOrCtrl means ⌘ and shortcuts are written ⇧⌘P.
 */
export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
