import type { Booking, BookingCreate, BookingCreated } from '@slotwise/sdk/contract';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database, Drizzle, Tx } from '../db/client.js';
import { bookings, services, specialists, type BookingRow } from '../db/schema.js';
import { transition } from '../domain/booking-state.js';
import { isoInstant, MINUTE_MS } from '../domain/civil.js';
import { ProblemError } from '../http/problem.js';
import { hashToken, newId, newSecretToken } from '../http/tokens.js';
import type { AppDeps } from '../app-env.js';
import { outsideBusy, slotsFromDb } from './availability.js';
import { chooseDuration, findActiveService, findSpecialist } from './catalog.js';
import { bumpAvailability } from './rules.js';

type CreateInput = z.output<typeof BookingCreate>;

/**
 * Books `input.start` if it is an open slot. The slot check and the insert share one write
 * transaction, so of any number of concurrent requests for one time exactly one wins.
 */
export async function createBooking(deps: AppDeps, input: CreateInput, now: number): Promise<BookingCreated> {
  const { database } = deps;
  const start = Date.parse(input.start);
  const manageToken = newSecretToken('bmt');
  const manageTokenHash = await hashToken(manageToken);
  // Outside calendars are fetched before the transaction: no I/O may happen while it holds the lock.
  const outside = await outsideBusy(deps, database.db, await findSpecialist(database.db, input.specialist), start, start + 1);

  const row = await database.write(async (tx) => {
    const specialist = await findSpecialist(tx, input.specialist);
    const service = await findActiveService(tx, specialist, input.service);
    const option = chooseDuration(service, input.duration);
    if (option.price > 0) {
      throw new ProblemError('payment_required', `"${service.name}" is a paid session; paid checkout is not available yet.`);
    }
    const end = start + option.minutes * MINUTE_MS;
    const window = { from: start, to: start + 1, displayTimeZone: specialist.timeZone };
    // First: is it a start time at all (hours, step, notice, window, caps)? Then: is it free?
    const possible = await slotsFromDb(tx, specialist, service, option.minutes, window, undefined, now);
    if (possible.days.length === 0) {
      throw new ProblemError('not_a_slot', `${input.start} is not a start time ${specialist.name} offers for "${service.name}". Pick one from the slots list.`, {
        errors: [{ field: 'body.start', message: 'Use a start time returned by the slots endpoint.' }],
      });
    }
    const open = await slotsFromDb(tx, specialist, service, option.minutes, window, outside.busy, now);
    if (open.days.length === 0) {
      throw new ProblemError('slot_unavailable', 'Someone else has just booked this time. Please pick another one.', {
        errors: [{ field: 'body.start', message: 'This time is taken.' }],
      });
    }
    const [inserted] = await tx
      .insert(bookings)
      .values({
        id: newId('bk'),
        specialistId: specialist.id,
        serviceId: service.id,
        status: 'confirmed',
        startAt: start,
        endAt: end,
        durationMinutes: option.minutes,
        bufferBefore: service.bufferBefore,
        bufferAfter: service.bufferAfter,
        customerName: input.customer.name,
        customerEmail: input.customer.email,
        customerTimeZone: input.customer.timeZone,
        notes: input.notes ?? '',
        price: option.price,
        currency: service.currency,
        manageTokenHash,
        createdAt: now,
      })
      .returning();
    await bumpAvailability(tx, specialist.id);
    return inserted!;
  });
  return { booking: await present(database.db, row), manageToken };
}

/** Constant-time string comparison, so a wrong token's timing says nothing about the right one. */
function sameSecret(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

const notFound = (id: string) =>
  new ProblemError('booking_not_found', `No booking "${id}" matches this manage token. Use the link from your confirmation.`);

/** The booking `id` if `token` is its manage token; otherwise a 404, never a hint that it exists. */
async function findByToken(db: Drizzle | Tx, id: string, tokenHash: string): Promise<BookingRow> {
  const [row] = await db.select().from(bookings).where(eq(bookings.id, id)).limit(1);
  if (!row || !sameSecret(row.manageTokenHash, tokenHash)) throw notFound(id);
  return row;
}

export async function retrieveBooking(database: Database, id: string, token: string): Promise<Booking> {
  return present(database.db, await findByToken(database.db, id, await hashToken(token)));
}

export async function cancelBooking(
  database: Database,
  id: string,
  token: string,
  reason: string | undefined,
  now: number,
): Promise<Booking> {
  const tokenHash = await hashToken(token);
  const row = await database.write(async (tx) => {
    const current = await findByToken(tx, id, tokenHash);
    const next = transition(current.status, 'cancel');
    if (!next.ok) throw new ProblemError('booking_not_cancellable', next.reason);
    if (current.startAt <= now) {
      throw new ProblemError('booking_not_cancellable', 'This session has already started, so it can no longer be cancelled.');
    }
    const [updated] = await tx
      .update(bookings)
      .set({ status: next.to, cancelledAt: now, cancellationReason: reason || null })
      .where(eq(bookings.id, id))
      .returning();
    await bumpAvailability(tx, current.specialistId);
    return updated!;
  });
  return present(database.db, row);
}

async function present(db: Drizzle, row: BookingRow): Promise<Booking> {
  const [joined] = await db
    .select({ specialist: specialists, serviceName: services.name })
    .from(specialists)
    .innerJoin(services, eq(services.id, row.serviceId))
    .where(eq(specialists.id, row.specialistId))
    .limit(1);
  const { specialist, serviceName } = joined!;
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
    cancelledAt: row.cancelledAt === null ? null : isoInstant(row.cancelledAt),
    cancellationReason: row.cancellationReason,
  };
}
