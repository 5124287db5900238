import type { Specialist } from '@slotwise/sdk/contract';
import type { Drizzle, Tx } from '../../db/client.js';
import type { SpecialistRow } from '../../db/schema.js';
import { paidBookingsOpen } from '../accounts/verification.js';
import { ServiceError } from '../errors.js';
import { t } from '../messages/index.js';

/**
 * Whether a specialist takes bookings, as the public sees it and as every booking or sale checks:
 * a `suspended` or `closed` specialist takes none (their slots are empty, their page says so),
 * and one whose email is unverified takes no money (priced services, priced packages) while free
 * services stay bookable. Existing bookings are never touched by either.
 */
export type Standing = Pick<Specialist, 'acceptingBookings' | 'unavailableReason' | 'acceptingPaidBookings'>;

export async function standingOf(db: Drizzle | Tx, specialist: Pick<SpecialistRow, 'id' | 'status'>): Promise<Standing> {
  const accepting = specialist.status === 'active';
  return {
    acceptingBookings: accepting,
    unavailableReason: accepting ? null : specialist.status === 'closed' ? 'closed' : 'suspended',
    acceptingPaidBookings: accepting && (await paidBookingsOpen(db, specialist.id)),
  };
}

/** Refuses anything new (a booking, a purchase) for a specialist who is not active. */
export function assertAccepting(specialist: Pick<SpecialistRow, 'name' | 'status'>): void {
  if (specialist.status === 'active') return;
  throw new ServiceError('specialist_unavailable', t('specialist_unavailable', { name: specialist.name }));
}

/** Refuses taking money for a specialist whose login email is not verified yet. */
export async function assertTakesMoney(db: Drizzle | Tx, specialist: Pick<SpecialistRow, 'id' | 'name'>): Promise<void> {
  if (await paidBookingsOpen(db, specialist.id)) return;
  throw unverifiedRefusal(specialist);
}

/** The refusal `assertTakesMoney` throws. */
export const unverifiedRefusal = (specialist: Pick<SpecialistRow, 'name'>) => new ServiceError('specialist_unverified', t('specialist_unverified', { name: specialist.name }));
