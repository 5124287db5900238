import type { BookingStatus } from '@slotwise/sdk/contract';

export type BookingAction = 'confirm' | 'cancel' | 'expire' | 'complete' | 'mark_no_show';

/** Which action moves a booking from which status to which. Anything not listed is illegal. */
const transitions: Record<BookingAction, Partial<Record<BookingStatus, BookingStatus>>> = {
  confirm: { held: 'confirmed' },
  cancel: { held: 'cancelled', confirmed: 'cancelled' },
  expire: { held: 'expired' },
  complete: { confirmed: 'completed' },
  mark_no_show: { confirmed: 'no_show' },
};

export type Transition = { ok: true; to: BookingStatus } | { ok: false; reason: string };

/** Decides whether `action` may happen to a booking in `status`; no I/O, no clock. */
export function transition(status: BookingStatus, action: BookingAction): Transition {
  const to = transitions[action][status];
  if (to) return { ok: true, to };
  return { ok: false, reason: `A ${status.replace('_', '-')} booking cannot be ${pastTense[action]}.` };
}

const pastTense: Record<BookingAction, string> = {
  confirm: 'confirmed',
  cancel: 'cancelled',
  expire: 'expired',
  complete: 'completed',
  mark_no_show: 'marked as a no-show',
};

/** Statuses that occupy the specialist's time (a `held` one only until it expires). */
export const ACTIVE_STATUSES = ['held', 'confirmed'] as const satisfies readonly BookingStatus[];
