import type { BookingCreate, BookingCreated } from '@slotwise/sdk/contract';
import type { z } from 'zod';
import { and, type SQL } from 'drizzle-orm';
import { commitCount, guardedBatch, optimistic, RETRY } from '../../db/batch.js';
import { payments, type BookingRow, type PaymentRow, type ServiceRow, type SpecialistRow } from '../../db/schema.js';
import { isoInstant, MINUTE_MS } from '../../domain/civil.js';
import { outsideBusyOf } from '../availability/slots.js';
import { versionStill } from '../availability/version.js';
import { chooseDuration, originAllowed, originNotAllowed } from '../catalog/catalog.js';
import { assertAccepting } from '../catalog/standing.js';
import type { ServiceDeps } from '../deps.js';
import { hashToken, newId, newSecretToken } from '../ids.js';
import { writeContention } from '../errors.js';
import { ledgerStill, type PurchaseLot } from '../packages/credits.js';
import { creditIn, debitQueries, type CreditFacts } from '../packages/credit-spend.js';
import { chargeAt, paymentValues, payThen, priceChanged, sameCharge, type Charge } from '../payments/checkout.js';
import { customerConfirmationQueued } from '../mail/recipients.js';
import { toBookingPayment } from '../payments/records.js';
import { presentOwn } from './present.js';
import { openBookingQueries } from './road.js';
import { occupiedBy } from '../../domain/occupancy.js';
import { forget, recallShared, share } from './warm.js';
import { roomStill } from './seats.js';
import { assertOpen, seatOf } from './slot-check.js';
import { holdLimits, holdsStillAllowed } from './hold-cap.js';
import { apply, redemptionQuery, redemptionStill, type Applied } from '../promo/apply.js';
import { codeIn, promoStill } from '../promo/promo-facts.js';
import { snapshot, type Snapshot } from './snapshot.js';
import { assertMoneyAllows, moneyStill, type MoneyFacts } from './money-facts.js';
import { bookingValues, knownOf, rulesGuard, warmCheck, type Known, type Values } from './first-try.js';

type CreateInput = z.output<typeof BookingCreate>;

export interface CreateContext {
  /** The `Origin` header of a browser's request, checked against the specialist's embed origins. */
  origin?: string | undefined;
  /** SHA-256 of the client's address, for the limit on simultaneous holds. */
  clientHash: string;
  /** SHA-256 of the body's `visitor` id (the widget's), for the per-visitor limit on holds. */
  visitorHash?: string | undefined;
}

/** What the request asks for, from one snapshot (or remembered rules and the money facts read). */
interface Plan {
  specialist: SpecialistRow;
  service: ServiceRow;
  minutes: number;
  price: number;
  credit: PurchaseLot | undefined;
  /** The credits token's purchase and ledger as read, with `credit`. */
  ledger: CreditFacts | undefined;
  /** The promo code applied (`price` is after it); none when a credit pays. */
  promo: Applied | undefined;
  /** Set when money is due: the booking is held until it is paid. */
  charge: Charge | undefined;
  /** What taking the money was checked against: set with `charge`. */
  money: MoneyFacts | undefined;
}

type Basis = Pick<Snapshot, 'specialist' | 'service' | 'money' | 'credit' | 'promo'>;

function plan(deps: ServiceDeps, snap: Basis, input: CreateInput, creditTokenHash: string | undefined, now: number): Plan {
  const { specialist, service, money } = snap;
  assertAccepting(specialist);
  const option = chooseDuration(service, input.duration, 'body');
  const ledger = creditTokenHash ? snap.credit : undefined;
  const credit = ledger ? creditIn(ledger, { specialist, serviceId: service.id, serviceName: service.name, customerEmail: input.customer.email, now }) : undefined;
  // A credit pays for it, or it is free: no money changes hands, and a promo code has nothing to
  // take off — nor is a use of it spent (a single-use code typed on a free intro call stays for the paid session).
  const promo = input.promoCode && snap.promo && option.price > 0 ? apply(codeIn(snap.promo, service, input.promoCode, now), option.price, service.currency) : undefined;
  const price = credit ? 0 : promo ? promo.price : option.price;
  const base = { specialist, service, minutes: option.minutes, price, credit, ledger, promo, charge: undefined, money: undefined };
  if (price === 0) return base;
  // Read with the snapshot whenever no credit token came, and a credit makes the price 0.
  if (!money) throw new Error('a priced booking is planned from a snapshot with its money facts');
  assertMoneyAllows(money, specialist, holdLimits(deps));
  return { ...base, charge: chargeAt(specialist, price, service.currency, input.customer.email, money.feeBps), money };
}

