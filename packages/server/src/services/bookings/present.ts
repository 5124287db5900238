import type { Booking, BookingPayment } from '@slotwise/sdk/contract';
import { eq } from 'drizzle-orm';
import { services, specialists, type BookingRow, type ServiceRow } from '../../db/schema.js';
import { isoInstant } from '../../domain/civil.js';
import type { ServiceDeps } from '../deps.js';
import { joinOf, locationOf } from '../meetings/join.js';
import { paymentsOfBookings } from '../payments/records.js';

/** What a booking is presented with from its service: the name and where it happens. */
export type ServiceView = Pick<ServiceRow, 'name' | 'locationKind' | 'locationDetail'>;

/** The columns of `services` a `ServiceView` is selected from. */
export const serviceView = { name: services.name, locationKind: services.locationKind, locationDetail: services.locationDetail };

/** The moment and join window a booking is presented at: the meeting link shows only inside the window. */
export type PresentAt = Pick<ServiceDeps, 'clock' | 'joinWindow'>;

/**
 * The wire form of a booking for its own customer (the manage token's holder): with their phone
 * and SMS consent, which no other view shows. Private fields (notes of the specialist, hashes)
 * never go out here; what the specialist shares (`sharedNotes`, `recordingUrl`) does.
 */
export async function present(deps: Pick<ServiceDeps, 'database'> & PresentAt, row: BookingRow): Promise<Booking> {
  const db = deps.database.db;
  const payment = (await paymentsOfBookings(db, [row.id])).get(row.id) ?? null;
  const [joined] = await db
    .select({ specialist: specialists, service: serviceView })
    .from(specialists)
    .innerJoin(services, eq(services.id, row.serviceId))
    .where(eq(specialists.id, row.specialistId))
    .limit(1);
  const { specialist, service } = joined!;
  return presentOwn(row, specialist, service, payment, deps);
}

/** `present` from rows the caller already holds (a creation has them all from its snapshot). */
export function presentOwn(row: BookingRow, specialist: { handle: string; name: string; timeZone: string }, service: ServiceView, payment: BookingPayment | null, at: PresentAt): Booking {
  const view = presentWith(row, specialist, service, payment, at);
  return { ...view, customer: { ...view.customer, ...(row.customerPhone === null ? {} : { phone: row.customerPhone }), smsConsent: row.smsConsent } };
}

export function presentWith(
  row: BookingRow,
  specialist: { handle: string; name: string; timeZone: string },
  service: ServiceView,
  payment: BookingPayment | null,
  at: PresentAt,
): Booking {
  return {
    id: row.id,
    status: row.status,
    specialist: { handle: specialist.handle, name: specialist.name, timeZone: specialist.timeZone },
    service: { id: row.serviceId, name: service.name },
    start: isoInstant(row.startAt),
    end: isoInstant(row.endAt),
    duration: row.durationMinutes,
    customer: { name: row.customerName, email: row.customerEmail, timeZone: row.customerTimeZone },
    notes: row.notes,
    price: row.price,
    currency: row.currency,
    createdAt: isoInstant(row.createdAt),
    holdExpiresAt: row.status === 'held' && row.holdExpiresAt !== null ? isoInstant(row.holdExpiresAt) : null,
    rescheduleCount: row.rescheduleCount,
    cancelledAt: row.cancelledAt === null ? null : isoInstant(row.cancelledAt),
    cancelledBy: row.cancelledBy,
    cancellationReason: row.cancellationReason,
    payment,
    paidWithCredit: row.creditLotId !== null,
    location: locationOf(service),
    join: joinOf(row, at.joinWindow, at.clock()),
    sharedNotes: row.sharedNotes,
    recordingUrl: row.recordingUrl,
    ...(row.promoCode === null ? {} : { promo: { code: row.promoCode, amountOff: row.promoAmountOff ?? 0 } }),
  };
}
