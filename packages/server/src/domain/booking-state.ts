import type { Actor, BookingStatus } from '@slotwise/sdk/contract';

export type BookingAction = 'confirm' | 'cancel' | 'expire' | 'complete' | 'mark_no_show' | 'reschedule';

/** Which action moves a booking from which status to which. Anything not listed is illegal. */
const transitions: Record<BookingAction, Partial<Record<BookingStatus, BookingStatus>>> = {
  confirm: { held: 'confirmed' },
  cancel: { held: 'cancelled', confirmed: 'cancelled' },
  expire: { held: 'expired' },
  complete: { confirmed: 'completed' },
  mark_no_show: { confirmed: 'no_show' },
  // A reschedule keeps the status and moves the time.
  reschedule: { confirmed: 'confirmed', held: 'held' },
};

const pastTense: Record<BookingAction, string> = {
  confirm: 'confirmed',
  cancel: 'cancelled',
  expire: 'expired',
  complete: 'marked completed',
  mark_no_show: 'marked as a no-show',
  reschedule: 'rescheduled',
};

export type Transition = { ok: true; to: BookingStatus } | { ok: false; reason: string };

/**
 * Decides whether `action` may happen to a booking in `status` at `now`. Pure: no I/O, no clock
 * read. Completing or marking a no-show needs the session to have started.
 */
export function transition(
  booking: { status: BookingStatus; startAt: number },
  action: BookingAction,
  now: number,
): Transition {
  const to = transitions[action][booking.status];
  if (!to) return { ok: false, reason: `A ${booking.status.replace('_', '-')} booking cannot be ${pastTense[action]}.` };
  if ((action === 'complete' || action === 'mark_no_show') && now < booking.startAt) {
    return { ok: false, reason: `A session can be ${pastTense[action]} only once it has started.` };
  }
  return { ok: true, to };
}

/** Statuses that occupy the specialist's time (a `held` one only until it expires). */
export const ACTIVE_STATUSES = ['held', 'confirmed'] as const satisfies readonly BookingStatus[];

export type { Actor };
