import type { CustomerErased } from '@slotwise/sdk/contract';
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Query } from '../../db/shaped.js';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { guardedBatch, optimistic, RETRY } from '../../db/batch.js';
import type { Database, Drizzle } from '../../db/client.js';
import {
  bookingEvents,
  bookings,
  creditLedger,
  promoRedemptions,
  customerTokens,
  deliveries,
  emailOptOuts,
  idempotencyKeys,
  notifications,
  outbox,
  packagePurchases,
  payments,
  reviews,
  type BookingRow,
  type NotificationRow,
} from '../../db/schema.js';
import { contendedChange } from '../bookings/guarded-change.js';
import { eraseCustomerBookingsQueries, type ErasedCustomer } from '../bookings/road.js';
import type { ServiceDeps } from '../deps.js';
import { keyedHash } from '../ids.js';
import { ACCESS_LINK } from '../customers/access-events.js';

/** The name every erased customer is shown as. */
export const ERASED_NAME = 'Erased customer';

/**
 * The address that stands in for an erased one: `erased-<24 hex>@invalid` (RFC 2606: `.invalid`
 * never delivers). A keyed hash (the server's secrets key), so it cannot be turned back into the
 * address by trying likely ones, and the same person erased twice stays one (anonymous) customer.
 */
export async function erasedAddress(secret: string, email: string): Promise<string> {
  const bytes = await keyedHash(secret, 'erasure', email.toLowerCase());
  return `erased-${Array.from(bytes.slice(0, 12), (b) => b.toString(16).padStart(2, '0')).join('')}@invalid`;
}

/** Replaces, at any depth, every string equal to a key of `map` (exact matches only: no substrings of other text). */
function scrub(value: unknown, map: ReadonlyMap<string, string | null>): unknown {
  if (typeof value === 'string') return map.has(value) ? map.get(value) : value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, map));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, map)]));
  return value;
}

/**
 * A delivery's data scrubbed: its values, and a webhook's `body` — the JSON as sent, kept to be
 * redelivered — inside, so a booking's or a review's webhook keeps no name, address or words of theirs.
 */
function scrubData(data: Record<string, unknown>, map: ReadonlyMap<string, string | null>): Record<string, unknown> {
  const out = scrub(data, map) as Record<string, unknown>;
  if (typeof out.body === 'string') {
    try {
      out.body = JSON.stringify(scrub(JSON.parse(out.body), map));
    } catch {
      /* not JSON: left as scrubbed above */
    }
  }
  return out;
}

/** Messages to the customer not sent yet: never sent now (there is no address to send them to). */
const UNSENT = ['pending', 'failed'] as const;

/** What the erasure reads about one address, and the guard that it is still all there is. */
interface Snapshot {
  booked: BookingRow[];
  purchased: { id: string; customerName: string; specialistId: string }[];
  paid: number;
  outboxRows: { id: string; payload: Record<string, unknown> }[];
  messages: { id: string; status: string; recipient: string; data: Record<string, unknown> }[];
  notices: NotificationRow[];
  /** What they wrote in reviews of their bookings, and the specialist's answers (which may quote them): copied into review webhooks. */
  reviewTexts: string[];
  /** Nothing of theirs added, sent or changed since the reads: the batch's guard. */
  still: SQL;
}

const count = (table: SQLiteTable, where: SQL | undefined) => sql`(select count(*) from ${table} where ${where ?? sql`1`})`;

