import type { BookingCreate, BookingCreated } from '@slotwise/sdk/contract';
import type { z } from 'zod';
import { and } from 'drizzle-orm';
import { commitCount, guardedBatch, optimistic, RETRY } from '../../db/batch.js';
import type { Database, Drizzle, Tx } from '../../db/client.js';
import { payments, type BookingRow, type PaymentRow, type ServiceRow, type SpecialistRow } from '../../db/schema.js';
import { DAY_MS, isoInstant, MINUTE_MS } from '../../domain/civil.js';
import { feedsQuery } from '../availability/rules.js';
import { outsideBusyOf } from '../availability/slots.js';
import { versionStill } from '../availability/version.js';
import { activeServiceFound, activeServiceQuery, chooseDuration, originNotAllowed, specialistFound, specialistIdOf, specialistQuery } from '../catalog/catalog.js';
import { assertAccepting, assertTakesMoney } from '../catalog/standing.js';
import type { ServiceDeps } from '../deps.js';
import { hashToken, newId, newSecretToken } from '../ids.js';
import { writeContention } from '../errors.js';
import { creditFor, debitCreditQueries, ledgerSize, ledgerStill, purchaseByToken, type PurchaseLot } from '../packages/credits.js';
import { chargeFor, paymentValues, payThen, priceChanged, sameCharge, type Charge } from '../payments/checkout.js';
import { customerConfirmationQueued } from '../mail/recipients.js';
import { toBookingPayment } from '../payments/records.js';
import { presentOwn } from './present.js';
import { openBookingQueries, type NewBooking } from './road.js';
import { occupiedBy } from '../../domain/occupancy.js';
import { capsStill, forget, recall, remember, rulesStill, type Warm } from './warm.js';
import { roomStill } from './seats.js';
import { assertOpen, seatOf, slotFactsQueries, toSlotFacts, type SlotFacts } from './slot-check.js';
import { assertHoldAllowed, holdLimits, holdsStillAllowed } from './hold-cap.js';
import { apply, codeForCustomer, redemptionQuery, redemptionStill, type Applied } from '../promo/apply.js';

type CreateInput = z.output<typeof BookingCreate>;
type Reader = Drizzle | Tx;

export interface CreateContext {
  /** The `Origin` header of a browser's request, checked against the specialist's embed origins. */
  origin?: string | undefined;
  /** SHA-256 of the client's address, for the limit on simultaneous holds. */
  clientHash: string;
  /** SHA-256 of the body's `visitor` id (the widget's), for the per-visitor limit on holds. */
  visitorHash?: string | undefined;
}

/**
 * What a creation reads about the calendar, as ONE read batch (`Database.read`): one round trip to
 * a remote database, one consistent snapshot. The specialist's row carries the availability
 * version the guarded write checks; every other query keys on the handle, so none waits for it.
 */
interface Snapshot {
  specialist: SpecialistRow;
  service: ServiceRow;
  feeds: string[];
  facts: SlotFacts;
}

async function snapshot(database: Database, input: CreateInput, start: number, now: number): Promise<Snapshot> {
  const db = database.db;
  const who = specialistIdOf(input.specialist);
  // The longest session is 8 hours: a day after the start covers the candidate's end.
  const [[specialistRow], [serviceRow], feeds, ...facts] = (await database.read([
    specialistQuery(db, input.specialist),
    activeServiceQuery(db, who, input.service),
    feedsQuery(db, who),
    ...slotFactsQueries(db, who, input.service, start, start + DAY_MS),
  ])) as [SpecialistRow[], ServiceRow[], { url: string }[], ...unknown[]];
  const specialist = specialistFound(specialistRow, input.specialist);
  const service = activeServiceFound(serviceRow, specialist, input.service);
  const snap = { specialist, service, feeds: feeds.map((f) => f.url), facts: toSlotFacts(specialist, service, facts, now) };
  remember(database, { rulesVersion: specialist.rulesVersion, specialist, service, feeds: snap.feeds, availability: snap.facts.availability });
  return snap;
}

