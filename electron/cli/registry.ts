/**
 * Every `postwright` sub-command, in the order `postwright help` lists them.
 */
import type { Command } from './command';
import { checkCommand } from './commands/check-command';
import { getCommand } from './commands/get-command';
import { indexCommand } from './commands/index-command';
import { setCommand } from './commands/set-command';
import { tagsCommand } from './commands/tags-command';
import { schemaCommand } from './commands/schema-command';
import { statusCommand } from './commands/status-command';
import { syncCommand } from './commands/sync-command';
import { deleteCommand, newCommand, publishCommand, renameCommand, unpublishCommand } from './commands/lifecycle-commands';

export const commands: Command[] = [
  indexCommand,
  getCommand,
  setCommand,
  checkCommand,
  tagsCommand,
  schemaCommand,
  newCommand,
  publishCommand,
  unpublishCommand,
  renameCommand,
  deleteCommand,
  statusCommand,
  syncCommand,
];
