import type { BookingCancel, BookingList, BookingNotes, BookingReschedule, BookingStatus, SpecialistBooking } from '../contract/bookings.js';
import { pathOf, type RequestOptions, type Transport } from '../transport.js';

export interface BookingListParams {
  status?: BookingStatus[];
  /** Sessions starting on or after this date, in the specialist's zone. */
  from?: string;
  to?: string;
  /** 1–100. @default 20 */
  limit?: number;
  /** The id of the last booking of the previous page. */
  starting_after?: string;
}

/** The calling specialist's bookings (`client.me.bookings`). */
export function myBookingsNamespace(request: Transport) {
  const post = <T>(path: string, id: string, body: unknown, opts?: RequestOptions) =>
    request<T>('POST', pathOf(path, id), { body, auth: 'apiKey', opts });
  return {
    bookings: {
      list: (params: BookingListParams = {}, opts?: RequestOptions) =>
        request<BookingList>('GET', '/v1/me/bookings', {
          query: { ...params, status: params.status?.join(',') },
          auth: 'apiKey',
          opts,
        }),
      /** With private notes and the full event history. */
      retrieve: (id: string, opts?: RequestOptions) => request<SpecialistBooking>('GET', pathOf('/v1/me/bookings/{}', id), { auth: 'apiKey', opts }),
      complete: (id: string, opts?: RequestOptions) => post<SpecialistBooking>('/v1/me/bookings/{}/complete', id, {}, opts),
      markNoShow: (id: string, opts?: RequestOptions) => post<SpecialistBooking>('/v1/me/bookings/{}/no-show', id, {}, opts),
      /** Always allowed before the start; refunds in full. */
      cancel: (id: string, params: BookingCancel = {}, opts?: RequestOptions) => post<SpecialistBooking>('/v1/me/bookings/{}/cancel', id, params, opts),
      reschedule: (id: string, params: BookingReschedule, opts?: RequestOptions) =>
        post<SpecialistBooking>('/v1/me/bookings/{}/reschedule', id, params, opts),
      updateNotes: (id: string, params: BookingNotes, opts?: RequestOptions) =>
        request<SpecialistBooking>('PUT', pathOf('/v1/me/bookings/{}/notes', id), { body: params, auth: 'apiKey', opts }),
    },
  };
}
