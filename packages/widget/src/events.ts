import type { Booking, Problem, Service, Slot, BookingNotifications, Utm, PackagePurchaseState } from '@slotwise/sdk/contract';

/** `slotwise:service-selected`: the visitor chose a service and one of its durations. */
export interface ServiceSelectedDetail {
  service: Service;
  /** Minutes. */
  duration: number;
}

/** `slotwise:slot-selected`: the visitor chose a start time. */
export interface SlotSelectedDetail {
  service: Service;
  duration: number;
  slot: Slot;
  /** The zone the time was shown in. */
  timeZone: string;
}

/**
 * `slotwise:booked`: the booking exists and is confirmed — at once for a free session, after the
 * server has seen the payment for a paid one. `manageToken` is shown once; a host page that wants to
 * let the visitor manage the booking later must keep it (it grants read and cancel).
 */
export interface BookedDetail {
  booking: Booking;
  manageToken: string;
  /**
   * Whether the server queued the confirmation email to `booking.customer.email` (`queued`) or
   * sends no email (`off`); `on_payment` for a held booking. Present when the server said so.
   */
  notifications?: BookingNotifications;
  /** The page's `utm_*` parameters the booking was sent with (the specialist sees them too); absent when none. */
  utm?: Utm;
}

/**
 * `slotwise:payment-started`: the time is held for the visitor and waits for payment. No card
 * data and no client secret: only what a host page may want for its analytics or its own UI.
 */
export interface PaymentStartedDetail {
  bookingId: string;
  /** Minor units of `currency` (9000 EUR is €90.00). */
  amount: number;
  currency: string;
  /** `stripe`: Stripe's Payment Element; `test`: the offline test-payments mode, no money moves. */
  mode: 'stripe' | 'test';
  /** Pay before this instant, or the time is offered to others again. */
  holdExpiresAt: string;
}

/** `slotwise:paid`: the server confirmed the booking from the payment (never the browser's word alone). */
export interface PaidDetail {
  booking: Booking;
}

/**
 * `slotwise:package-purchased`: the server says a package purchase is paid (or a free one
 * claimed): the purchase, its credits and whether the email with the code was queued, plus the
 * `creditsToken` — shown once, it books with the credits (`credit: { token }`) and reads them.
 */
export type PackagePurchasedDetail = PackagePurchaseState & { creditsToken: string };

/** `slotwise:cancelled`: the visitor cancelled their booking from the manage view. */
export interface CancelledDetail {
  /** The booking as the server answered the cancellation: `status: 'cancelled'`, refund queued or issued. */
  booking: Booking;
}

/** `slotwise:rescheduled`: the visitor moved their booking to another time from the manage view. */
export interface RescheduledDetail {
  booking: Booking;
  /** Where it started before the move (an ISO instant). */
  previousStart: string;
}

/**
 * `slotwise:join-opened`: the manage view shows the **Join** link — the join window opened while
 * the view was on screen, or the view was opened inside it. Once per booking and window.
 */
export interface JoinOpenedDetail {
  /** The booking as the server answered it, with `join.url`. */
  booking: Booking;
  /** The meeting's link, as the server gave it. */
  url: string;
  /** When the window closes and the link goes away (an ISO instant). */
  closesAt: string;
}

/**
 * `slotwise:joined`: the visitor activated **Join** (click, or Enter on the focused link).
 * Cancelable: `preventDefault()` keeps the widget's link from opening, for a host page that opens
 * `url` its own way.
 */
export interface JoinedDetail {
  booking: Booking;
  url: string;
}

/** `slotwise:time-zone-changed`: the visitor picked another zone; dates and times now show in it. */
export interface TimeZoneChangedDetail {
  /** An IANA zone (`Asia/Tokyo`); new bookings carry it as the customer's zone. */
  timeZone: string;
}

/** `slotwise:error`: something failed; `code` is the API's stable problem code. */
export interface ErrorDetail {
  code: string;
  status: number;
  message: string;
  problem?: Problem;
}

/** Every event the widget sends to the host page, by name. */
export interface SlotwiseEventMap {
  'slotwise:service-selected': ServiceSelectedDetail;
  'slotwise:slot-selected': SlotSelectedDetail;
  'slotwise:booked': BookedDetail;
  'slotwise:payment-started': PaymentStartedDetail;
  'slotwise:paid': PaidDetail;
  'slotwise:package-purchased': PackagePurchasedDetail;
  'slotwise:cancelled': CancelledDetail;
  'slotwise:rescheduled': RescheduledDetail;
  'slotwise:join-opened': JoinOpenedDetail;
  'slotwise:joined': JoinedDetail;
  'slotwise:time-zone-changed': TimeZoneChangedDetail;
  'slotwise:error': ErrorDetail;
}

export type SlotwiseEvent<K extends keyof SlotwiseEventMap> = CustomEvent<SlotwiseEventMap[K]>;

/**
 * Dispatches a host-page event: it bubbles and crosses shadow roots, like native UI events.
 * Returns false when it was `cancelable` and a listener called `preventDefault()`.
 */
export function emit<K extends keyof SlotwiseEventMap>(
  target: EventTarget,
  type: K,
  detail: SlotwiseEventMap[K],
  init: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: init.cancelable ?? false }));
}

declare global {
  interface HTMLElementEventMap {
    'slotwise:service-selected': SlotwiseEvent<'slotwise:service-selected'>;
    'slotwise:slot-selected': SlotwiseEvent<'slotwise:slot-selected'>;
    'slotwise:booked': SlotwiseEvent<'slotwise:booked'>;
    'slotwise:payment-started': SlotwiseEvent<'slotwise:payment-started'>;
    'slotwise:paid': SlotwiseEvent<'slotwise:paid'>;
    'slotwise:package-purchased': SlotwiseEvent<'slotwise:package-purchased'>;
    'slotwise:cancelled': SlotwiseEvent<'slotwise:cancelled'>;
    'slotwise:rescheduled': SlotwiseEvent<'slotwise:rescheduled'>;
    'slotwise:join-opened': SlotwiseEvent<'slotwise:join-opened'>;
    'slotwise:joined': SlotwiseEvent<'slotwise:joined'>;
    'slotwise:time-zone-changed': SlotwiseEvent<'slotwise:time-zone-changed'>;
    'slotwise:error': SlotwiseEvent<'slotwise:error'>;
  }
}
