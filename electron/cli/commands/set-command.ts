/**
 * `postwright set FILE KEY.PATH VALUE` / `--delete`: change one field, and only its lines.
 */
import path from 'node:path';
import { parseCommandArgs, UsageError, type Command } from '../command';
import { deleteField, setFieldSource } from '../../../shared/front-matter/edit-front-matter';
import { parseFieldPath } from '../../../shared/front-matter/field-path';
import { SourceError } from '../../../shared/source-error';
import { readPostFile, versionOf } from '../../core/store/post-file';
import { writeFileAtomic } from '../../core/store/atomic-write';
import { readFile } from 'node:fs/promises';

const usage = 'set FILE KEY.PATH VALUE | set FILE KEY.PATH --delete';

export const setCommand: Command = {
  name: 'set',
  summary: 'set (VALUE is YAML) or delete one front-matter field, touching only its lines',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { delete: { type: 'boolean' }, help: { type: 'boolean' } }, usage);
    if (values.help) return io.out(`usage: postwright ${usage}\n`), 0;
    const expected = values.delete ? 2 : 3;
    if (positionals.length !== expected) throw new UsageError(`expected FILE KEY.PATH${values.delete ? ' --delete' : ' VALUE'}\nusage: postwright ${usage}`);
    const [fileArg, key, value] = positionals;
    const file = path.resolve(io.cwd, fileArg);
    try {
      const before = await readPostFile(file);
      const fieldPath = parseFieldPath(key);
      const result = values.delete ? deleteField(before.text, fieldPath) : setFieldSource(before.text, fieldPath, value);
      if (!result.changed) return 0;
      // Refuse to overwrite a change made while we were editing.
      if (versionOf(await readFile(file)) !== before.version) throw new SourceError('conflict', 'the file changed while it was being edited; nothing was written');
      await writeFileAtomic(file, result.text);
      return 0;
    } catch (error) {
      if (error instanceof SourceError) throw error.file ? error : error.inFile(fileArg);
      throw error;
    }
  },
};
