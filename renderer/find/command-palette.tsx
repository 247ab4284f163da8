/**
 * The command palette (Ctrl/Cmd+Shift+P): every action of the command table with its shortcut,
 * filtered as you type by cmdk's own matching; Enter runs it.
 */
import { Command } from 'cmdk';
import { COMMANDS, keysOf, shortcutLabel, type CommandId } from '../../shared/commands';
import { IS_MAC } from '../commands/platform';

interface Props {
  open: boolean;
  onClose(): void;
  run(id: CommandId): void;
}

export function CommandPalette({ open, onClose, run }: Props) {
  return (
    <Command.Dialog
      open={open}
      onOpenChange={(o) => !o && onClose()}
      label="Command palette"
      vimBindings={false}
      loop
      overlayClassName="find-overlay"
      contentClassName="find-dialog find-palette"
    >
      <Command.Input className="find-input" placeholder="Type a command…" />
      <Command.List className="find-list" label="Commands">
        <Command.Empty className="find-empty">No such command.</Command.Empty>
        {COMMANDS.filter((c) => c.id !== 'command-palette').map((c) => (
          <Command.Item
            key={c.id}
            value={c.label}
            keywords={c.keywords?.split(' ')}
            className="find-item find-command"
            onSelect={() => {
              onClose();
              // After the palette has closed and given focus back, so the action's own focus wins.
              setTimeout(() => run(c.id), 0);
            }}
          >
            <span className="find-title">{c.label}</span>
            {c.keys && (
              <kbd className="find-keys" aria-label={`shortcut ${shortcutLabel(c.keys, IS_MAC)}`}>
                {keysOf(c, IS_MAC)
                  .map((k) => shortcutLabel(k, IS_MAC))
                  .join('  or  ')}
              </kbd>
            )}
          </Command.Item>
        ))}
      </Command.List>
    </Command.Dialog>
  );
}
