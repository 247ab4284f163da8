/**
 * A command's shortcut as people write it on this platform (Ctrl+S, ⌘S), for tooltips and menus.
 */
import { COMMANDS, shortcutLabel, type CommandId } from '../../shared/commands';
import { IS_MAC } from '../commands/platform';

export function shortcutOf(id: CommandId): string | undefined {
  const keys = COMMANDS.find((c) => c.id === id)?.keys;
  return keys ? shortcutLabel(keys, IS_MAC) : undefined;
}
