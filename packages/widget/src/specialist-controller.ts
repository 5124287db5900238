import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SlotwiseClient } from '@slotwise/sdk';
import type { Specialist } from '@slotwise/sdk/contract';
import { describeError } from './internal/errors.js';
import type { ErrorDetail } from './events.js';

/**
 * Loads a specialist's public profile (name, bio, services) for its host. Like the slots
 * loader, only the latest request counts.
 */
export class SpecialistController implements ReactiveController {
  status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  value: Specialist | undefined;
  error: ErrorDetail | undefined;

  private last: { client: SlotwiseClient; handle: string } | undefined;
  private inFlight: AbortController | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.status === 'loading' && !this.inFlight && this.last) void this.load(this.last.client, this.last.handle);
  }

  hostDisconnected(): void {
    this.inFlight?.abort();
    this.inFlight = undefined;
  }

  async load(client: SlotwiseClient, handle: string): Promise<Specialist | undefined> {
    this.inFlight?.abort();
    const inFlight = (this.inFlight = new AbortController());
    this.last = { client, handle };
    this.status = 'loading';
    this.value = undefined;
    this.error = undefined;
    this.host.requestUpdate();
    try {
      const specialist = await client.specialists.retrieve(handle, { signal: inFlight.signal });
      if (inFlight.signal.aborted) return undefined;
      this.value = specialist;
      this.status = 'ready';
      return specialist;
    } catch (error) {
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

  /** Asks again, e.g. from a "Try again" button after a network failure. */
  reload(): Promise<Specialist | undefined> {
    return this.last ? this.load(this.last.client, this.last.handle) : Promise.resolve(undefined);
  }
}
