import type { Actor, BookingStatus } from '@slotwise/sdk/contract';

/**
 * Everything that can happen to a booking. `book` and `hold` open one; `refund` and `note` are
 * bookkeeping that leave the status as it is but still go down the same road (one event each).
 */
export type BookingAction =
  | 'book'
  | 'hold'
  | 'confirm'
  | 'confirm_late'
  | 'expire'
  | 'cancel'
  | 'reschedule'
  | 'complete'
  | 'mark_no_show'
  | 'refund'
  | 'note'
  | 'attach_meeting';

/** A booking that does not exist yet, for `book` and `hold`. */
export const NEW = 'new' as const;
type From = BookingStatus | typeof NEW;

const ALL: readonly BookingStatus[] = ['held', 'confirmed', 'cancelled', 'expired', 'completed', 'no_show'];
const unchanged = (statuses: readonly BookingStatus[]) => Object.fromEntries(statuses.map((s) => [s, s])) as Partial<Record<From, BookingStatus>>;

/** Which action moves a booking from which status to which. Anything not listed is illegal. */
const transitions: Record<BookingAction, Partial<Record<From, BookingStatus>>> = {
  book: { new: 'confirmed' }, // free, or paid with a package credit
  hold: { new: 'held' }, // priced: the time is held until the payment confirms it
  confirm: { held: 'confirmed' },
  // A payment that succeeds after its hold lapsed confirms the booking if its time is still free
  // (the caller checks that); otherwise the money goes back (`refund`).
  confirm_late: { held: 'confirmed', expired: 'confirmed' },
  expire: { held: 'expired' },
  cancel: { held: 'cancelled', confirmed: 'cancelled' },
  // A reschedule keeps the status and moves the time.
  reschedule: { confirmed: 'confirmed', held: 'held' },
  complete: { confirmed: 'completed' },
  mark_no_show: { confirmed: 'no_show' },
  // Money going back is recorded on whatever the booking became; a hold has taken none.
  refund: unchanged(['confirmed', 'cancelled', 'expired', 'completed', 'no_show']),
  note: unchanged(ALL),
  // The session's meeting was made (or changed): bookkeeping on an active booking.
  attach_meeting: unchanged(['held', 'confirmed']),
};

const pastTense: Record<BookingAction, string> = {
  book: 'booked',
  hold: 'held',
  confirm: 'confirmed',
  confirm_late: 'confirmed late',
  expire: 'expired',
  cancel: 'cancelled',
  reschedule: 'rescheduled',
  complete: 'marked completed',
  mark_no_show: 'marked as a no-show',
  refund: 'refunded',
  note: 'annotated',
  attach_meeting: 'given a meeting',
};

/** The event each action appends (`booking_events.type`, and the outbox topic `booking.<type>`). */
export const eventTypeOf: Record<BookingAction, string> = {
  book: 'confirmed',
  hold: 'held',
  confirm: 'confirmed',
  confirm_late: 'confirmed',
  expire: 'expired',
  cancel: 'cancelled',
  reschedule: 'rescheduled',
  complete: 'completed',
  mark_no_show: 'no_show',
  refund: 'refunded',
  note: 'notes_updated',
  attach_meeting: 'meeting_ready',
};

export type Transition = { ok: true; to: BookingStatus } | { ok: false; reason: string };

export interface BookingState {
  status: From;
  startAt: number;
  /** When a `held` booking stops holding its time. */
  holdExpiresAt?: number | null;
}

/**
 * Decides whether `action` may happen to a booking in `status` at `now`. Pure: no I/O, no clock
 * read. Completing or marking a no-show needs the session to have started; `confirm` needs the
 * hold to be live and `confirm_late` a lapsed one (or an expired booking).
 */
export function transition(booking: BookingState, action: BookingAction, now: number): Transition {
  const to = transitions[action][booking.status];
  const what = booking.status === NEW ? 'A new' : `A ${booking.status.replace('_', '-')}`;
  if (!to) return { ok: false, reason: `${what} booking cannot be ${pastTense[action]}.` };
  if ((action === 'complete' || action === 'mark_no_show') && now < booking.startAt) {
    return { ok: false, reason: `A session can be ${pastTense[action]} only once it has started.` };
  }
  const live = booking.status === 'held' && (booking.holdExpiresAt ?? 0) > now;
  if (action === 'confirm' && !live) return { ok: false, reason: 'The hold has lapsed: the booking can only be confirmed late, if its time is still free.' };
  if (action === 'confirm_late' && live) return { ok: false, reason: 'The hold is still live: confirm it, not late.' };
  return { ok: true, to };
}

/** Statuses that occupy the specialist's time (a `held` one only until it expires). */
export const ACTIVE_STATUSES = ['held', 'confirmed'] as const satisfies readonly BookingStatus[];

export type { Actor };
