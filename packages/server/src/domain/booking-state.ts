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

/**
 * Why a change is refused, as a key of the refusal sentences (`services/messages/`) and what goes
 * into it — the domain decides, the edge writes it in the reader's language.
 */
export type TransitionRefusal =
  | { key: 'transition.not_allowed'; params: { status: From; action: BookingAction } }
  | { key: 'transition.not_started'; params: { action: BookingAction } }
  | { key: 'transition.hold_lapsed' }
  | { key: 'transition.hold_live' };

export type Transition = { ok: true; to: BookingStatus } | { ok: false; why: TransitionRefusal };

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
  if (!to) return { ok: false, why: { key: 'transition.not_allowed', params: { status: booking.status, action } } };
  if ((action === 'complete' || action === 'mark_no_show') && now < booking.startAt) {
    return { ok: false, why: { key: 'transition.not_started', params: { action } } };
  }
  const live = booking.status === 'held' && (booking.holdExpiresAt ?? 0) > now;
  if (action === 'confirm' && !live) return { ok: false, why: { key: 'transition.hold_lapsed' } };
  if (action === 'confirm_late' && live) return { ok: false, why: { key: 'transition.hold_live' } };
  return { ok: true, to };
}

/** Statuses that occupy the specialist's time (a `held` one only until it expires). */
export const ACTIVE_STATUSES = ['held', 'confirmed'] as const satisfies readonly BookingStatus[];

export type { Actor };
