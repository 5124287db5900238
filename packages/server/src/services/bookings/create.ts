import type { BookingCreate, BookingCreated } from '@slotwise/sdk/contract';
import { and, count, eq, gt, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Drizzle, Tx } from '../../db/client.js';
import { bookings, type ServiceRow, type SpecialistRow } from '../../db/schema.js';
import { isoInstant, MINUTE_MS } from '../../domain/civil.js';
import { outsideBusy } from '../availability/slots.js';
import { chooseDuration, findActiveService, findSpecialist } from '../catalog/catalog.js';
import { assertAccepting, assertTakesMoney } from '../catalog/standing.js';
import type { ServiceDeps } from '../deps.js';
import { ServiceError } from '../errors.js';
import { hashToken, newId, newSecretToken } from '../ids.js';
import { creditFor, debitCredit, type PurchaseLot } from '../packages/credits.js';
import { chargeFor, insertPayment, payThenWrite, priceChanged, sameCharge, type Charge } from '../payments/checkout.js';
import { customerConfirmationQueued } from '../mail/recipients.js';
import { present } from './present.js';
import { openBooking } from './road.js';
import { assertBookable } from './slot-check.js';
import { t } from '../messages/index.js';

type CreateInput = z.output<typeof BookingCreate>;
type Reader = Drizzle | Tx;

export interface CreateContext {
  /** The `Origin` header of a browser's request, checked against the specialist's embed origins. */
  origin?: string | undefined;
  /** SHA-256 of the client's address, for the limit on simultaneous holds. */
  clientHash: string;
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
  if (charge) await assertHoldAllowed(db, deps.maxHoldsPerClient, ctx.clientHash, input.customer.email, now);
  return { specialist, service, minutes: option.minutes, price, credit, charge };
}

/**
 * Books `input.start` if it is an open slot: `confirmed` at once for a free session or one paid
 * with a package credit, `held` (for `holdMinutes`) for a priced one until payment confirms it.
 * The slot check, the credit's choice, the insert, the debit and the payment row share one write
 * transaction, so of any number of concurrent requests for a time exactly one wins, and a credit
 * is spent once. For a priced session the provider's intent is created before that transaction
 * (`payThenWrite`): a provider failure stores nothing.
 */
export async function createBooking(deps: ServiceDeps, input: CreateInput, ctx: CreateContext): Promise<BookingCreated> {
  const { database } = deps;
  const now = deps.clock();
  const start = Date.parse(input.start);
  const manageToken = newSecretToken('bmt');
  const manageTokenHash = await hashToken(manageToken);
  const creditTokenHash = input.credit ? await hashToken(input.credit.token) : undefined;
  const specialist = await findSpecialist(database.db, input.specialist);
  if (ctx.origin && specialist.allowedOrigins.length > 0 && !specialist.allowedOrigins.includes(ctx.origin)) {
    throw new ServiceError('origin_not_allowed', t('origin_not_allowed.booking', { origin: ctx.origin, name: specialist.name }));
  }
  const first = await plan(deps, database.db, input, ctx, creditTokenHash, now);
  // Outside calendars are fetched before the transaction: no I/O may happen while it holds the lock.
  const outside = (await outsideBusy(deps, database.db, specialist, start, start + 1)).busy;
  const check = (tx: Reader, p: Plan) => assertBookable(tx as Tx, { specialist: p.specialist, service: p.service, minutes: p.minutes, start, outside, now, label: input.start });
  const id = newId('bk');

  /** The write: everything checked again on what the transaction sees, then the one road. */
  const write = async (tx: Tx, paid?: { intentId: string; charge: Charge; paymentId: string }) => {
    const current = await plan(deps, tx, input, ctx, creditTokenHash, now);
    if (paid && (!current.charge || !sameCharge(current.charge, paid.charge))) throw priceChanged();
    if (!paid && current.charge) throw priceChanged();
    await check(tx, current);
    const row = await openBooking(
      tx,
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
        creditLotId: current.credit?.id ?? null,
        customerName: input.customer.name,
        customerEmail: input.customer.email,
        customerTimeZone: input.customer.timeZone,
        customerLocale: input.customer.locale ?? 'en',
        customerPhone: input.customer.phone ?? null,
        smsConsent: input.customer.smsConsent,
        notes: input.notes ?? '',
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
    if (current.credit) await debitCredit(tx, current.credit, row, now);
    if (paid) await insertPayment(tx, paid.charge, { id: paid.paymentId, specialistId: row.specialistId, intentId: paid.intentId, mode: deps.payments.mode, bookingId: row.id }, now);
    return row;
  };

  if (!first.charge) {
    const row = await database.write((tx) => write(tx));
    return { booking: await present(deps, row), manageToken, paymentSession: null, notifications: { email: customerConfirmationQueued(deps) ? 'queued' : 'off' } };
  }
  // Money is due: refuse what would be refused anyway before asking the provider for anything.
  await check(database.db, first);
  const charge = first.charge;
  const paymentId = newId('pay');
  const { result: row, intent } = await payThenWrite(
    deps,
    charge,
    { key: `booking-${id}`, paymentId, specialistId: specialist.id, description: `${first.service.name} on ${isoInstant(start)}`, metadata: { booking_id: id } },
    (tx, created) => write(tx, { intentId: created.id, charge, paymentId }),
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

/** At most `max` unpaid holds per client address or customer email (in any case) at once. */
async function assertHoldAllowed(db: Reader, max: number, clientHash: string, email: string, now: number) {
  const [{ n }] = (await db
    .select({ n: count() })
    .from(bookings)
    .where(
      and(
        eq(bookings.status, 'held'),
        gt(bookings.holdExpiresAt, now),
        or(eq(bookings.clientHash, clientHash), eq(sql`lower(${bookings.customerEmail})`, email.toLowerCase())),
      ),
    )) as [{ n: number }];
  if (n >= max) {
    throw new ServiceError('too_many_holds', t('too_many_holds', { n }));
  }
}
