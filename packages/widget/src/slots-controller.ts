import type { VisitorClient } from '@slotwise/sdk';
import type { Slot, Slots } from '@slotwise/sdk/contract';
import { LoaderController, type LoadStatus } from './loader-controller.js';

/** One slots request: whose times, for which service, over which dates, seen from which zone. */
export interface SlotsRequest {
  client: VisitorClient;
  specialist: string;
  service: string;
  duration?: number;
  /** First and last date (inclusive) in `timeZone`, at most 62 days apart. */
  from: string;
  to: string;
  timeZone: string;
}

export type SlotsStatus = LoadStatus;

/**
 * Loads open times for its host (see `LoaderController`: only the latest request counts). While
 * the same query reloads, the times shown so far stay until the answer replaces them.
 */
export class SlotsController extends LoaderController<Slots, SlotsRequest> {
  load(request: SlotsRequest): Promise<Slots | undefined> {
    return this.run(request);
  }

  protected fetch(request: SlotsRequest, signal: AbortSignal): Promise<Slots> {
    const { client, specialist, service, duration, from, to, timeZone } = request;
    return client.specialists.slots(specialist, { service, duration, from, to, timezone: timeZone }, { signal });
  }

  protected override keepsValue(previous: SlotsRequest, next: SlotsRequest): boolean {
    return sameQuery(previous, next);
  }

  /**
   * Takes the time starting at `start` off the times shown at once — it was just booked, or found
   * taken — so it is not offered while the reload that follows is on its way. Days left without
   * a time go too, as the API leaves them out.
   */
  drop(start: string): void {
    if (!this.value) return;
    const at = Date.parse(start);
    const days = this.value.days
      .map((day) => ({ ...day, slots: day.slots.filter((slot) => Date.parse(slot.start) !== at) }))
      .filter((day) => day.slots.length > 0);
    this.value = { ...this.value, days };
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
