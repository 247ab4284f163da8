/**
 * The stand-in `Menu` (https://www.electronjs.org/docs/latest/api/menu): builds from a template,
 * checks roles and accelerators (https://www.electronjs.org/docs/latest/api/accelerator), and lets a
 * test find an item by its labels and click it.
 */
import { ElectronRuleError } from './standin-event';

const ROLES = new Set(
  'undo redo cut copy paste pasteAndMatchStyle delete selectAll reload forceReload toggleDevTools resetZoom zoomIn zoomOut toggleSpellChecker togglefullscreen window minimize close help about services hide hideOthers unhide quit startSpeaking stopSpeaking zoom front appMenu fileMenu editMenu viewMenu shareMenu recentDocuments toggleTabBar selectNextTab selectPreviousTab showAllTabs mergeAllWindows clearRecentDocuments moveTabToNewWindow windowMenu'
    .split(' ')
    .map((r) => r.toLowerCase()),
);
const MODIFIERS = new Set(['command', 'cmd', 'control', 'ctrl', 'commandorcontrol', 'cmdorctrl', 'alt', 'option', 'altgr', 'shift', 'super', 'meta']);
const KEYS = /^([0-9A-Za-z]|F([1-9]|1[0-9]|2[0-4])|[)!@#$%^&*(:;:+=<,_\->.?/~`{\]\[|\\}"']|Plus|Space|Tab|Capslock|Numlock|Scrolllock|Backspace|Delete|Insert|Return|Enter|Up|Down|Left|Right|Home|End|PageUp|PageDown|Escape|Esc|VolumeUp|VolumeDown|VolumeMute|MediaNextTrack|MediaPreviousTrack|MediaStop|MediaPlayPause|PrintScreen|num[0-9]|numdec|numadd|numsub|nummult|numdiv)$/;

/** True for an accelerator Electron accepts: modifiers joined by `+`, then one key code. */
export function isValidAccelerator(accelerator: string): boolean {
  const parts = accelerator.split('+');
  let key = parts.pop()!;
  if (key === '' && parts.at(-1) === '') {
    parts.pop();
    key = '+';
  }
  return parts.every((p) => MODIFIERS.has(p.toLowerCase())) && KEYS.test(key);
}

export interface StandinMenuItem {
  label: string;
  role?: string;
  type: string;
  accelerator?: string;
  registerAccelerator: boolean;
  enabled: boolean;
  submenu?: StandinMenu;
  click(): void;
}

export class StandinMenu {
  constructor(readonly items: StandinMenuItem[]) {}

  static buildFromTemplate(template: Record<string, unknown>[]): StandinMenu {
    return new StandinMenu(template.map(buildItem));
  }

  /** The item under the given labels, e.g. `find('File', 'Open Site…')` (`&` mnemonics ignored). */
  find(...labels: string[]): StandinMenuItem | undefined {
    let items = this.items;
    let found: StandinMenuItem | undefined;
    for (const label of labels) {
      found = items.find((i) => i.label.replace(/&/g, '') === label);
      if (!found) return undefined;
      items = found.submenu?.items ?? [];
    }
    return found;
  }

  /** Every item with an accelerator, flattened. */
  accelerators(): { label: string; accelerator: string; registerAccelerator: boolean }[] {
    return this.items.flatMap((i) => [
      ...(i.accelerator ? [{ label: i.label, accelerator: i.accelerator, registerAccelerator: i.registerAccelerator }] : []),
      ...(i.submenu ? i.submenu.accelerators() : []),
    ]);
  }
}

function buildItem(template: Record<string, unknown>): StandinMenuItem {
  const role = template.role as string | undefined;
  if (role !== undefined && !ROLES.has(role.toLowerCase())) throw new ElectronRuleError(`unknown menu role '${role}'`, 'https://www.electronjs.org/docs/latest/api/menu-item#roles');
  const accelerator = template.accelerator as string | undefined;
  if (accelerator !== undefined && !isValidAccelerator(accelerator)) throw new ElectronRuleError(`invalid accelerator '${accelerator}'`, 'https://www.electronjs.org/docs/latest/api/accelerator');
  const sub = template.submenu;
  const submenu = sub instanceof StandinMenu ? sub : Array.isArray(sub) ? StandinMenu.buildFromTemplate(sub as Record<string, unknown>[]) : undefined;
  const click = template.click as ((...args: unknown[]) => void) | undefined;
  const item: StandinMenuItem = {
    label: String(template.label ?? role ?? ''),
    role,
    type: String(template.type ?? (submenu ? 'submenu' : 'normal')),
    accelerator,
    registerAccelerator: template.registerAccelerator !== false,
    enabled: template.enabled !== false,
    submenu,
    click: () => {
      if (item.enabled && click) click(item, undefined, {});
    },
  };
  return item;
}

export class StandinMenuModule {
  applicationMenu: StandinMenu | null = null;
  readonly setCount = { value: 0 };

  buildFromTemplate = (template: Record<string, unknown>[]) => StandinMenu.buildFromTemplate(template);

  setApplicationMenu = (menu: StandinMenu | null) => {
    this.applicationMenu = menu;
    this.setCount.value++;
  };

  getApplicationMenu = () => this.applicationMenu;
}
