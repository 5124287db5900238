import type { Booking, BookingPayment } from '@slotwise/sdk/contract';
import { eq } from 'drizzle-orm';
import type { Drizzle } from '../../db/client.js';
import { services, specialists, type BookingRow } from '../../db/schema.js';
import { isoInstant } from '../../domain/civil.js';
import { paymentsOfBookings } from '../payments/records.js';

/** The wire form of a booking. Private fields (notes of the specialist, hashes) never go out here. */
export async function present(db: Drizzle, row: BookingRow): Promise<Booking> {
  const payment = (await paymentsOfBookings(db, [row.id])).get(row.id) ?? null;
  const [joined] = await db
    .select({ specialist: specialists, serviceName: services.name })
    .from(specialists)
    .innerJoin(services, eq(services.id, row.serviceId))
    .where(eq(specialists.id, row.specialistId))
    .limit(1);
  const { specialist, serviceName } = joined!;
  return presentWith(row, specialist, serviceName, payment);
}

export function presentWith(
  row: BookingRow,
  specialist: { handle: string; name: string; timeZone: string },
  serviceName: string,
  payment: BookingPayment | null,
): Booking {
  return {
    id: row.id,
    status: row.status,
    specialist: { handle: specialist.handle, name: specialist.name, timeZone: specialist.timeZone },
    service: { id: row.serviceId, name: serviceName },
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
  };
}
