import type { SlotwiseClient } from '@slotwise/sdk';
import type { Booking } from '@slotwise/sdk/contract';
import { LoaderController } from './loader-controller.js';

/** One booking, read with its manage token. */
export interface ManagedBookingRequest {
  client: SlotwiseClient;
  id: string;
  manageToken: string;
}

/**
 * Loads a booking for its manage view (see `LoaderController`). After a cancel or a reschedule the
 * server's answer replaces the value through `replace`, so the view never shows a stale booking.
 */
export class ManagedBookingController extends LoaderController<Booking, ManagedBookingRequest> {
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

  protected fetch({ client, id, manageToken }: ManagedBookingRequest, signal: AbortSignal): Promise<Booking> {
    return client.bookings.retrieve(id, { manageToken, signal });
  }
}
