/**
 * Builds the typed API client the renderer uses, on top of any transport.
 */
import { ApiError, type ApiErrorData } from './api-error';
import {
  methodNames,
  type ApiEvents,
  type EventName,
  type MethodName,
  type PostwrightApi,
  type Transport,
} from './contract';

export interface ApiClient extends PostwrightApi {
  /** Listens to one event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
}

/** Wraps a transport so each method is a typed function and errors come back as ApiError. */
export function createApiClient(transport: Transport): ApiClient {
  const client = {} as Record<string, unknown>;
  for (const name of methodNames) {
    client[name] = async (req: unknown) => {
      try {
        return await transport.invoke(name as MethodName, req ?? {});
      } catch (error) {
        throw asApiError(error);
      }
    };
  }
  client.on = <E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void) =>
    transport.subscribe((name, payload) => {
      if (name === event) listener(payload as ApiEvents[E]);
    });
  return client as unknown as ApiClient;
}

function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const data = (error as { data?: ApiErrorData })?.data;
  if (data && typeof data.code === 'string') return new ApiError(data);
  return new ApiError({ code: 'internal', message: (error as Error)?.message ?? String(error) });
}
