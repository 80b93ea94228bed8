/**
 * Requests in flight by id, so a "cancel" call from any door can abort the
 * matching executeRequest. Ids are chosen by the caller (the renderer shows
 * progress under the same id).
 */
export class InFlightRequests {
  readonly #controllers = new Map<string, AbortController>();

  /** Registers an id and returns the signal to pass as `options.signal`. Refuses an id already in use. */
  start(requestId: string): AbortSignal {
    if (this.#controllers.has(requestId)) throw new Error(`request ${requestId} is already running`);
    const controller = new AbortController();
    this.#controllers.set(requestId, controller);
    return controller.signal;
  }

  /** Aborts the request; false when no such request is running (already finished or unknown). */
  cancel(requestId: string): boolean {
    const controller = this.#controllers.get(requestId);
    if (!controller) return false;
    controller.abort();
    this.#controllers.delete(requestId);
    return true;
  }

  /** Forgets a finished request. */
  finish(requestId: string): void {
    this.#controllers.delete(requestId);
  }

  /** Aborts everything, e.g. when the window closes. */
  cancelAll(): void {
    for (const controller of this.#controllers.values()) controller.abort();
    this.#controllers.clear();
  }

  get size(): number {
    return this.#controllers.size;
  }
}
