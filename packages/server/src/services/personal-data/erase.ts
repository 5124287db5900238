import type { CustomerErased } from '@slotwise/sdk/contract';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { creditLedger, customerTokens, deliveries, emailOptOuts, idempotencyKeys, notifications, outbox, packagePurchases, payments } from '../../db/schema.js';
import { eraseCustomerBookings, type ErasedCustomer } from '../bookings/road.js';
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

/** Messages to the customer not sent yet: never sent now (there is no address to send them to). */
const UNSENT = ['pending', 'failed'] as const;

async function eraseIn(tx: Tx, email: string, erased: ErasedCustomer, now: number): Promise<Omit<CustomerErased, 'placeholder'>> {
  const booked = await eraseCustomerBookings(tx, email, erased);
  const purchased = await tx.update(packagePurchases).set({ customerEmail: erased.email, customerName: erased.name }).where(eq(packagePurchases.customerEmail, email)).returning();
  await tx.update(creditLedger).set({ customerEmail: erased.email }).where(eq(creditLedger.customerEmail, email));
  const paid = await tx.update(payments).set({ customerEmail: erased.email }).where(eq(payments.customerEmail, email)).returning({ id: payments.id });
  await tx.update(emailOptOuts).set({ email: erased.email }).where(eq(emailOptOuts.email, email));
  // Their "My bookings" links and sessions: gone, so no link or session of theirs works again.
  await tx.delete(customerTokens).where(eq(customerTokens.customerEmail, email));

  // What they wrote and who they are, wherever a message carries it: exact values only.
  const map = new Map<string, string | null>([[email, erased.email]]);
  for (const b of booked) {
    map.set(b.customerName, erased.name);
    if (b.customerPhone) map.set(b.customerPhone, null);
    if (b.notes) map.set(b.notes, '');
    if (b.sharedNotes) map.set(b.sharedNotes, null);
  }
  for (const p of purchased) map.set(p.customerName, erased.name);
  const bookingIds = booked.map((b) => b.id);
  const purchaseIds = purchased.map((p) => p.id);
  const phones = booked.flatMap((b) => (b.customerPhone ? [b.customerPhone] : []));

  const about = (ids: { booking: string[]; purchase: string[] }) =>
    or(ids.booking.length ? inArray(outbox.bookingId, ids.booking) : undefined, ids.purchase.length ? inArray(outbox.purchaseId, ids.purchase) : undefined);
  // A "My bookings" link's row names the address and nothing else.
  const linkRows = and(eq(outbox.topic, ACCESS_LINK), sql`instr(${outbox.payload}, ${email}) > 0`);
  for (const row of await tx.select({ id: outbox.id, payload: outbox.payload }).from(outbox).where(or(about({ booking: bookingIds, purchase: purchaseIds }), linkRows))) {
    await tx.update(outbox).set({ payload: scrub(row.payload, map) as Record<string, unknown> }).where(eq(outbox.id, row.id));
  }
  const toThem = inArray(deliveries.recipient, [email, ...phones]);
  const messages = await tx
    .select({ id: deliveries.id, status: deliveries.status, recipient: deliveries.recipient, data: deliveries.data })
    .from(deliveries)
    .where(bookingIds.length ? or(toThem, inArray(deliveries.bookingId, bookingIds)) : toThem);
  let messagesStopped = 0;
  for (const m of messages) {
    const mine = m.recipient === email || phones.includes(m.recipient);
    const stop = mine && (UNSENT as readonly string[]).includes(m.status);
    if (stop) messagesStopped++;
    await tx
      .update(deliveries)
      .set({
        data: scrub(m.data, map) as Record<string, unknown>,
        ...(mine ? { recipient: erased.email } : {}),
        ...(stop ? { status: 'skipped' as const, lastError: 'The customer’s personal data was erased.', updatedAt: now } : {}),
      })
      .where(eq(deliveries.id, m.id));
  }
  if (bookingIds.length) {
    for (const n of await tx.select().from(notifications).where(inArray(notifications.bookingId, bookingIds))) {
      let { title, body } = n;
      for (const b of booked) {
        title = title.replaceAll(b.customerName, erased.name);
        body = body.replaceAll(b.customerName, erased.name);
      }
      await tx.update(notifications).set({ title, body, data: scrub(n.data, map) as Record<string, unknown> }).where(eq(notifications.id, n.id));
    }
  }
  // Stored answers of recent POSTs (replayed for retries) may hold the booking as it was answered.
  await tx
    .update(idempotencyKeys)
    .set({ responseBody: sql`replace(${idempotencyKeys.responseBody}, ${email}, ${erased.email})` })
    .where(and(sql`instr(${idempotencyKeys.responseBody}, ${email}) > 0`));
  const specialists = new Set([...booked.map((b) => b.specialistId), ...purchased.map((p) => p.specialistId)]);
  return { bookings: booked.length, purchases: purchased.length, payments: paid.length, messagesStopped, specialists: specialists.size };
}

/**
 * Erases one customer's personal data on their request, across every specialist, in one write
 * transaction (one person's records are few): name, email, phone and what they wrote, in their
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
  const counts = await deps.database.write((tx) => eraseIn(tx, address, { name: ERASED_NAME, email: placeholder }, now));
  deps.log({ level: 'info', msg: 'customer erased', by: operatorAccountId, at: new Date(now).toISOString(), placeholder, ...counts });
  return { placeholder, ...counts };
}
