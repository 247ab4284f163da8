/**
 * Every `postwright` sub-command, in the order `postwright help` lists them.
 *
 * Each command's module loads only when it runs: a command pulls in just what it needs (git,
 * the checker, the indexer…), which keeps the start-up of `postwright index` short. The
 * summaries are repeated here for `help`; test/cli/registry.test.ts keeps them equal.
 */
import type { Command } from './command';

export interface CommandEntry {
  name: string;
  /** One line for `postwright help` (the same as the command's own). */
  summary: string;
  load(): Promise<Command>;
}

export const commands: CommandEntry[] = [
  { name: 'index', summary: 'list every post and draft with the title, date, tags, URL… Jekyll gives it', load: async () => (await import('./commands/index-command')).indexCommand },
  { name: 'get', summary: "print a post's front matter, or one field such as title or banner.image", load: async () => (await import('./commands/get-command')).getCommand },
  { name: 'set', summary: 'set (VALUE is YAML) or delete one front-matter field, touching only its lines', load: async () => (await import('./commands/set-command')).setCommand },
  {
    name: 'check',
    summary: 'report invalid front matter, wrong dates, missing images, broken links, Liquid in code, duplicate titles, SEO lengths… (exit 1 on errors)',
    load: async () => (await import('./commands/check-command')).checkCommand,
  },
  { name: 'tags', summary: 'list tags and categories with counts; rename, merge or delete them across the blog', load: async () => (await import('./commands/tags-command')).tagsCommand },
  { name: 'schema', summary: "print the blog's front-matter schema: keys, how often they are used, value types", load: async () => (await import('./commands/schema-command')).schemaCommand },
  { name: 'new', summary: 'create a post (_posts/YYYY-MM-DD-slug.md) or, with --draft, a draft (_drafts/slug.md)', load: async () => (await import('./commands/lifecycle-commands')).newCommand },
  { name: 'publish', summary: 'move a draft to _posts with a date prefix and date: set to now', load: async () => (await import('./commands/lifecycle-commands')).publishCommand },
  { name: 'unpublish', summary: 'move a post back to _drafts, keeping its date in the front matter', load: async () => (await import('./commands/lifecycle-commands')).unpublishCommand },
  { name: 'rename', summary: "give a post's file a new slug, keeping its date and folder", load: async () => (await import('./commands/lifecycle-commands')).renameCommand },
  { name: 'delete', summary: "move a post to Postwright's trash (in its data folder), from where it can be restored", load: async () => (await import('./commands/lifecycle-commands')).deleteCommand },
  { name: 'status', summary: "show the blog repository's branch, commits ahead/behind the remote and changed files", load: async () => (await import('./commands/status-command')).statusCommand },
  { name: 'sync', summary: 'commit your changes, pull the remote and push (never forced; conflicts stop with your work kept)', load: async () => (await import('./commands/sync-command')).syncCommand },
];
