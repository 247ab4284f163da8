/**
 * `postwright get FILE [KEY.PATH] [--json]`: a post's front matter, or one field of it.
 */
import path from 'node:path';
import { parseCommandArgs, printJson, UsageError, type Command } from '../command';
import { lookupPath, parseFieldPath, formatFieldPath } from '../../../shared/front-matter/field-path';
import { readFrontMatter } from '../../../shared/front-matter/read-front-matter';
import { SourceError } from '../../../shared/source-error';
import { readPostFile } from '../../core/store/post-file';
import { toPlain } from './plain-value';

const usage = 'get FILE [KEY.PATH] [--json]';

/** The front matter of `text` as Jekyll reads it, or throws SourceError with the whole-file line. */
export function frontMatterOf(text: string, file: string): Record<string, unknown> {
  const reading = readFrontMatter(text);
  if (!reading.ok) throw new SourceError('invalid-yaml', reading.message, { file, line: reading.line, col: reading.col });
  return reading.data ?? {};
}

export const getCommand: Command = {
  name: 'get',
  summary: "print a post's front matter, or one field such as title or banner.image",
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean' }, help: { type: 'boolean' } }, usage);
    if (values.help) return io.out(`usage: postwright ${usage}\n`), 0;
    if (positionals.length < 1 || positionals.length > 2) throw new UsageError(`expected FILE and an optional KEY.PATH\nusage: postwright ${usage}`);
    const file = path.resolve(io.cwd, positionals[0]);
    let text: string;
    try {
      text = (await readPostFile(file)).text;
    } catch (error) {
      if (error instanceof SourceError) throw error.inFile(positionals[0]);
      throw error;
    }
    const data = frontMatterOf(text, positionals[0]);
    let value: unknown = data;
    if (positionals[1] !== undefined) {
      const fieldPath = parseFieldPath(positionals[1]);
      const found = lookupPath(data, fieldPath);
      if (!found.found) {
        io.err(`postwright: ${positionals[0]}: no field ${formatFieldPath(fieldPath)}\n`);
        return 1;
      }
      value = found.value;
    }
    const plain = toPlain(value);
    if (values.json || (plain !== null && typeof plain === 'object')) printJson(io, plain);
    else io.out(`${plain === null ? '' : String(plain)}\n`);
    return 0;
  },
};
