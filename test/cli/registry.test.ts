import { describe, expect, it } from 'vitest';
import { commands } from '../../electron/cli/registry';

describe('cli registry', () => {
  it("lists each command under its own name and summary (help shows the registry's copy)", async () => {
    for (const entry of commands) {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(command.summary).toBe(entry.summary);
    }
    expect(new Set(commands.map((c) => c.name)).size).toBe(commands.length);
  });
});
