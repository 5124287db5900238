import type { ServiceDeps } from '../deps.js';
import type { BookingPayment, Earnings, PaymentList, SpecialistPayment } from '@slotwise/sdk/contract';
import { and, asc, desc, eq, gte, inArray, lt, lte, or } from 'drizzle-orm';
import type { Drizzle, Tx } from '../../db/client.js';
import { payments, refunds, type PaymentRow, type RefundRow } from '../../db/schema.js';
import { isoInstant, parseEpochDay } from '../../domain/civil.js';
import { ServiceError } from '../errors.js';
import { t } from '../messages/index.js';

type Reader = Drizzle | Tx;

export function toBookingPayment(payment: PaymentRow, rows: RefundRow[]): BookingPayment {
  return {
    id: payment.id,
    status: payment.status,
    amount: payment.amount,
    amountRefunded: payment.amountRefunded,
    currency: payment.currency,
    lastError: payment.lastError,
    refunds: rows.map((r) => ({ amount: r.amount, status: r.status, createdAt: isoInstant(r.createdAt) })),
  };
}

function toSpecialistPayment(payment: PaymentRow, rows: RefundRow[]): SpecialistPayment {
  return {
    ...toBookingPayment(payment, rows),
    bookingId: payment.bookingId,
    packagePurchaseId: payment.packagePurchaseId,
    fee: payment.feeAmount,
    feeRefunded: payment.feeRefunded,
    specialistShare: payment.specialistShare,
    customerEmail: payment.customerEmail,
    createdAt: isoInstant(payment.createdAt),
    succeededAt: payment.succeededAt === null ? null : isoInstant(payment.succeededAt),
  };
}

async function refundsOf(db: Reader, paymentIds: string[]): Promise<Map<string, RefundRow[]>> {
  const map = new Map<string, RefundRow[]>();
  if (paymentIds.length === 0) return map;
  const rows = await db.select().from(refunds).where(inArray(refunds.paymentId, paymentIds)).orderBy(asc(refunds.createdAt));
  for (const r of rows) map.set(r.paymentId, [...(map.get(r.paymentId) ?? []), r]);
  return map;
}

/** The payment of each of `bookingIds` that has one (the latest, if a booking was ever paid twice). */
export async function paymentsOfBookings(db: Reader, bookingIds: string[]): Promise<Map<string, BookingPayment>> {
  const out = new Map<string, BookingPayment>();
  if (bookingIds.length === 0) return out;
  const rows = await db.select().from(payments).where(inArray(payments.bookingId, bookingIds)).orderBy(asc(payments.createdAt));
  const byPayment = await refundsOf(db, rows.map((r) => r.id));
  for (const row of rows) out.set(row.bookingId!, toBookingPayment(row, byPayment.get(row.id) ?? []));
  return out;
}

/** The payment of each of `purchaseIds` that has one (the latest). */
export async function paymentsOfPurchases(db: Reader, purchaseIds: string[]): Promise<Map<string, BookingPayment>> {
  const out = new Map<string, BookingPayment>();
  if (purchaseIds.length === 0) return out;
  const rows = await db.select().from(payments).where(inArray(payments.packagePurchaseId, purchaseIds)).orderBy(asc(payments.createdAt));
  const byPayment = await refundsOf(db, rows.map((r) => r.id));
  for (const row of rows) out.set(row.packagePurchaseId!, toBookingPayment(row, byPayment.get(row.id) ?? []));
  return out;
}

export async function listMyPayments(deps: ServiceDeps, specialistId: string, query: { limit: number; starting_after?: string | undefined }): Promise<PaymentList> {
  const db = deps.database.db;
  const conditions = [eq(payments.specialistId, specialistId)];
  if (query.starting_after) {
    const [cursor] = await db.select().from(payments).where(and(eq(payments.id, query.starting_after), eq(payments.specialistId, specialistId)));
    if (!cursor) {
      throw new ServiceError('invalid_request', t('invalid_request.cursor_payment', { id: query.starting_after }), {
        errors: [{ field: 'query.starting_after', message: t('invalid_request.cursor_payment_field') }],
      });
    }
    // `<=` lets the (specialist, created) index seek to the cursor instead of scanning from the newest.
    conditions.push(lte(payments.createdAt, cursor.createdAt), or(lt(payments.createdAt, cursor.createdAt), lt(payments.id, cursor.id))!);
  }
  const rows = await db.select().from(payments).where(and(...conditions)).orderBy(desc(payments.createdAt), desc(payments.id)).limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const byPayment = await refundsOf(db, page.map((r) => r.id));
  return { data: page.map((p) => toSpecialistPayment(p, byPayment.get(p.id) ?? [])), hasMore: rows.length > query.limit };
}

/** Gross, fees, refunds and net of succeeded payments, by UTC month of payment and currency. */
export async function earnings(deps: ServiceDeps, specialistId: string, range: { from?: string | undefined; to?: string | undefined }): Promise<Earnings> {
  const db = deps.database.db;
  const now = deps.clock();
  const DAY = 86_400_000;
  const to = range.to ? (parseEpochDay(range.to) + 1) * DAY : now + 1;
  const from = range.from ? parseEpochDay(range.from) * DAY : to - 366 * DAY;
  const rows = await db
    .select()
    .from(payments)
    .where(and(eq(payments.specialistId, specialistId), eq(payments.status, 'succeeded'), gte(payments.succeededAt, from), lte(payments.succeededAt, to - 1)));
  const months = new Map<string, Earnings['data'][number]>();
  for (const p of rows) {
    const month = new Date(p.succeededAt!).toISOString().slice(0, 7);
    const key = `${month}|${p.currency}`;
    const m = months.get(key) ?? { month, currency: p.currency, gross: 0, fees: 0, refunds: 0, net: 0, payments: 0 };
    m.gross += p.amount;
    m.fees += p.feeAmount - p.feeRefunded;
    m.refunds += p.amountRefunded;
    m.net = m.gross - m.fees - m.refunds;
    m.payments += 1;
    months.set(key, m);
  }
  return { data: [...months.values()].sort((a, b) => a.month.localeCompare(b.month) || a.currency.localeCompare(b.currency)) };
}
