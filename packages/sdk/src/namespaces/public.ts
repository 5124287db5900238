import type { Booking, BookingCancel, BookingCreate, BookingCreated, BookingReschedule, CancellationQuote } from '../contract/bookings.js';
import type { Slots, SlotsQuery, Specialist } from '../contract/specialists.js';
import { pathOf, type RequestOptions, type Transport } from '../transport.js';

export interface ManageOptions extends RequestOptions {
  /** The manage token returned when the booking was created. */
  manageToken: string;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** What a visitor's browser may call: profiles, slots, and their own booking by its manage token. */
export function publicNamespaces(request: Transport) {
  return {
    specialists: {
      /** The public profile of `handle`, with its active services. */
      retrieve: (handle: string, opts?: RequestOptions) =>
        request<Specialist>('GET', pathOf('/v1/specialists/{}', handle), { auth: 'none', opts }),
      /** Open start times, grouped by date in `query.timezone`. */
      slots: (handle: string, query: SlotsQuery, opts?: RequestOptions) =>
        request<Slots>('GET', pathOf('/v1/specialists/{}/slots', handle), { query: { ...query }, auth: 'none', opts }),
    },
    bookings: {
      /** Books an open time. Keep the returned `manageToken`: it is shown once. */
      create: (params: BookingCreate, opts?: RequestOptions) =>
        request<BookingCreated>('POST', '/v1/bookings', { body: params, auth: 'none', opts }),
      retrieve: (id: string, opts: ManageOptions) =>
        request<Booking>('GET', pathOf('/v1/bookings/{}', id), { headers: bearer(opts.manageToken), auth: 'none', opts }),
      cancel: (id: string, params: BookingCancel, opts: ManageOptions) =>
        request<Booking>('POST', pathOf('/v1/bookings/{}/cancel', id), { body: params, headers: bearer(opts.manageToken), auth: 'none', opts }),
      /** What cancelling now would do — allowed or not, and the refund — to show before confirming. */
      cancellationQuote: (id: string, opts: ManageOptions) =>
        request<CancellationQuote>('GET', pathOf('/v1/bookings/{}/cancellation', id), { headers: bearer(opts.manageToken), auth: 'none', opts }),
      /** Moves the booking to another open time, within the service's policy. */
      reschedule: (id: string, params: BookingReschedule, opts: ManageOptions) =>
        request<Booking>('POST', pathOf('/v1/bookings/{}/reschedule', id), { body: params, headers: bearer(opts.manageToken), auth: 'none', opts }),
    },
  };
}
