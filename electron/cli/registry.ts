/**
 * The list of sub-commands. Each lives in its own file under `commands/`.
 */
import type { Command } from './command';

export const commands: Command[] = [];
