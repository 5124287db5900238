import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SlotwiseClient } from '@slotwise/sdk';
import type { Slot, Slots } from '@slotwise/sdk/contract';
import { describeError } from './internal/errors.js';
import type { ErrorDetail } from './events.js';

/** One slots request: whose times, for which service, over which dates, seen from which zone. */
export interface SlotsRequest {
  client: SlotwiseClient;
  specialist: string;
  service: string;
  duration?: number;
  /** First and last date (inclusive) in `timeZone`, at most 62 days apart. */
  from: string;
  to: string;
  timeZone: string;
}

export type SlotsStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * Loads open times for its host and re-renders it as they arrive. Only the latest request
 * counts: a newer one aborts the one in flight, so a slow answer for a month the visitor has
 * already left never replaces the current one.
 */
export class SlotsController implements ReactiveController {
  status: SlotsStatus = 'idle';
  value: Slots | undefined;
  error: ErrorDetail | undefined;

  private request: SlotsRequest | undefined;
  private inFlight: AbortController | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    // A load cut short by a disconnect is resumed when the host comes back.
    if (this.status === 'loading' && !this.inFlight && this.request) void this.load(this.request);
  }

  hostDisconnected(): void {
    this.inFlight?.abort();
    this.inFlight = undefined;
  }

  /** Loads `request`; the times shown so far stay until the answer replaces them, if it is the same query. */
  async load(request: SlotsRequest): Promise<Slots | undefined> {
    this.inFlight?.abort();
    const inFlight = (this.inFlight = new AbortController());
    if (!this.request || !sameQuery(this.request, request)) this.value = undefined;
    this.request = request;
    this.status = 'loading';
    this.error = undefined;
    this.host.requestUpdate();
    const { client, specialist, service, duration, from, to, timeZone } = request;
    try {
      const slots = await client.specialists.slots(
        specialist,
        { service, duration, from, to, timezone: timeZone },
        { signal: inFlight.signal },
      );
      if (inFlight.signal.aborted) return undefined;
      this.value = slots;
      this.status = 'ready';
      return slots;
    } catch (error) {
      // The client reports an abort as a network error: the signal is the only reliable tell.
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

  /** Asks again for the last request, e.g. after a booking took one of its times. */
  reload(): Promise<Slots | undefined> {
    return this.request ? this.load(this.request) : Promise.resolve(undefined);
  }

  /** Forgets everything, e.g. when the visitor picks another service. */
  clear(): void {
    this.inFlight?.abort();
    this.inFlight = undefined;
    this.request = undefined;
    this.value = undefined;
    this.error = undefined;
    this.status = 'idle';
    this.host.requestUpdate();
  }

  /** Dates with at least one open time, in order. */
  get dates(): string[] {
    return this.value?.days.map((day) => day.date) ?? [];
  }

  /** The open times on `date` (in the request's zone). */
  slotsOn(date: string | undefined): Slot[] {
    return this.value?.days.find((day) => day.date === date)?.slots ?? [];
  }
}

function sameQuery(a: SlotsRequest, b: SlotsRequest): boolean {
  return (
    a.client === b.client &&
    a.specialist === b.specialist &&
    a.service === b.service &&
    a.duration === b.duration &&
    a.from === b.from &&
    a.to === b.to &&
    a.timeZone === b.timeZone
  );
}