/** The new booking's row as the request and the checked plan make it. */
type Values = Pick<NewBooking, 'id' | 'holdExpiresAt' | 'clientHash' | 'visitorHash' | 'creditLotId' | 'manageTokenHash' | 'createdAt'>;
function bookingValues(input: CreateInput, p: Pick<Plan, 'specialist' | 'service' | 'minutes' | 'price'> & { promo?: Applied | undefined }, start: number, v: Values): NewBooking {
  return {
    ...v,
    specialistId: p.specialist.id,
    serviceId: p.service.id,
    startAt: start,
    endAt: start + p.minutes * MINUTE_MS,
    durationMinutes: p.minutes,
    bufferBefore: p.service.bufferBefore,
    bufferAfter: p.service.bufferAfter,
    customerName: input.customer.name,
    customerEmail: input.customer.email,
    customerTimeZone: input.customer.timeZone,
    customerLocale: input.customer.locale ?? 'en',
    customerPhone: input.customer.phone ?? null,
    smsConsent: input.customer.smsConsent,
    notes: input.notes ?? '',
    utm: input.utm && Object.keys(input.utm).length > 0 ? input.utm : null,
    price: p.price,
    currency: p.service.currency,
    promoCode: p.promo?.code.code ?? null,
    promoAmountOff: p.promo?.amountOff ?? null,
  };
}

/**
 * The first try of a free booking when this process remembers the specialist's rules
 * (`warm.ts`): checked against them, written as ONE guarded batch — no read. `undefined` when the
 * remembered rules do not allow it or the guard refused: the caller then reads a snapshot, which
 * alone decides a refusal.
 */
async function withoutRead(deps: ServiceDeps, warm: Warm, input: CreateInput, ctx: CreateContext, start: number, v: Values): Promise<BookingRow | undefined> {
  const { specialist, service } = warm;
  const now = v.createdAt;
  if (specialist.status !== 'active') return undefined;
  if (ctx.origin && specialist.allowedOrigins.length > 0 && !specialist.allowedOrigins.includes(ctx.origin)) return undefined;
  const option = input.duration === undefined ? service.durations[0] : service.durations.find((d) => d.minutes === input.duration);
  if (!option || option.price > 0) return undefined;
  const outside = (await outsideBusyOf(deps, warm.feeds, specialist, start, start + 1)).busy;
  try {
    assertOpen({ availability: warm.availability, counted: [], booked: [] }, { specialist, service, minutes: option.minutes, start, outside, now, label: input.start });
  } catch {
    return undefined;
  }
  const { database } = deps;
  const { row, queries } = openBookingQueries(database.db, bookingValues(input, { specialist, service, minutes: option.minutes, price: 0 }, start, v), { action: 'book', actor: 'customer' }, now);
  // Caps are not checked here (the remembered rules have no counts): the database counts at commit.
  const room = roomStill(specialist.id, occupiedBy(row), now, seatOf(service, row.startAt, row.endAt));
  const guard = and(rulesStill(specialist.id, warm.rulesVersion), room, capsStill(service, start, warm.availability.timeZone, now))!;
  const written = await guardedBatch(database, guard, queries);
  if (written) return row;
  forget(database, specialist.handle, service.id);
  return undefined;
}

/** What the request asks for, from one snapshot (plus the money and credit reads it needs). */
interface Plan {
  specialist: SpecialistRow;
  service: ServiceRow;
  minutes: number;
  price: number;
  credit: PurchaseLot | undefined;
  /** The promo code applied (`price` is after it); none when a credit pays. */
  promo: Applied | undefined;
  /** Set when money is due: the booking is held until it is paid. */
  charge: Charge | undefined;
}

async function plan(deps: ServiceDeps, db: Reader, snap: Snapshot, input: CreateInput, ctx: CreateContext, creditTokenHash: string | undefined, now: number): Promise<Plan> {
  const { specialist, service } = snap;
  assertAccepting(specialist);
  const option = chooseDuration(service, input.duration);
  const credit = creditTokenHash
    ? await creditFor(db, { tokenHash: creditTokenHash, specialist, serviceId: service.id, serviceName: service.name, customerEmail: input.customer.email, now })
    : undefined;
  // A credit pays for it: no money changes hands, and a promo code has nothing to take off.
  const promo = input.promoCode && !credit ? apply(await codeForCustomer(db, specialist, service, input.promoCode, input.customer.email, now), option.price, service.currency) : undefined;
  const price = credit ? 0 : promo ? promo.price : option.price;
  if (price > 0) await assertTakesMoney(db, specialist);
  const charge = price > 0 ? await chargeFor(db, specialist, price, service.currency, input.customer.email) : undefined;
  if (charge) await assertHoldAllowed(db, holdLimits(deps), { ...ctx, email: input.customer.email }, now);
  return { specialist, service, minutes: option.minutes, price, credit, promo, charge };
}

