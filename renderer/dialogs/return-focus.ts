/**
 * Where focus goes when a dialog closes: back to the control that opened it, if it is still there.
 * Radix returns focus to a Dialog.Trigger; our dialogs are opened from code, so we remember the opener.
 */
export function returnFocus(event: Event, opener: Element | null): void {
  event.preventDefault();
  if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
}
