import type { ServiceDeps } from '../deps.js';
import { eq } from 'drizzle-orm';
import { payments, refunds, services, specialists, type BookingRow, type PaymentRow, type RefundRow } from '../../db/schema.js';
import { ServiceError } from '../errors.js';
import { t } from '../messages/index.js';

/** Everything a customer's receipt shows; the HTTP layer renders it. */
export interface Receipt {
  booking: BookingRow;
  payment: PaymentRow;
  refunds: RefundRow[];
  specialistName: string;
  serviceName: string;
}

/** The receipt of `booking`'s payment, once it succeeded; before that there is none (404). */
export async function receiptOf(deps: ServiceDeps, booking: BookingRow): Promise<Receipt> {
  const db = deps.database.db;
  const [payment] = await db.select().from(payments).where(eq(payments.bookingId, booking.id));
  if (!payment || payment.status !== 'succeeded') throw new ServiceError('payment_not_found', t('payment_not_found.receipt'));
  const [specialist] = await db.select({ name: specialists.name }).from(specialists).where(eq(specialists.id, booking.specialistId));
  const [service] = await db.select({ name: services.name }).from(services).where(eq(services.id, booking.serviceId));
  const back = await db.select().from(refunds).where(eq(refunds.paymentId, payment.id));
  return { booking, payment, refunds: back, specialistName: specialist!.name, serviceName: service!.name };
}
