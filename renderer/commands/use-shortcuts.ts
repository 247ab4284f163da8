/**
 * The window's keyboard shortcuts, read from the one command table (shared/commands.ts), so the
 * page answers the same keys in web mode and in the desktop app (whose menu shows them without
 * grabbing them).
 *
 * A key another handler already took (CodeMirror's Ctrl+F, a dialog's own keys) is left alone,
 * and nothing runs while an in-app question is open.
 */
import { useEffect, useRef } from 'react';
import { commandForPress, type CommandId } from '../../shared/commands';
import { dialogs } from '../dialogs/dialog-store';
import { IS_MAC } from './platform';

export function useShortcuts(run: (id: CommandId) => void): void {
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || dialogs.isOpen()) return;
      if (!(e.ctrlKey || e.metaKey || e.altKey)) return;
      const spec = commandForPress(e, IS_MAC);
      if (!spec) return;
      e.preventDefault();
      latest.current(spec.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