async function snapshot(db: Drizzle, email: string): Promise<Snapshot> {
  const [booked, purchased, paid] = await Promise.all([
    db.select().from(bookings).where(eq(bookings.customerEmail, email)),
    db.select({ id: packagePurchases.id, customerName: packagePurchases.customerName, specialistId: packagePurchases.specialistId }).from(packagePurchases).where(eq(packagePurchases.customerEmail, email)),
    db.select({ id: payments.id }).from(payments).where(eq(payments.customerEmail, email)),
  ]);
  const bookingIds = booked.map((b) => b.id);
  const purchaseIds = purchased.map((p) => p.id);
  const phones = booked.flatMap((b) => (b.customerPhone ? [b.customerPhone] : []));
  // A "My bookings" link's row names the address and nothing else.
  const linkRows = and(eq(outbox.topic, ACCESS_LINK), sql`instr(${outbox.payload}, ${email}) > 0`);
  const aboutThem = or(bookingIds.length ? inArray(outbox.bookingId, bookingIds) : undefined, purchaseIds.length ? inArray(outbox.purchaseId, purchaseIds) : undefined, linkRows);
  const toThem = inArray(deliveries.recipient, [email, ...phones]);
  const theirMessages = bookingIds.length ? or(toThem, inArray(deliveries.bookingId, bookingIds)) : toThem;
  const unsent = and(theirMessages, inArray(deliveries.status, [...UNSENT]));
  // A booking's notices name the booking; a package sale's name the purchase in their data.
  const theirNotices = or(
    bookingIds.length ? inArray(notifications.bookingId, bookingIds) : undefined,
    purchaseIds.length ? inArray(sql`json_extract(${notifications.data}, '$.purchaseId')`, purchaseIds) : undefined,
  ) ?? sql`0`;
  const theirEvents = bookingIds.length ? inArray(bookingEvents.bookingId, bookingIds) : sql`0`;
  const [outboxRows, messages, notices, [events], written] = await Promise.all([
    db.select({ id: outbox.id, payload: outbox.payload }).from(outbox).where(aboutThem),
    db.select({ id: deliveries.id, status: deliveries.status, recipient: deliveries.recipient, data: deliveries.data }).from(deliveries).where(theirMessages),
    db.select().from(notifications).where(theirNotices),
    db.select({ n: sql<number>`count(*)` }).from(bookingEvents).where(theirEvents),
    bookingIds.length ? db.select({ text: reviews.text, response: reviews.response }).from(reviews).where(inArray(reviews.bookingId, bookingIds)) : Promise.resolve([]),
  ]);
  const unsentNow = messages.filter((m) => (UNSENT as readonly string[]).includes(m.status)).length;
  const still = and(
    sql`${count(bookings, eq(bookings.customerEmail, email))} = ${booked.length}`,
    sql`${count(bookingEvents, theirEvents)} = ${events!.n}`,
    sql`${count(packagePurchases, eq(packagePurchases.customerEmail, email))} = ${purchased.length}`,
    sql`${count(payments, eq(payments.customerEmail, email))} = ${paid.length}`,
    sql`${count(outbox, aboutThem)} = ${outboxRows.length}`,
    sql`${count(deliveries, theirMessages)} = ${messages.length}`,
    sql`${count(deliveries, unsent)} = ${unsentNow}`,
    sql`${count(notifications, theirNotices)} = ${notices.length}`,
  )!;
  return { booked, purchased, paid: paid.length, outboxRows: outboxRows as Snapshot['outboxRows'], messages: messages as Snapshot['messages'], notices, reviewTexts: written.flatMap((r) => [r.text, r.response ?? '']).filter(Boolean), still };
}

