/**
 * The operations that can be undone, each with its own id, so an undo button reverses exactly
 * the operation it was made for (or the last one when no id is given).
 *
 * An entry's `run` refuses (throws) when the files it would touch changed since; the entry then
 * stays, so nothing is lost and the user can try again after putting the file back.
 */
import { randomBytes } from 'node:crypto';

export interface UndoEntry {
  label: string;
  /** Reverses the operation; returns the site paths it touched. */
  run(): Promise<string[]>;
}

const LIMIT = 50;

export class UndoStack {
  private entries: (UndoEntry & { id: string })[] = [];
  private readonly prefix = randomBytes(4).toString('hex');
  private next = 1;

  /** Adds an entry and returns its id. */
  add(entry: UndoEntry): string {
    const id = `${this.prefix}-${this.next++}`;
    this.entries.push({ ...entry, id });
    if (this.entries.length > LIMIT) this.entries.shift();
    return id;
  }

  /** Like Array.push, for callers that do not need the id. */
  push(entry: UndoEntry): number {
    this.add(entry);
    return this.entries.length;
  }

  get length(): number {
    return this.entries.length;
  }

  /**
   * Runs the entry named by `id` (the last without one): removed while it runs, so two undos never
   * run it twice, and put back in its place when it refuses. Null when there is no such entry.
   */
  async undo(id?: string): Promise<{ label: string; paths: string[] } | null> {
    const at = id === undefined ? this.entries.length - 1 : this.entries.findIndex((e) => e.id === id);
    if (at < 0) return null;
    const [entry] = this.entries.splice(at, 1);
    try {
      return { label: entry.label, paths: await entry.run() };
    } catch (error) {
      this.entries.splice(Math.min(at, this.entries.length), 0, entry);
      throw error;
    }
  }

  clear(): void {
    this.entries = [];
  }
}
