import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ErrorDetail } from './events.js';
import { describeError } from './internal/errors.js';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * Loads one value for its host and re-renders it as it arrives. Only the latest request counts:
 * a newer one aborts the one in flight, so a slow answer the visitor no longer wants never
 * replaces the current one. A load cut short by a disconnect is resumed when the host returns.
 */
export abstract class LoaderController<T, R> implements ReactiveController {
  status: LoadStatus = 'idle';
  value: T | undefined;
  error: ErrorDetail | undefined;

  protected request: R | undefined;
  private inFlight: AbortController | undefined;

  constructor(protected readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Fetches the value for `request`, honouring `signal`. */
  protected abstract fetch(request: R, signal: AbortSignal): Promise<T>;

  /** Whether the value shown for `previous` may stay on screen while `next` loads. */
  protected keepsValue(_previous: R, _next: R): boolean {
    return false;
  }

  hostConnected(): void {
    if (this.status === 'loading' && !this.inFlight && this.request) void this.run(this.request);
  }

  hostDisconnected(): void {
    this.inFlight?.abort();
    this.inFlight = undefined;
  }

  protected async run(request: R): Promise<T | undefined> {
    this.inFlight?.abort();
    const inFlight = (this.inFlight = new AbortController());
    if (!this.request || !this.keepsValue(this.request, request)) this.value = undefined;
    this.request = request;
    this.status = 'loading';
    this.error = undefined;
    this.host.requestUpdate();
    try {
      const value = await this.fetch(request, inFlight.signal);
      if (inFlight.signal.aborted) return undefined;
      this.value = value;
      this.status = 'ready';
      return value;
    } catch (error) {
      // The signal, not the error's shape, says whether this request was called off.
      if (inFlight.signal.aborted) return undefined;
      this.error = describeError(error);
      this.status = 'error';
      return undefined;
    } finally {
      if (this.inFlight === inFlight) {
        this.inFlight = undefined;
        this.host.requestUpdate();
      }
    }
  }

  /** Asks again for the last request, e.g. after a booking took a time, or from "Try again". */
  reload(): Promise<T | undefined> {
    return this.request ? this.run(this.request) : Promise.resolve(undefined);
  }

  /**
   * Takes `value` as the answer to `request` without fetching — one that came inside another
   * answer (the profile's first open times). A later `reload()` asks for `request` itself.
   */
  prime(request: R, value: T): void {
    this.inFlight?.abort();
    this.inFlight = undefined;
    this.request = request;
    this.value = value;
    this.error = undefined;
    this.status = 'ready';
    this.host.requestUpdate();
  }

  /** Forgets everything. */
  clear(): void {
    this.inFlight?.abort();
    this.inFlight = undefined;
    this.request = undefined;
    this.value = undefined;
    this.error = undefined;
    this.status = 'idle';
    this.host.requestUpdate();
  }
}
