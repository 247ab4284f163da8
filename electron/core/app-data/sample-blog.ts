/**
 * Copies the sample blog Postwright ships into the user data folder on first use.
 *
 * The copy is the user's to edit, so it is never overwritten once it exists.
 */
import { cp, stat } from 'node:fs/promises';
import path from 'node:path';

export async function ensureSampleBlog(sampleSource: string, userDataDir: string): Promise<string> {
  const target = path.join(userDataDir, 'sample-blog');
  try {
    await stat(path.join(target, '_config.yml'));
    return target;
  } catch {
    await cp(sampleSource, target, { recursive: true, errorOnExist: false, force: false });
    return target;
  }
}
