/**
 * Shows the dialog at the head of the queue; render it once, anywhere in the app.
 */
import { Fragment, useSyncExternalStore } from 'react';
import { currentDialog, subscribeDialogs } from './dialog-store';
import { TextPromptDialog } from './text-prompt-dialog';
import { ConfirmDialog } from './confirm-dialog';
import { ChoiceDialog } from './choice-dialog';

export function DialogHost() {
  const request = useSyncExternalStore(subscribeDialogs, currentDialog);
  if (!request) return null;
  if (request.kind === 'custom') return <Fragment key={request.id}>{request.render(request.settle, request.opener)}</Fragment>;
  if (request.kind === 'ask') return <TextPromptDialog key={request.id} options={request.options} opener={request.opener} onClose={request.settle} />;
  if (request.kind === 'confirm') return <ConfirmDialog key={request.id} options={request.options} opener={request.opener} onClose={request.settle} />;
  return <ChoiceDialog key={request.id} options={request.options} opener={request.opener} onClose={request.settle} />;
}
