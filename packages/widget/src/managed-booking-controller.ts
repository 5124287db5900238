import type { VisitorClient } from '@slotwise/sdk';
import type { Booking } from '@slotwise/sdk/contract';
import type { ErrorDetail } from './events.js';
import { describeError } from './internal/errors.js';
import { LoaderController } from './loader-controller.js';

/** One booking, read with its manage token. */
export interface ManagedBookingRequest {
  client: VisitorClient;
  id: string;
  manageToken: string;
}

/**
 * Loads a booking for its manage view (see `LoaderController`). After a cancel or a reschedule the
 * server's answer replaces the value through `replace`, so the view never shows a stale booking.
 */
export class ManagedBookingController extends LoaderController<Booking, ManagedBookingRequest> {
  private refreshing: AbortController | undefined;

  load(request: ManagedBookingRequest): Promise<Booking | undefined> {
    return this.run(request);
  }

  /** Shows `booking`, as the server answered a change to it. */
  replace(booking: Booking): void {
    this.value = booking;
    this.status = 'ready';
    this.error = undefined;
    this.host.requestUpdate();
  }

  /**
   * Reads the shown booking again while it stays on screen (no "Loading…"), e.g. when its join
   * window opens. The answer replaces it unless something else replaced or reloaded it meanwhile.
   * A failure leaves the booking as it was and is returned, not shown.
   */
  async refresh(): Promise<ErrorDetail | undefined> {
    const request = this.request;
    if (!request || this.status !== 'ready') return undefined;
    // Whatever replaces the value meanwhile (an answer to a change, a reload) is newer than this read.
    const shown = this.value;
    this.refreshing?.abort();
    const refreshing = (this.refreshing = new AbortController());
    try {
      const booking = await this.fetch(request, refreshing.signal);
      if (!refreshing.signal.aborted && this.value === shown && this.status === 'ready') this.replace(booking);
      return undefined;
    } catch (error) {
      return refreshing.signal.aborted ? undefined : describeError(error);
    } finally {
      if (this.refreshing === refreshing) this.refreshing = undefined;
    }
  }

  override hostDisconnected(): void {
    super.hostDisconnected();
    this.refreshing?.abort();
  }

  protected fetch({ client, id, manageToken }: ManagedBookingRequest, signal: AbortSignal): Promise<Booking> {
    return client.bookings.retrieve(id, { manageToken, signal });
  }
}
