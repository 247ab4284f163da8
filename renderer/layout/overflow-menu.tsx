/**
 * "More": every window action in one menu, so a narrow window reaches all of them (panes, focus
 * mode, problems, zoom, new post, open site). Built on Radix DropdownMenu (keyboard, focus, Escape).
 */
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { Ellipsis } from 'lucide-react';
import type { CommandId } from '../../shared/commands';
import type { LayoutStore } from '../state/use-layout';
import { Tooltip } from '../theme/tooltip';
import { shortcutOf } from './shortcut-of';

interface Props {
  layout: LayoutStore;
  opening: string | null;
  onCommand(name: string): void;
  onRecent(): void;
}

interface Entry {
  id: CommandId | 'recent';
  label: string;
  checked?: boolean;
  disabled?: boolean;
}

export function OverflowMenu({ layout, opening, onCommand, onRecent }: Props) {
  const groups: Entry[][] = [
    [
      { id: 'new-post', label: 'New post' },
      { id: 'open-site', label: 'Open site…', disabled: opening !== null },
      { id: 'recent', label: 'Recent sites…', disabled: opening !== null },
    ],
    [
      { id: 'toggle-sidebar', label: 'Post list', checked: !layout.sidebarHidden },
      { id: 'toggle-details', label: 'Front matter', checked: layout.detailsOpen },
      { id: 'toggle-preview', label: 'Preview', checked: !layout.previewHidden },
      { id: 'toggle-problems', label: 'Problems', checked: layout.showProblems },
      { id: 'focus-mode', label: 'Focus mode', checked: layout.focusMode },
    ],
    [
      { id: 'zoom-in', label: 'Zoom in' },
      { id: 'zoom-out', label: 'Zoom out' },
      { id: 'zoom-reset', label: 'Actual size' },
    ],
  ];
  const run = (id: Entry['id']) => (id === 'recent' ? onRecent() : onCommand(id));
  return (
    <DropdownMenu.Root>
      <Tooltip content="More actions">
        <DropdownMenu.Trigger asChild>
          <button type="button" className="icon-button ghost" aria-label="More actions">
            <Ellipsis />
          </button>
        </DropdownMenu.Trigger>
      </Tooltip>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu-content" align="end" sideOffset={4} collisionPadding={8}>
          {groups.map((group, i) => (
            <DropdownMenu.Group key={i}>
              {i > 0 && <DropdownMenu.Separator className="menu-separator" />}
              {group.map((e) => {
                const keys = e.id === 'recent' ? undefined : shortcutOf(e.id);
                const body = (
                  <>
                    <span>{e.label}</span>
                    {keys && <kbd className="menu-hint">{keys}</kbd>}
                  </>
                );
                return e.checked === undefined ? (
                  <DropdownMenu.Item key={e.id} className="menu-item" disabled={e.disabled} onSelect={() => run(e.id)}>
                    {body}
                  </DropdownMenu.Item>
                ) : (
                  <DropdownMenu.CheckboxItem key={e.id} className="menu-item" checked={e.checked} onSelect={() => run(e.id)}>
                    <DropdownMenu.ItemIndicator className="menu-check">✓</DropdownMenu.ItemIndicator>
                    {body}
                  </DropdownMenu.CheckboxItem>
                );
              })}
            </DropdownMenu.Group>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
