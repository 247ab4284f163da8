/**
 * A tag or category filter you can type into: a button showing the choice, opening a popover
 * (Radix) with a cmdk list of every name and how many posts use it; typing narrows the list.
 */
import * as Popover from '@radix-ui/react-popover';
import { Command } from 'cmdk';
import { useState } from 'react';
import './find.css';

/** Rendered names at most; typing finds the rest. */
const SHOWN = 300;

interface Props {
  /** "Tag" or "Category": the accessible name and the button's text. */
  label: string;
  /** Names with their post counts, most used first. */
  terms: readonly { name: string; count: number }[];
  value: string;
  onChange(value: string): void;
}

export function TermFilter({ label, terms, value, onChange }: Props) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const shown = (q ? terms.filter((t) => t.name.toLowerCase().includes(q)) : terms).slice(0, SHOWN);
  const choose = (name: string) => {
    onChange(name);
    setOpen(false);
    setQuery('');
  };
  const any = `Any ${label.toLowerCase()}`;
  return (
    <Popover.Root open={open} onOpenChange={(o) => (setOpen(o), o || setQuery(''))}>
      <Popover.Trigger asChild>
        <button type="button" className="term-filter-button" aria-label={`${label}: ${value || any}`} title={value || any}>
          <span className="term-filter-value">{value || any}</span>
          <span aria-hidden="true">▾</span>
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content className="term-filter" align="start" sideOffset={4} collisionPadding={8}>
          <Command label={`Filter by ${label.toLowerCase()}`} shouldFilter={false} vimBindings={false} loop>
            <Command.Input className="find-input" value={query} onValueChange={setQuery} placeholder={`Type a ${label.toLowerCase()}…`} />
            <Command.List className="find-list" label={`${label} names`}>
              {!q && (
                <Command.Item value=" any" className="find-item" onSelect={() => choose('')}>
                  <span className="find-title">{any}</span>
                </Command.Item>
              )}
              {shown.length === 0 && <div className="find-empty">No {label.toLowerCase()} “{query.trim()}”.</div>}
              {shown.map((t) => (
                <Command.Item key={t.name} value={t.name} className="find-item" data-current={t.name === value || undefined} onSelect={() => choose(t.name)}>
                  <span className="find-title">{t.name}</span>
                  <span className="find-count" aria-label={`${t.count} posts`}>{t.count}</span>
                </Command.Item>
              ))}
            </Command.List>
          </Command>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
