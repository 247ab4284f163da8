/**
 * The app's named commands (menu, keyboard, palette) and the window-wide shortcuts.
 *
 * One table of names, so the native menu, web-mode keys and a command palette run the same code.
 */
import { useCallback, useEffect } from 'react';
import { dialogs } from '../dialogs/dialog-store';
import { openEditorFind } from '../editor/editor-actions';
import { chooseAndOpenSite, type OpenSiteDeps } from '../welcome/open-site-flow';
import type { DocumentSession } from '../state/use-document-session';
import type { LayoutStore } from '../state/use-layout';
import { newPost, type OperationDone } from './post-actions';
import { api } from './api';
import { useShortcuts } from '../commands/use-shortcuts';
import { finderCommand } from '../find/find-store';

interface Deps {
  hasSite: boolean;
  opening: string | null;
  session: DocumentSession;
  layout: LayoutStore;
  openDeps: OpenSiteDeps;
  searchRef: React.RefObject<HTMLInputElement | null>;
  afterOperation(done: OperationDone): void;
}

export function useAppCommands({ hasSite, opening, session, layout, openDeps, searchRef, afterOperation }: Deps): (name: string) => void {
  const { save, beforeOperation, editor, path } = session;
  const { togglePreview, toggleSidebar, toggleDetails, toggleFocus, toggleProblems, setView } = layout;
  const command = useCallback(
    (name: string) => {
      // Quick open, search in posts and the palette open over everything; any other command closes them first.
      if (finderCommand(name)) return;
      if (name === 'save') void save();
      else if (name === 'new-post' || name === 'new-draft') {
        if (!hasSite) return;
        void (async () => {
          if (!(await beforeOperation())) return;
          const done = await newPost(name === 'new-draft', path);
          if (done) afterOperation(done);
        })();
      } else if (name === 'toggle-preview') togglePreview();
      else if (name === 'toggle-sidebar') toggleSidebar();
      else if (name === 'toggle-details') toggleDetails();
      else if (name === 'focus-mode') toggleFocus();
      else if (name === 'toggle-problems') toggleProblems();
      else if (name === 'show-editor') setView('editor');
      else if (name === 'show-tags') setView('taxonomy');
      else if (name === 'show-images') setView('images');
      else if (name === 'find' && editor.view) openEditorFind(editor.view);
      else if (name === 'open-site') {
        if (!opening) void chooseAndOpenSite(openDeps);
      } else if (name === 'zoom-in' || name === 'zoom-out' || name === 'zoom-reset') {
        const cur = Number(document.documentElement.style.fontSize.replace('%', '') || 100);
        const next = name === 'zoom-reset' ? 100 : Math.max(60, Math.min(200, cur + (name === 'zoom-in' ? 10 : -10)));
        document.documentElement.style.fontSize = `${next}%`;
      }
    },
    [save, editor, hasSite, path, beforeOperation, afterOperation, openDeps, opening, togglePreview, toggleSidebar, toggleDetails, toggleFocus, toggleProblems, setView, searchRef],
  );

  useEffect(() => api.on('menu-command', (e) => !dialogs.isOpen() && command(e.command)), [command]);
  // Every shortcut of the command table (shared/commands.ts), the same in web mode and on the desktop.
  useShortcuts(command);
  return command;
}
