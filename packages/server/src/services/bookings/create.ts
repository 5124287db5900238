import type { BookingCreate, BookingCreated } from '@slotwise/sdk/contract';
import type { z } from 'zod';
import { and } from 'drizzle-orm';
import { guardedBatch, optimistic, RETRY } from '../../db/batch.js';
import type { Drizzle, Tx } from '../../db/client.js';
import { payments, type ServiceRow, type SpecialistRow } from '../../db/schema.js';
import { isoInstant, MINUTE_MS } from '../../domain/civil.js';
import { outsideBusy } from '../availability/slots.js';
import { availabilityVersion, versionStill } from '../availability/version.js';
import { chooseDuration, findActiveService, findSpecialist, originNotAllowed } from '../catalog/catalog.js';
import { assertAccepting, assertTakesMoney } from '../catalog/standing.js';
import type { ServiceDeps } from '../deps.js';
import { hashToken, newId, newSecretToken } from '../ids.js';
import { writeContention } from '../errors.js';
import { creditFor, debitCreditQueries, ledgerSize, ledgerStill, purchaseByToken, type PurchaseLot } from '../packages/credits.js';
import { chargeFor, paymentValues, payThen, priceChanged, sameCharge, type Charge } from '../payments/checkout.js';
import { customerConfirmationQueued } from '../mail/recipients.js';
import { present } from './present.js';
import { openBookingQueries } from './road.js';
import { assertBookable } from './slot-check.js';
import { assertHoldAllowed, holdLimits, holdsStillAllowed } from './hold-cap.js';

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

/** What the request asks for, read from one snapshot of the database. */
interface Plan {
  specialist: SpecialistRow;
  service: ServiceRow;
  minutes: number;
  price: number;
  credit: PurchaseLot | undefined;
  /** Set when money is due: the booking is held until it is paid. */
  charge: Charge | undefined;
}

async function plan(deps: ServiceDeps, db: Reader, input: CreateInput, ctx: CreateContext, creditTokenHash: string | undefined, now: number): Promise<Plan> {
  const specialist = await findSpecialist(db, input.specialist);
  assertAccepting(specialist);
  const service = await findActiveService(db, specialist, input.service);
  const option = chooseDuration(service, input.duration);
  const credit = creditTokenHash
    ? await creditFor(db, { tokenHash: creditTokenHash, specialist, serviceId: service.id, serviceName: service.name, customerEmail: input.customer.email, now })
    : undefined;
  const price = credit ? 0 : option.price; // a credit pays for it: no money changes hands
  if (price > 0) await assertTakesMoney(db, specialist);
  const charge = price > 0 ? await chargeFor(db, specialist, price, service.currency, input.customer.email) : undefined;
  if (charge) await assertHoldAllowed(db, holdLimits(deps), { ...ctx, email: input.customer.email }, now);
  return { specialist, service, minutes: option.minutes, price, credit, charge };
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
 */
export async function createBooking(deps: ServiceDeps, input: CreateInput, ctx: CreateContext): Promise<BookingCreated> {
  const { database } = deps;
  const db = database.db;
  const now = deps.clock();
  const start = Date.parse(input.start);
  const manageToken = newSecretToken('bmt');
  const manageTokenHash = await hashToken(manageToken);
  const creditTokenHash = input.credit ? await hashToken(input.credit.token) : undefined;
  const specialist = await findSpecialist(db, input.specialist);
  if (ctx.origin && specialist.allowedOrigins.length > 0 && !specialist.allowedOrigins.includes(ctx.origin)) {
    throw originNotAllowed(ctx.origin, specialist.handle);
  }
  const first = await plan(deps, db, input, ctx, creditTokenHash, now);
  // Outside calendars are fetched once, before any try: they are I/O, and no version covers them.
  const outside = (await outsideBusy(deps, db, specialist, start, start + 1)).busy;
  const check = (p: Plan) => assertBookable(db as unknown as Tx, { specialist: p.specialist, service: p.service, minutes: p.minutes, start, outside, now, label: input.start });
  const id = newId('bk');

  /** One try: a snapshot, everything checked on it, then the guarded batch. */
  const attempt = async (paid?: { intentId: string; charge: Charge; paymentId: string }) => {
    const version = await availabilityVersion(db, specialist.id);
    const purchase = creditTokenHash ? await purchaseByToken(db, creditTokenHash, 'body.credit.token') : undefined;
    const ledger = purchase ? await ledgerSize(db, purchase.id) : 0;
    const current = await plan(deps, db, input, ctx, creditTokenHash, now);
    if (paid && (!current.charge || !sameCharge(current.charge, paid.charge))) throw priceChanged();
    if (!paid && current.charge) throw priceChanged();
    await check(current);
    const { row, queries } = openBookingQueries(
      db,
      {
        id,
        specialistId: current.specialist.id,
        serviceId: current.service.id,
        startAt: start,
        endAt: start + current.minutes * MINUTE_MS,
        durationMinutes: current.minutes,
        bufferBefore: current.service.bufferBefore,
        bufferAfter: current.service.bufferAfter,
        holdExpiresAt: paid ? now + deps.holdMinutes * MINUTE_MS : null,
        clientHash: ctx.clientHash,
        visitorHash: ctx.visitorHash ?? null,
        creditLotId: current.credit?.id ?? null,
        customerName: input.customer.name,
        customerEmail: input.customer.email,
        customerTimeZone: input.customer.timeZone,
        customerLocale: input.customer.locale ?? 'en',
        customerPhone: input.customer.phone ?? null,
        smsConsent: input.customer.smsConsent,
        notes: input.notes ?? '',
        utm: input.utm && Object.keys(input.utm).length > 0 ? input.utm : null,
        price: current.price,
        currency: current.service.currency,
        manageTokenHash,
        createdAt: now,
      },
      {
        action: paid ? 'hold' : 'book',
        actor: 'customer',
        ...(current.credit ? { data: { credit: { lot: current.credit.id, packagePurchase: current.credit.purchase.id } } } : {}),
      },
      now,
    );
    const debit = current.credit ? await debitCreditQueries(db, current.credit, row, now) : [];
    const payment = paid ? [db.insert(payments).values(paymentValues(paid.charge, { id: paid.paymentId, specialistId: row.specialistId, intentId: paid.intentId, mode: deps.payments.mode, bookingId: row.id }, now))] : [];
    const condition = and(
      versionStill(specialist.id, version),
      purchase ? ledgerStill(purchase.id, ledger) : undefined,
      paid ? holdsStillAllowed(holdLimits(deps), { ...ctx, email: input.customer.email }, now) : undefined,
    )!;
    const written = await guardedBatch(database, condition, [...queries, ...debit, ...payment]);
    return written ? row : RETRY;
  };
  const book = (paid?: Parameters<typeof attempt>[0]) => optimistic(database, specialist.id, () => attempt(paid), writeContention);

  if (!first.charge) {
    const row = await book();
    return { booking: await present(deps, row), manageToken, paymentSession: null, notifications: { email: customerConfirmationQueued(deps) ? 'queued' : 'off' } };
  }
  // Money is due: refuse what would be refused anyway before asking the provider for anything.
  await check(first);
  const charge = first.charge;
  const paymentId = newId('pay');
  const { result: row, intent } = await payThen(
    deps,
    charge,
    { key: `booking-${id}`, paymentId, specialistId: specialist.id, description: `${first.service.name} on ${isoInstant(start)}`, metadata: { booking_id: id } },
    (created) => book({ intentId: created.id, charge, paymentId }),
  );
  return {
    booking: await present(deps, row),
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
