/**
 * Backup refs under `refs/postwright/backup/`: where HEAD was before a sync touched anything.
 *
 * A ref (not a branch or tag) keeps the commit reachable, so `git gc` never drops it, without
 * cluttering the user's branch list or being pushed; `abortSync` checks that HEAD is back on it.
 */
import { git, runGit } from './run-git';

export const BACKUP_PREFIX = 'refs/postwright/backup/';

/** How many backup refs are kept; older ones are deleted after a successful sync. */
export const BACKUPS_KEPT = 20;

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('.', '');
}

/** Creates `refs/postwright/backup/<UTC timestamp>` at HEAD and returns its name. */
export async function createBackupRef(root: string, now = new Date()): Promise<string> {
  const base = `${BACKUP_PREFIX}${stamp(now)}`;
  for (let n = 0; n < 100; n++) {
    const name = n === 0 ? base : `${base}-${n}`;
    // An empty old value makes update-ref refuse to overwrite an existing ref.
    const out = await runGit(root, ['update-ref', '-m', 'postwright: backup before sync', name, 'HEAD', '']);
    if (out.code === 0) return name;
  }
  throw new Error('could not create a backup ref before syncing');
}

/** Backup refs, newest first. */
export async function backupRefs(root: string): Promise<string[]> {
  const { stdout } = await git(root, ['for-each-ref', '--sort=-refname', '--format=%(refname)', BACKUP_PREFIX]);
  return stdout.split('\n').filter(Boolean);
}

/** The newest backup ref, or null. */
export async function latestBackupRef(root: string): Promise<string | null> {
  return (await backupRefs(root))[0] ?? null;
}

/** Deletes all but the newest `keep` backup refs. */
export async function pruneBackupRefs(root: string, keep = BACKUPS_KEPT): Promise<void> {
  const old = (await backupRefs(root)).slice(keep);
  if (!old.length) return;
  await git(root, ['update-ref', '--stdin'], { input: old.map((ref) => `delete ${ref}\n`).join('') });
}