/**
 * Books `input.start` if it is an open slot: `confirmed` at once for a free session or one paid
 * with a package credit, `held` (for `holdMinutes`) for a priced one until payment confirms it.
 *
 * The write is ONE guarded batch (`db/batch.ts`), no interactive transaction: each try reads a
 * snapshot — the specialist's availability version first, the credit ledger's size, then the
 * plan and the slot check — and writes the booking, its event and outbox row, the credit's debit
 * (and `credits.low`) and the payment row in one batch behind a guard the database checks: the
 * version unchanged (every write that can change this calendar's slots moves it, by trigger),
 * the ledger unchanged, the hold caps still allowing one more. A refused guard writes nothing and
 * the try starts over from a fresh snapshot (`MAX_ATTEMPTS`); a snapshot in which the time is
 * gone answers `slot_unavailable`. So of any number of concurrent requests for a time exactly one
 * wins, and a credit is spent once. For a priced session the provider's intent is created before
 * the batch (`payThen`): a provider failure stores nothing; a refusal cancels the intent.
 *
 * A free booking's first try skips the snapshot when this process remembers the specialist's
 * rules (`withoutRead`, `warm.ts`): ONE round trip, guarded by the rules version and an overlap
 * check in the database instead of the availability version — bookings of different times no
 * longer refuse each other. Anything that try cannot settle goes the snapshot way above.
 */