/** Every statement of the erasure, computed from the snapshot: rows replaced in place, by id. */
function eraseQueries(db: Drizzle, email: string, erased: ErasedCustomer, snap: Snapshot, now: number): { queries: Query[]; messagesStopped: number } {
  const { booked, purchased } = snap;
  // What they wrote and who they are, wherever a message carries it: exact values only.
  const map = new Map<string, string | null>([[email, erased.email]]);
  for (const b of booked) {
    map.set(b.customerName, erased.name);
    if (b.customerPhone) map.set(b.customerPhone, null);
    if (b.notes) map.set(b.notes, '');
    if (b.sharedNotes) map.set(b.sharedNotes, null);
  }
  for (const p of purchased) map.set(p.customerName, erased.name);
  for (const text of snap.reviewTexts) map.set(text, '');
  const phones = booked.flatMap((b) => (b.customerPhone ? [b.customerPhone] : []));
  const queries: Query[] = [
    ...eraseCustomerBookingsQueries(db, booked.map((b) => b.id), erased),
    db.update(packagePurchases).set({ customerEmail: erased.email, customerName: erased.name }).where(eq(packagePurchases.customerEmail, email)),
    db.update(creditLedger).set({ customerEmail: erased.email }).where(eq(creditLedger.customerEmail, email)),
    db.update(payments).set({ customerEmail: erased.email }).where(eq(payments.customerEmail, email)),
    // Their uses of promo codes keep counting against the codes' totals, under the erased address.
    db.update(promoRedemptions).set({ customerEmail: erased.email }).where(eq(promoRedemptions.customerEmail, email)),
    db.update(emailOptOuts).set({ email: erased.email }).where(eq(emailOptOuts.email, email)),
    // Their "My bookings" links and sessions: gone, so no link or session of theirs works again.
    db.delete(customerTokens).where(eq(customerTokens.customerEmail, email)),
  ];
  // What they wrote in a review goes; the rating stays, so the specialist's average stays true.
  // (The reviewer's name is read from the booking, renamed above.)
  // Their reviews keep the rating; their words go, and so does the specialist's public answer to
  // them (written to them, it may name them, like the shared notes).
  if (booked.length > 0) queries.push(db.update(reviews).set({ text: '', response: null, respondedAt: null }).where(inArray(reviews.bookingId, booked.map((b) => b.id))));
  for (const row of snap.outboxRows) queries.push(db.update(outbox).set({ payload: scrub(row.payload, map) as Record<string, unknown> }).where(eq(outbox.id, row.id)));
  let messagesStopped = 0;
  for (const m of snap.messages) {
    const mine = m.recipient === email || phones.includes(m.recipient);
    const stop = mine && (UNSENT as readonly string[]).includes(m.status);
    if (stop) messagesStopped++;
    queries.push(
      db
        .update(deliveries)
        .set({
          data: scrubData(m.data, map),
          ...(mine ? { recipient: erased.email } : {}),
          ...(stop ? { status: 'skipped' as const, lastError: 'The customer’s personal data was erased.', updatedAt: now } : {}),
        })
        .where(eq(deliveries.id, m.id)),
    );
  }
  for (const n of snap.notices) {
    let { title, body } = n;
    for (const name of [...booked.map((b) => b.customerName), ...purchased.map((p) => p.customerName)]) {
      title = title.replaceAll(name, erased.name);
      body = body.replaceAll(name, erased.name);
    }
    queries.push(db.update(notifications).set({ title, body, data: scrub(n.data, map) as Record<string, unknown> }).where(eq(notifications.id, n.id)));
  }
  // Stored answers of recent POSTs (replayed for retries) may hold the booking as it was answered.
  queries.push(
    db
      .update(idempotencyKeys)
      .set({ responseBody: sql`replace(${idempotencyKeys.responseBody}, ${email}, ${erased.email})` })
      .where(and(sql`instr(${idempotencyKeys.responseBody}, ${email}) > 0`)),
  );
  return { queries, messagesStopped };
}

/**
 * The erasure as a snapshot and ONE guarded batch (`db/batch.ts`), on every engine D1 included:
 * the reads, every replacement computed from them, written all or nothing behind a guard that
 * nothing of theirs was added, sent or changed meanwhile (a booking made, a message sent, a
 * notice written…); else read again (≤ 6 tries, then `503 write_contention`, nothing erased).
 */
async function eraseAll(database: Database, email: string, erased: ErasedCustomer, now: number): Promise<Omit<CustomerErased, 'placeholder'>> {
  const db = database.db;
  return optimistic(
    database,
    `erase:${email}`,
    async () => {
      const snap = await snapshot(db, email);
      const { queries, messagesStopped } = eraseQueries(db, email, erased, snap, now);
      if (!(await guardedBatch(database, snap.still, queries))) return RETRY;
      const specialists = new Set([...snap.booked.map((b) => b.specialistId), ...snap.purchased.map((p) => p.specialistId)]);
      return { bookings: snap.booked.length, purchases: snap.purchased.length, payments: snap.paid, messagesStopped, specialists: specialists.size };
    },
    contendedChange,
  );
}

/**
 * Erases one customer's personal data on their request, across every specialist, in one guarded
 * batch (one person's records are few): name, email, phone and what they wrote, in their
 * bookings (with what their specialists shared with them: shared notes and recording links) (and the reasons they gave on the events), package purchases, credit ledger, payments,
 * opt-outs, the outbox payloads and deliveries about them, the specialists' in-app notices and
 * stored idempotent answers — replaced by `erasedAddress` and "Erased customer". Messages to them
 * not yet sent are skipped. Amounts, dates, ids, statuses and payment provider references stay
 * (the records the law requires); nothing is cancelled; their time zone and language stay (not
 * identifying alone, and past times stay readable). Erasing again finds nothing: all counts 0.
 * Logged with who and how many, never the address.
 */
export async function eraseCustomer(deps: ServiceDeps, email: string, operatorAccountId: string): Promise<CustomerErased> {
  const address = email.toLowerCase();
  const placeholder = await erasedAddress(deps.secretsKey, address);
  const now = deps.clock();
  const counts = await eraseAll(deps.database, address, { name: ERASED_NAME, email: placeholder }, now);
  deps.log({ level: 'info', msg: 'customer erased', by: operatorAccountId, at: new Date(now).toISOString(), placeholder, ...counts });
  return { placeholder, ...counts };
}
