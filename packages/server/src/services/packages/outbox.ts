import type { Drizzle } from '../../db/client.js';
import { outbox, type PackagePurchaseRow } from '../../db/schema.js';
import { isoInstant } from '../../domain/civil.js';
import { newId } from '../ids.js';

/**
 * The purchase as a package's events carry it: what an email or a webhook receiver needs, and
 * nothing secret (no token hash). The package's name is the one it has when the event happens.
 */
export function purchaseSnapshot(row: PackagePurchaseRow, packageName: string) {
  return {
    id: row.id,
    packageId: row.packageId,
    packageName,
    specialistId: row.specialistId,
    status: row.status,
    customer: { name: row.customerName, email: row.customerEmail, timeZone: row.customerTimeZone },
    customerLocale: row.customerLocale,
    sessionCount: row.sessionCount,
    validityDays: row.validityDays,
    serviceIds: row.serviceIds,
    price: row.price,
    currency: row.currency,
    createdAt: isoInstant(row.createdAt),
  };
}

export type PurchaseSnapshot = ReturnType<typeof purchaseSnapshot>;

/** A lot of credits as an event names it: the grant row's id, how many it granted, when they expire. */
export interface LotSnapshot {
  id: string;
  granted: number;
  expiresAt: string;
}

/** A refund of a purchase's payment as its events name it: Slotwise's id, and what went (or was to go) back. */
export interface RefundSnapshot {
  id: string;
  amount: number;
  currency: string;
  /** On a failed refund: why, as the provider said it (`expired_or_canceled_card`), or null. */
  failureReason?: string | null;
}

/**
 * What a package event's outbox row carries. `package.purchased`: the purchase was paid (or a free
 * one claimed) and its lot granted. `credits.low`: a booking's debit left the purchase with at most
 * one usable credit (`remaining`). `package.refunded`: the payment was refunded in full (or the
 * specialist refunded it from Slotwise) and the lot's unspent credits (`revoked`, possibly 0) taken back.
 * `package.refund_issued`: one refund of the purchase's payment succeeded at the provider (once per
 * refund, whichever road it was learnt by), with the credits it removed now and those already spent.
 * `package.refund_failed`: a refund the provider had created failed afterwards; `restored` credits came back.
 */
export type PackageEventPayload =
  | { event: { id: string; type: 'package.purchased'; at: string }; purchase: PurchaseSnapshot; lot: LotSnapshot }
  | { event: { id: string; type: 'package.refunded'; at: string }; purchase: PurchaseSnapshot; lot: LotSnapshot; revoked: number }
  | { event: { id: string; type: 'credits.low'; at: string; bookingId: string }; purchase: PurchaseSnapshot; lot: LotSnapshot; remaining: number }
  | { event: { id: string; type: 'package.refund_issued'; at: string }; purchase: PurchaseSnapshot; lot: LotSnapshot; refund: RefundSnapshot; credits: { removed: number; booked: number } }
  | { event: { id: string; type: 'package.refund_failed'; at: string }; purchase: PurchaseSnapshot; lot: LotSnapshot; refund: RefundSnapshot; credits: { restored: number } };

type Happened =
  | { type: 'package.purchased'; lot: LotSnapshot }
  | { type: 'package.refunded'; lot: LotSnapshot; revoked: number }
  | { type: 'credits.low'; lot: LotSnapshot; bookingId: string; remaining: number }
  | { type: 'package.refund_issued'; lot: LotSnapshot; refund: RefundSnapshot; credits: { removed: number; booked: number } }
  | { type: 'package.refund_failed'; lot: LotSnapshot; refund: RefundSnapshot; credits: { restored: number } };

/**
 * The insert of a package event's outbox row as an unexecuted query on `db`, `packageName` read
 * beforehand, for the guarded batch that writes what it tells of (the grant, the debit, the revoke…):
 * the event exists exactly when that does. These are not booking changes: they do not take the one
 * road (`bookings/road.ts`), and the row names the purchase instead of a booking (`booking_id` and
 * `event_id` stay null).
 */
export function packageEventQuery(db: Drizzle, purchase: PackagePurchaseRow, packageName: string, happened: Happened, now: number) {
  return db.insert(outbox).values(packageEventRow(purchase, packageName, happened, now));
}

function packageEventRow(purchase: PackagePurchaseRow, packageName: string, happened: Happened, now: number): typeof outbox.$inferInsert {
  const id = newId('msg');
  const snapshot = purchaseSnapshot(purchase, packageName);
  const at = isoInstant(now);
  const payload = payloadOf(happened, { id, at }, snapshot);
  return {
    id,
    topic: happened.type,
    bookingId: null,
    eventId: null,
    purchaseId: purchase.id,
    specialistId: purchase.specialistId,
    payload,
    createdAt: now,
  };
}

/** The outbox payload of what happened: the event's head, the purchase as it is now, and the rest as told. */
function payloadOf(happened: Happened, head: { id: string; at: string }, purchase: PurchaseSnapshot): PackageEventPayload {
  switch (happened.type) {
    case 'credits.low': {
      const { type, bookingId, ...rest } = happened;
      return { event: { ...head, type, bookingId }, purchase, ...rest };
    }
    case 'package.purchased': {
      const { type, ...rest } = happened;
      return { event: { ...head, type }, purchase, ...rest };
    }
    case 'package.refunded': {
      const { type, ...rest } = happened;
      return { event: { ...head, type }, purchase, ...rest };
    }
    case 'package.refund_issued': {
      const { type, ...rest } = happened;
      return { event: { ...head, type }, purchase, ...rest };
    }
    case 'package.refund_failed': {
      const { type, ...rest } = happened;
      return { event: { ...head, type }, purchase, ...rest };
    }
  }
}
