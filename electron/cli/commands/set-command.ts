/**
 * `postwright set FILE KEY.PATH VALUE` / `--delete`: change one field, and only its lines.
 *
 * The write is the app's checked write: it takes the file's lock (so a save in the app and this
 * command never interleave), re-checks the version just before the rename, and never writes
 * through a symlink (file or folder) that leads out of the site.
 */
import path from 'node:path';
import { stat } from 'node:fs/promises';
import { parseCommandArgs, UsageError, type Command } from '../command';
import { deleteField, setFieldSource } from '../../../shared/front-matter/edit-front-matter';
import { parseFieldPath } from '../../../shared/front-matter/field-path';
import { SourceError } from '../../../shared/source-error';
import { readPostFile } from '../../core/store/post-file';
import { replaceChecked } from '../../core/store/checked-write';
import { resolveInSite } from '../../core/store/confine';

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
      const root = await siteRootOf(file);
      await resolveInSite(root, path.relative(root, file));
      const before = await readPostFile(file);
      const fieldPath = parseFieldPath(key);
      const result = values.delete ? deleteField(before.text, fieldPath) : setFieldSource(before.text, fieldPath, value);
      if (!result.changed) return 0;
      const write = await replaceChecked(root, file, result.text, before.version);
      // Refuse to overwrite a change made while we were editing.
      if (write.status === 'conflict') throw new SourceError('conflict', 'the file changed while it was being edited; nothing was written');
      return 0;
    } catch (error) {
      if (error instanceof SourceError) throw error.file ? error : error.inFile(fileArg);
      throw error;
    }
  },
};

/**
 * The folder a write to `file` must stay in: the site above its `_posts`/`_drafts` (or other
 * collection) folder when there is one with a `_config.yml`, else the folder above `_posts`/
 * `_drafts`, else the file's own folder. Found from the path as typed, before any link is followed.
 */
async function siteRootOf(file: string): Promise<string> {
  const parts = path.dirname(file).split(path.sep);
  for (let i = parts.length; i > 1; i--) {
    const dir = parts.slice(0, i).join(path.sep) || path.sep;
    if (await stat(path.join(dir, '_config.yml')).then(() => true, () => false)) return dir;
  }
  const magic = parts.lastIndexOf('_posts') >= 0 ? parts.lastIndexOf('_posts') : parts.lastIndexOf('_drafts');
  if (magic > 0) return parts.slice(0, magic).join(path.sep) || path.sep;
  return path.dirname(file);
}
