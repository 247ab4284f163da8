/**
 * Fan-out of contract events to every connected window (IPC) or browser tab (SSE).
 */
import type { ApiEvents, EventName } from '../../../shared/api/contract';

type Listener = (event: EventName, payload: unknown) => void;

export class EventHub {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit<E extends EventName>(event: E, payload: ApiEvents[E]): void {
    for (const listener of this.listeners) {
      try {
        listener(event, payload);
      } catch {
        // A broken window must not stop the others from hearing about changes.
      }
    }
  }
}
