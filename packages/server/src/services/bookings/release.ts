import type { Booking } from '@slotwise/sdk/contract';
import { hashToken } from '../ids.js';
import { ServiceError } from '../errors.js';
import type { ServiceDeps } from '../deps.js';
import { t } from '../messages/index.js';
import { cancelAbandonedIntents } from '../payments/intents.js';
import { findByToken } from './customer.js';
import { present } from './present.js';
import { changeOfBooking } from './guarded-change.js';
import { changeBookingQueries } from './road.js';

/**
 * The customer gives up their unpaid hold (the payment step's "Choose another time"): the booking
 * goes `held` → `expired` down the one road, so its time is offered again at once, and its payment
 * intent is cancelled at the provider after the commit so nobody can pay for a time no longer held.
 * One guarded batch (`guarded-change.ts`): a payment confirming the hold meanwhile refuses it, and
 * the fresh snapshot answers `booking_already_paid`.
 *
 * Idempotent: a booking that is no longer held (released before, lapsed, cancelled) is answered as
 * it is. A paid one is refused (`booking_already_paid`): that is a cancellation, under the policy.
 * An intent that succeeded in the meantime is applied as a late payment by the intent sweep.
 */
export async function releaseHold(deps: ServiceDeps, id: string, token: string): Promise<Booking> {
  const tokenHash = await hashToken(token);
  const now = deps.clock();
  const released = await changeOfBooking(deps.database, (db) => findByToken(db, id, tokenHash), false, async ({ row }) => {
    if (row.status === 'confirmed' || row.status === 'completed' || row.status === 'no_show') {
      throw new ServiceError('booking_already_paid', t('booking_already_paid'));
    }
    if (row.status !== 'held') return { queries: [], condition: undefined, answer: false };
    // A hold that lapsed before the release arrived expired on its own: the system's doing, with its email.
    const lapsed = (row.holdExpiresAt ?? 0) <= now;
    const change = lapsed
      ? ({ action: 'expire', actor: 'system', reason: 'The hold lapsed before payment.' } as const)
      : ({ action: 'expire', actor: 'customer', reason: 'Released by the customer before paying.' } as const);
    const planned = changeBookingQueries(deps.database.db, row, change, now);
    return { queries: planned.queries, condition: planned.still, answer: true };
  });
  if (released) await cancelAbandonedIntents(deps, now, id);
  return present(deps, await findByToken(deps.database.db, id, tokenHash));
}
