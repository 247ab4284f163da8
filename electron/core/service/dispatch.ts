/**
 * Validates and runs one API call; used by both the IPC handlers and the web host.
 *
 * Keeping this in one place means both transports refuse the same bad requests and report
 * errors in the same wire shape.
 */
import { toApiErrorData, ApiError, type ApiErrorData } from '../../../shared/api/api-error';
import type { EventName, PostwrightApi } from '../../../shared/api/contract';
import { isMethodName, validateRequest } from '../../../shared/api/validate-request';
import { SourceError } from '../../../shared/source-error';

export type CallReply = { ok: true; result: unknown } | { ok: false; error: ApiErrorData };

/** What a host needs from the core: the API, its events, and read access to site files. */
export interface CoreService {
  api: PostwrightApi;
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
  /** A file of the open site for the preview (images…), confined to the site root; `rel` is URL-decoded. */
  readSiteFile(rel: string): Promise<{ bytes: Buffer; contentType: string } | null>;
  /**
   * Lets `openSite` open this folder: for a folder the host itself got from the user outside the
   * page (a second launch's `--site=`, a native dialog shown by the main process).
   */
  allowSiteRoot?(folder: string): Promise<void>;
  close(): Promise<void>;
}

export async function dispatchCall(api: PostwrightApi, method: unknown, req: unknown): Promise<CallReply> {
  try {
    if (!isMethodName(method)) throw new ApiError({ code: 'bad-request', message: `unknown method '${String(method)}'` });
    const valid = validateRequest(method, req);
    const fn = api[method] as (r: unknown) => Promise<unknown>;
    const result = await fn.call(api, valid);
    return { ok: true, result: result === undefined ? null : result };
  } catch (error) {
    return { ok: false, error: toApiErrorData(clientError(error)) };
  }
}

/** File-system and source errors the caller caused (missing file, a path outside the site, bad text) as 4xx, not 500. */
function clientError(error: unknown): unknown {
  if (error instanceof ApiError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof SourceError) {
    const mapped = code === 'outside-site' ? 'outside-site' : code === 'exists' || code === 'conflict' || code === 'locked' ? 'conflict' : 'invalid-input';
    return new ApiError({ code: mapped, message, line: error.line, col: error.col });
  }
  if (code === 'ENOENT') return new ApiError({ code: 'not-found', message: 'no such file or folder' });
  if (code === 'ENOTDIR' || code === 'EISDIR') return new ApiError({ code: 'bad-request', message: 'not the kind of file or folder expected here' });
  if (code === 'EACCES' || code === 'EPERM') return new ApiError({ code: 'forbidden', message: 'permission denied' });
  return error;
}

/** HTTP status for an error code. */
export function statusForError(code: ApiErrorData['code']): number {
  switch (code) {
    case 'bad-request':
    case 'invalid-input':
      return 400;
    case 'forbidden':
    case 'outside-site':
      return 403;
    case 'not-found':
      return 404;
    case 'conflict':
    case 'not-jekyll':
      return 409;
    case 'no-site':
      return 412;
    default:
      return 500;
  }
}
