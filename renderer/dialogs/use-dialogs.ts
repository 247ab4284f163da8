/**
 * Components ask for text or a confirmation through this hook; `DialogHost` shows the answer's dialog.
 */
import { dialogs } from './dialog-store';

export function useDialogs(): typeof dialogs {
  return dialogs;
}
