/**
 * An error that crosses the API boundary with a stable code.
 *
 * Transports serialise it as `{ error: { code, message, line?, col?, file? } }` and the client
 * rethrows it, so the renderer can tell "not found" from "outside the site" from "bad YAML".
 */
export type ApiErrorCode =
  | 'bad-request'
  | 'not-found'
  | 'outside-site'
  | 'no-site'
  | 'conflict'
  | 'invalid-input'
  | 'forbidden'
  | 'not-jekyll'
  | 'internal';

export interface ApiErrorData {
  code: ApiErrorCode;
  message: string;
  file?: string;
  line?: number;
  col?: number;
}

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly data: ApiErrorData;

  constructor(data: ApiErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.code = data.code;
    this.data = data;
  }
}

/** Turns anything thrown into wire data without leaking stacks or internal paths. */
export function toApiErrorData(error: unknown): ApiErrorData {
  if (error instanceof ApiError) return error.data;
  const e = error as { code?: unknown; message?: unknown; line?: unknown; col?: unknown; file?: unknown };
  const data: ApiErrorData = { code: 'internal', message: typeof e?.message === 'string' ? e.message : String(error) };
  if (typeof e?.line === 'number') data.line = e.line;
  if (typeof e?.col === 'number') data.col = e.col;
  if (typeof e?.file === 'string') data.file = e.file;
  return data;
}
