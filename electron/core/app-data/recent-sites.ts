/**
 * The list of recently opened sites, most recent first, kept in the user data folder.
 */
import path from 'node:path';
import { readJsonFile, writeJsonFile } from './json-file';

const MAX_RECENT = 10;

export class RecentSites {
  private readonly file: string;

  constructor(userDataDir: string) {
    this.file = path.join(userDataDir, 'recent-sites.json');
  }

  async list(): Promise<string[]> {
    const value = await readJsonFile<unknown>(this.file, []);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  }

  async add(root: string): Promise<void> {
    const list = (await this.list()).filter((r) => r !== root);
    await writeJsonFile(this.file, [root, ...list].slice(0, MAX_RECENT));
  }
}
