/**
 * "Add field…": the keys few posts use, offered on demand instead of shown on every post.
 */
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import type { SchemaField } from '../../shared/site/schema';

interface Props {
  fields: SchemaField[];
  onAdd(key: string): void;
}

export function AddFieldMenu({ fields, onAdd }: Props) {
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>
        <button type="button" className="fm-add-field ghost">
          Add field…
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu-content" align="start" sideOffset={4} aria-label="Fields to add" onCloseAutoFocus={(e) => e.preventDefault()}>
          {fields.map((f) => (
            <DropdownMenu.Item key={f.key} className="menu-item" onSelect={() => onAdd(f.key)}>
              <span>{f.label}</span>
              <span className="menu-hint">{f.count === 1 ? 'in 1 post' : f.count ? `in ${f.count} posts` : 'default'}</span>
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