export async function createBooking(deps: ServiceDeps, input: CreateInput, ctx: CreateContext): Promise<BookingCreated> {
  const { database } = deps;
  const db = database.db;
  const now = deps.clock();
  const start = Date.parse(input.start);
  const manageToken = newSecretToken('bmt');
  const manageTokenHash = await hashToken(manageToken);
  const creditTokenHash = input.credit ? await hashToken(input.credit.token) : undefined;
  const id = newId('bk');
  const values = { id, holdExpiresAt: null, clientHash: ctx.clientHash, visitorHash: ctx.visitorHash ?? null, creditLotId: null, manageTokenHash, createdAt: now };
  const confirmed = (row: BookingRow, snap: Pick<Snapshot, 'specialist' | 'service'>): BookingCreated => ({
    booking: presentOwn(row, snap.specialist, snap.service, null, deps),
    manageToken,
    paymentSession: null,
    notifications: { email: customerConfirmationQueued(deps) ? 'queued' : 'off' },
  });
  // A credit or a promo code needs the snapshot: the first try without a read is for plain bookings.
  const warm = creditTokenHash || input.promoCode ? undefined : recall(database, input.specialist, input.service);
  const fast = warm && (await withoutRead(deps, warm, input, ctx, start, values));
  if (fast) return confirmed(fast, warm);

  const commits = commitCount(database);
  const readAt = commits(); // before the read: a commit landing during it makes the first try read again
  const first = await snapshot(database, input, start, now);
  const { specialist } = first;
  if (ctx.origin && specialist.allowedOrigins.length > 0 && !specialist.allowedOrigins.includes(ctx.origin)) {
    throw originNotAllowed(ctx.origin, specialist.handle);
  }
  const firstPlan = await plan(deps, db, first, input, ctx, creditTokenHash, now);
  // Outside calendars are fetched once, before any try: they are I/O, and no version covers them.
  const outside = (await outsideBusyOf(deps, first.feeds, specialist, start, start + 1)).busy;
  const check = (snap: Snapshot, p: Plan) => assertOpen(snap.facts, { specialist: p.specialist, service: p.service, minutes: p.minutes, start, outside, now, label: input.start });

  /**
   * One try: a snapshot (the first one again when this process committed nothing since it was
   * read), everything checked on it, then the guarded batch.
   */
  const attempt = async (reuse: boolean, paid?: { intentId: string; charge: Charge; paymentId: string }) => {
    const snap = reuse ? first : await snapshot(database, input, start, now);
    const version = snap.specialist.availabilityVersion;
    const purchase = creditTokenHash ? await purchaseByToken(db, creditTokenHash, 'body.credit.token') : undefined;
    const ledger = purchase ? await ledgerSize(db, purchase.id) : 0;
    const current = reuse && !creditTokenHash ? firstPlan : await plan(deps, db, snap, input, ctx, creditTokenHash, now);
    if (paid && (!current.charge || !sameCharge(current.charge, paid.charge))) throw priceChanged();
    if (!paid && current.charge) throw priceChanged();
    check(snap, current);
    const { row, queries } = openBookingQueries(
      db,
      bookingValues(input, current, start, { ...values, holdExpiresAt: paid ? now + deps.holdMinutes * MINUTE_MS : null, creditLotId: current.credit?.id ?? null }),
      {
        action: paid ? 'hold' : 'book',
        actor: 'customer',
        ...(current.credit ? { data: { credit: { lot: current.credit.id, packagePurchase: current.credit.purchase.id } } } : {}),
        ...(current.promo ? { data: { promo: { code: current.promo.code.code, amountOff: current.promo.amountOff } } } : {}),
      },
      now,
    );
    const debit = current.credit ? await debitCreditQueries(db, current.credit, row, now) : [];
    const redemption = current.promo ? [redemptionQuery(db, current.promo, row.id, row.customerEmail, now)] : [];
    const payment = paid ? [db.insert(payments).values(paymentValues(paid.charge, { id: paid.paymentId, specialistId: row.specialistId, intentId: paid.intentId, mode: deps.payments.mode, bookingId: row.id }, now)).returning()] : [];
    const seat = seatOf(current.service, row.startAt, row.endAt);
    const condition = and(
      versionStill(specialist.id, version),
      // A seat's room counted by the database itself, too: the rule holds even were the version to miss a write.
      seat ? roomStill(specialist.id, occupiedBy(row), now, seat) : undefined,
      purchase ? ledgerStill(purchase.id, ledger) : undefined,
      paid ? holdsStillAllowed(holdLimits(deps), { ...ctx, email: input.customer.email }, now) : undefined,
      // The code's uses are counted in this batch: of two customers racing for its last use, one wins.
      current.promo ? redemptionStill(current.promo.code, row.customerEmail, now) : undefined,
    )!;
    const written = await guardedBatch(database, condition, [...queries, ...debit, ...redemption, ...payment]);
    if (!written) return RETRY;
    const [paymentRow] = paid ? (written.at(-1) as PaymentRow[]) : [];
    return { row, snap, payment: paymentRow ? toBookingPayment(paymentRow, []) : null };
  };
  /** The booking as its customer sees it, from what the try read and wrote: no read after the write. */
  const shown = (done: Exclude<Awaited<ReturnType<typeof attempt>>, typeof RETRY>) => presentOwn(done.row, done.snap.specialist, done.snap.service, done.payment, deps);

  if (!firstPlan.charge) {
    const done = await optimistic(database, specialist.id, (n) => attempt(n === 0 && commits() === readAt), writeContention);
    return confirmed(done.row, done.snap);
  }
  // Money is due: refuse what would be refused anyway before asking the provider for anything.
  check(first, firstPlan);
  const charge = firstPlan.charge;
  const paymentId = newId('pay');
  const { result: done, intent } = await payThen(
    deps,
    charge,
    { key: `booking-${id}`, paymentId, specialistId: specialist.id, description: `${first.service.name} on ${isoInstant(start)}`, metadata: { booking_id: id } },
    // The provider's answer took a while: every try reads a fresh snapshot.
    (created) => optimistic(database, specialist.id, () => attempt(false, { intentId: created.id, charge, paymentId }), writeContention),
  );
  const row = done.row;
  return {
    booking: shown(done),
    manageToken,
    paymentSession: {
      id: paymentId,
      mode: deps.payments.mode,
      publishableKey: deps.payments.publishableKey,
      clientSecret: intent.clientSecret,
      amount: charge.amount,
      currency: charge.currency,
      holdExpiresAt: isoInstant(row.holdExpiresAt!),
    },
    notifications: { email: customerConfirmationQueued(deps) ? 'on_payment' : 'off' },
  };
}
