/**
 * The API calls a person waits on (opening a post, saving it, the post list): each runs in the
 * foreground (see batches.ts), so a schema or check working in slices steps aside until it is
 * answered, from its path checks to its last write.
 */
import { inForeground } from './batches';

export const FOREGROUND_CALLS: ReadonlySet<string> = new Set([
  'getAppInfo',
  'getSite',
  'recentSites',
  'listPosts',
  'readPost',
  'savePost',
  'listBuffers',
  'stashBuffer',
  'dropBuffer',
  'getPreviewContext',
]);

/** The same API with the foreground calls wrapped. */
export function withForegroundCalls<T extends object>(api: T, names: ReadonlySet<string> = FOREGROUND_CALLS): T {
  const out = { ...api } as Record<string, unknown>;
  for (const name of names) {
    const fn = out[name];
    if (typeof fn === 'function') out[name] = (...args: unknown[]) => inForeground(async () => (fn as (...a: unknown[]) => Promise<unknown>).apply(api, args));
  }
  return out as T;
}
