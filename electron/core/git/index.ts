/**
 * Git sync for a blog repository: status, diffs, sync without force-pushing, conflict
 * resolution and background fetch, over the system `git` binary.
 *
 * One entry point so the service and the CLI import the whole feature from one place.
 */
export { GitError, runGit, git, type GitErrorKind, type GitOutput, type GitRunOptions } from './run-git';
export { gitStatus, type GitStatus, type FileState, type StatusFile } from './git-status';
export { parsePorcelainV2 } from './porcelain-status';
export { diffPost, diffSides } from './diff-post';
export { suggestCommitMessage, type CommitChange } from './commit-message';
export { syncSite, type SyncMode, type SyncOptions, type SyncResult, type SyncStep } from './git-sync';
export { conflictVersions, resolveConflict, continueSync, abortSync, type ConflictVersions, type AbortResult } from './git-conflicts';
export { FetchScheduler, type FetchReport, type FetchSchedulerOptions } from './fetch-scheduler';
export { classifyRemoteFailure, authHint } from './remote-errors';
export { BACKUP_PREFIX, backupRefs } from './backup-ref';