/** The provider's intent a held booking's payment row points at. */
interface Paid {
  intentId: string;
  charge: Charge;
  paymentId: string;
}

/**
 * Books `input.start` if it is an open slot: `confirmed` at once for a free session or one paid
 * with a package credit, `held` (for `holdMinutes`) for a priced one until payment confirms it.
 *
 * The write is ONE guarded batch (`db/batch.ts`), no interactive transaction. A write checked
 * against a snapshot read is guarded by the specialist's availability version (every write that
 * can change this calendar's slots moves it, by trigger), the credit ledger's size, the hold caps
 * and a promo code's uses; a refused guard writes nothing and the try starts over from a fresh
 * snapshot (`MAX_ATTEMPTS`); a snapshot in which the time is gone answers `slot_unavailable`. So
 * of any number of concurrent requests for a time exactly one wins, and a credit is spent once.
 *
 * Fewer round trips where the rules are known (`first-try.ts`): a write checked against rules
 * remembered from an earlier read (`warm.ts`) — or, for a priced booking, read by its snapshot
 * before the provider's round trip — is guarded instead by the rules version and by the database
 * counting room and caps itself (`rulesGuard`), plus the money facts for a priced one; bookings of
 * different times then never refuse each other. Anything such a try cannot settle goes the
 * snapshot way, which alone answers a refusal. So a free booking with remembered rules is ONE
 * round trip; a priced one is the snapshot (with the money facts: whatever would be refused is
 * refused before the provider is asked), the provider's intent (`payThen`: a provider failure
 * stores nothing; a refusal cancels the intent), then ONE write.
 */
