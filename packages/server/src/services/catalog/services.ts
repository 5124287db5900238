import type { ServiceDeps } from '../deps.js';
import type { MyService, ServiceCreate, ServiceUpdate } from '@slotwise/sdk/contract';
import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Drizzle, Tx } from '../../db/client.js';
import { bookings, services, type ServiceRow, type SpecialistRow } from '../../db/schema.js';
import { inForce } from '../bookings/seats.js';
import { priceProblem } from '../../domain/money.js';
import { ServiceError, writeContention } from '../errors.js';
import { newId } from '../ids.js';
import { toService } from './catalog.js';
import { locationColumns, serviceLocation } from './location.js';
import { t } from '../messages/index.js';
import { guardedBatch, optimistic, RETRY } from '../../db/batch.js';
import { withDefaults } from '../../db/rows.js';
import { limitReached, underLimit } from '../limits.js';
import { availabilityVersion, versionStill } from '../availability/version.js';

export function toServiceDetail(row: ServiceRow): MyService {
  return {
    ...toService(row),
    slotStep: row.slotStep,
    bufferBefore: row.bufferBefore,
    bufferAfter: row.bufferAfter,
    minNotice: row.minNotice,
    maxAdvanceDays: row.maxAdvanceDays,
    maxPerDay: row.maxPerDay,
    maxPerWeek: row.maxPerWeek,
    active: row.active,
    cancelUntilHours: row.cancelUntilHours,
    rescheduleUntilHours: row.rescheduleUntilHours,
    maxReschedules: row.maxReschedules,
    fullRefundHours: row.fullRefundHours,
    partialRefundHours: row.partialRefundHours,
    partialRefundPercent: row.partialRefundPercent,
    location: serviceLocation(row),
  };
}

/** The caller's services, archived ones included, in their order. */
export async function myServices(deps: ServiceDeps, specialist: SpecialistRow): Promise<MyService[]> {
  const db = deps.database.db;
  const rows = await db.select().from(services).where(eq(services.specialistId, specialist.id)).orderBy(asc(services.position), asc(services.createdAt));
  return rows.map(toServiceDetail);
}

const notFound = (id: string) => new ServiceError('service_not_found', t('service_not_found.yours', { id }));

async function findMine(db: Drizzle | Tx, specialist: SpecialistRow, id: string): Promise<ServiceRow> {
  const [row] = await db.select().from(services).where(and(eq(services.id, id), eq(services.specialistId, specialist.id)));
  if (!row) throw notFound(id);
  return row;
}

export async function myService(deps: ServiceDeps, specialist: SpecialistRow, id: string): Promise<MyService> {
  const db = deps.database.db;
  return toServiceDetail(await findMine(db, specialist, id));
}

/** The refund tiers must nest: the full refund is for cancellations at least as early as the partial one. */
function checkPolicy(service: Pick<ServiceRow, 'fullRefundHours' | 'partialRefundHours'>): void {
  if (service.partialRefundHours > service.fullRefundHours) {
    const message = t('invalid_request.refund_tiers', { hours: service.fullRefundHours });
    throw new ServiceError('invalid_request', t('invalid_request.field', { field: 'body.partialRefundHours', message }), { errors: [{ field: 'body.partialRefundHours', message }] });
  }
}

type Fields = Partial<Omit<ServiceRow, 'id' | 'specialistId' | 'position' | 'createdAt'>>;

/** Only the fields a specialist may set, without the ones left out of the request. */
function fieldsOf(input: z.output<typeof ServiceUpdate>): Fields {
  const { name, description, currency, durations, slotStep, bufferBefore, bufferAfter, minNotice, maxAdvanceDays, maxPerDay, maxPerWeek } = input;
  const { cancelUntilHours, rescheduleUntilHours, maxReschedules, fullRefundHours, partialRefundHours, partialRefundPercent, active, capacity } = input;
  const all = {
    name, description, currency, durations, slotStep, bufferBefore, bufferAfter, minNotice, maxAdvanceDays, maxPerDay, maxPerWeek,
    cancelUntilHours, rescheduleUntilHours, maxReschedules, fullRefundHours, partialRefundHours, partialRefundPercent, active, capacity,
  };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined)) as Fields;
}

/**
 * A priced service can be offered only once the specialist's Stripe account can take charges:
 * the money is paid out to it. Free services need nothing.
 */