export async function createBooking(deps: ServiceDeps, input: CreateInput, ctx: CreateContext): Promise<BookingCreated> {
  const { database } = deps;
  const db = database.db;
  const now = deps.clock();
  const start = Date.parse(input.start);
  const manageToken = newSecretToken('bmt');
  const manageTokenHash = await hashToken(manageToken);
  const creditTokenHash = input.credit ? await hashToken(input.credit.token) : undefined;
  const asker = { ...ctx, email: input.customer.email };
  const id = newId('bk');
  const values: Values = { id, holdExpiresAt: null, clientHash: ctx.clientHash, visitorHash: ctx.visitorHash ?? null, creditLotId: null, manageTokenHash, createdAt: now };
  const confirmed = (row: BookingRow, snap: Pick<Snapshot, 'specialist' | 'service'>): BookingCreated => ({
    booking: presentOwn(row, snap.specialist, snap.service, null, deps),
    manageToken,
    paymentSession: null,
    notifications: { email: customerConfirmationQueued(deps) ? 'queued' : 'off' },
  });

  /** Writes the booking planned by `current` (held with `paid`'s payment row when money is due) behind `guard`. */
  const write = async (current: Plan, guard: (row: BookingRow) => SQL, paid: Paid | undefined) => {
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
    const debit = current.credit ? debitQueries(db, current.ledger!, current.credit, row, now) : [];
    const redemption = current.promo ? [redemptionQuery(db, current.promo, row.id, row.customerEmail, now)] : [];
    const payment = paid ? [db.insert(payments).values(paymentValues(paid.charge, { id: paid.paymentId, specialistId: row.specialistId, intentId: paid.intentId, mode: deps.payments.mode, bookingId: row.id }, now)).returning()] : [];
    const written = await guardedBatch(database, guard(row), [...queries, ...debit, ...redemption, ...payment]);
    if (!written) return undefined;
    const [paymentRow] = paid ? (written.at(-1) as PaymentRow[]) : [];
    return { row, snap: { specialist: current.specialist, service: current.service }, payment: paymentRow ? toBookingPayment(paymentRow, []) : null };
  };
  type Done = NonNullable<Awaited<ReturnType<typeof write>>>;

  // A credit or a promo code needs the snapshot: a first try on remembered rules is for plain free bookings.
  const warm = creditTokenHash || input.promoCode ? undefined : await recallShared(database, deps.slotCache.shared, input.specialist, input.service, now);
  const allowed = warm && (await warmCheck(deps, warm, input, ctx.origin, start, now));
  if (warm && allowed && allowed.option.price === 0) {
    const current: Plan = { specialist: warm.specialist, service: warm.service, minutes: allowed.option.minutes, price: 0, credit: undefined, ledger: undefined, promo: undefined, charge: undefined, money: undefined };
    const done = await write(current, (row) => rulesGuard(knownOf(warm), row, now), undefined);
    if (done) return confirmed(done.row, warm);
    forget(database, warm.specialist.handle, warm.service.id);
  }

  /**
   * One try on a snapshot (the first one again when this process committed nothing since it
   * was read): everything checked on it, then the batch guarded by its availability version.
   */
  const commits = commitCount(database);
  const readAt = commits(); // before the read: a commit landing during it makes the first try read again
  const pays = creditTokenHash ? { creditTokenHash } : { asker, promo: input.promoCode ? { text: input.promoCode, email: input.customer.email } : undefined };
  const first = await snapshot(database, input, start, now, pays);
  const { specialist } = first;
  if (ctx.origin && !originAllowed(specialist, ctx.origin)) {
    throw originNotAllowed(ctx.origin, specialist.handle);
  }
  // The rules just read serve the other isolates' first bookings too (at the edge).
  await share(deps.slotCache.shared, first.warm, now);
  const firstPlan = plan(deps, first, input, creditTokenHash, now);
  // Outside calendars are fetched once, before any try: they are I/O, and no version covers them.
  const outside = (await outsideBusyOf(deps, first.feeds, specialist, start, start + 1)).busy;
  const check = (snap: Snapshot, p: Plan) => assertOpen(snap.facts, { specialist: p.specialist, service: p.service, minutes: p.minutes, start, outside, now, label: input.start });
  const attempt = async (reuse: boolean, paid?: Paid): Promise<Done | typeof RETRY> => {
    const snap = reuse ? first : await snapshot(database, input, start, now, pays);
    const current = reuse ? firstPlan : plan(deps, snap, input, creditTokenHash, now);
    if (paid && (!current.charge || !sameCharge(current.charge, paid.charge))) throw priceChanged();
    if (!paid && current.charge) throw priceChanged();
    check(snap, current);
    const guard = (row: BookingRow) => {
      const seat = seatOf(current.service, row.startAt, row.endAt);
      return and(
        versionStill(snap.specialist.id, snap.specialist.availabilityVersion),
        // A seat's room counted by the database itself, too: the rule holds even were the version to miss a write.
        seat ? roomStill(snap.specialist.id, occupiedBy(row), now, seat) : undefined,
        current.credit ? ledgerStill(current.credit.purchase.id, current.ledger!.entries.length) : undefined,
        paid ? holdsStillAllowed(holdLimits(deps), asker, now) : undefined,
        // The code's uses are counted in this batch: of two customers racing for its last use, one wins.
        current.promo ? redemptionStill(current.promo.code, row.customerEmail, now) : undefined,
        current.promo ? promoStill(current.promo.code, row.customerEmail, now) : undefined,
      )!;
    };
    return (await write(current, guard, paid)) ?? RETRY;
  };

  if (!firstPlan.charge) {
    const done = await optimistic(database, specialist.id, (n) => attempt(n === 0 && commits() === readAt), writeContention);
    return confirmed(done.row, done.snap);
  }
  // Money is due: refuse what would be refused anyway before asking the provider for anything.
  check(first, firstPlan);
  const charge = firstPlan.charge;
  // The write after the provider's round trip needs no second read: it is checked against the
  // snapshot's rules and guarded as a first try is, plus the money and the promo code as read.
  const known: Known = { rulesVersion: specialist.rulesVersion, specialist, service: first.service, timeZone: first.facts.availability.timeZone };
  const promo = firstPlan.promo;
  const alsoStill = (row: BookingRow) =>
    and(moneyStill(specialist.id, firstPlan.money!, holdLimits(deps), asker, now), promo ? redemptionStill(promo.code, row.customerEmail, now) : undefined, promo ? promoStill(promo.code, row.customerEmail, now) : undefined)!;
  const paymentId = newId('pay');
  const { result: done, intent } = await payThen(
    deps,
    charge,
    { key: `booking-${id}`, paymentId, specialistId: specialist.id, description: `${first.service.name} on ${isoInstant(start)}`, metadata: { booking_id: id } },
    async (created) => {
      const paid = { intentId: created.id, charge, paymentId };
      // First without a read: the rules as known, room and caps counted and the money facts checked by the database.
      const quick = await write(firstPlan, (row) => rulesGuard(known, row, now, alsoStill(row)), paid);
      // Otherwise the provider's answer took a while: every try reads a fresh snapshot.
      return quick || optimistic(database, specialist.id, () => attempt(false, paid), writeContention);
    },
  );
  const row = done.row;
  return {
    booking: presentOwn(row, done.snap.specialist, done.snap.service, done.payment, deps),
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