function checkPayable(specialist: SpecialistRow, service: Pick<ServiceRow, 'durations' | 'active' | 'currency'>): void {
  for (const [i, option] of service.durations.entries()) {
    const problem = priceProblem(option.price, service.currency);
    if (problem) {
      const message = t('invalid_request.price', { reason: problem });
      throw new ServiceError('invalid_request', t('invalid_request.field', { field: `body.durations.${i}.price`, message }), { errors: [{ field: `body.durations.${i}.price`, message }] });
    }
  }
  if (!service.active || service.durations.every((d) => d.price === 0)) return;
  if (!specialist.stripeAccountId || !specialist.stripeChargesEnabled) {
    throw new ServiceError('stripe_account_required', t('stripe_account_required.service'), {
      errors: [{ field: 'body.durations', message: t('stripe_account_required.field') }],
    });
  }
}

/**
 * Capacity may go down only to the most seats taken at one upcoming session of the service (in
 * force: confirmed, or held and not expired): no session is ever left with more seats than the
 * service has. Checked on the snapshot the update's version guard protects, so a seat booked
 * meanwhile retries the update.
 */
async function checkSeatsTaken(db: Drizzle, service: ServiceRow, capacity: number, now: number): Promise<void> {
  const [row] = await db
    .select({ taken: sql<number>`count(*)` })
    .from(bookings)
    .where(and(eq(bookings.serviceId, service.id), gt(bookings.endAt, now), inForce(now)))
    .groupBy(bookings.startAt, bookings.endAt)
    .orderBy(desc(sql`count(*)`))
    .limit(1);
  const taken = row?.taken ?? 0;
  if (taken > capacity) {
    const message = t('invalid_request.capacity_below_seats', { taken });
    throw new ServiceError('invalid_request', t('invalid_request.field', { field: 'body.capacity', message }), { errors: [{ field: 'body.capacity', message }] });
  }
}

/** A new service, offered at once after the others; unset rules and policy take the defaults. */
export async function createService(deps: ServiceDeps, specialist: SpecialistRow, input: z.output<typeof ServiceCreate>): Promise<MyService> {
  const now = deps.clock();
  const fields = { ...fieldsOf(input), ...(input.location ? locationColumns(deps, specialist, input.location) : {}) };
  const values = { ...fields, id: newId('svc'), specialistId: specialist.id, name: input.name, durations: input.durations, currency: input.currency ?? specialist.currency, createdAt: now };
  // Checked on the row as it will be stored, defaults included, before anything is written.
  const stored = withDefaults(services, values);
  checkPolicy(stored);
  checkPayable(specialist, stored);
  // Last in the list, in the same statement: two services created at once get two positions.
  const next = sql`(select coalesce(max(${services.position}), -1) + 1 from ${services} where ${services.specialistId} = ${specialist.id})`;
  const written = await guardedBatch(deps.database, underLimit('services', services, services.specialistId, specialist.id), [deps.database.db.insert(services).values({ ...values, position: next }).returning()]);
  if (!written) throw limitReached('services');
  return toServiceDetail((written[0] as ServiceRow[])[0]!);
}

/**
 * Changes any field of one of the caller's services: name, prices, rules, policy, `active`. The
 * refund tiers are checked on the result, so a patch of one of them is checked against the other.
 */
export async function updateServiceRules(
  deps: ServiceDeps,
  specialist: SpecialistRow,
  id: string,
  patch: z.output<typeof ServiceUpdate>,
): Promise<MyService> {
  const changes = { ...fieldsOf(patch), ...(patch.location ? locationColumns(deps, specialist, patch.location) : {}) };
  const { database } = deps;
  const db = database.db;
  // Checked on the service as read; the batch's guard — the specialist's availability version,
  // which every change of a service moves — makes sure it is still that service when written.
  return optimistic(
    database,
    specialist.id,
    async () => {
      const version = await availabilityVersion(db, specialist.id);
      const current = await findMine(db, specialist, id);
      if (Object.keys(changes).length === 0) return toServiceDetail(current);
      checkPolicy({ ...current, ...changes });
      checkPayable(specialist, { ...current, ...changes });
      if (changes.capacity !== undefined && changes.capacity < current.capacity) await checkSeatsTaken(db, current, changes.capacity, deps.clock());
      const written = await guardedBatch(database, versionStill(specialist.id, version), [db.update(services).set(changes).where(and(eq(services.id, id), eq(services.specialistId, specialist.id))).returning()]);
      return written ? toServiceDetail((written[0] as ServiceRow[])[0]!) : RETRY;
    },
    writeContention,
  );
}

/** Stops offering a service: it leaves the public profile and its slots; its bookings keep it. */
export async function archiveService(deps: ServiceDeps, specialist: SpecialistRow, id: string): Promise<MyService> {
  return updateServiceRules(deps, specialist, id, { active: false });
}
