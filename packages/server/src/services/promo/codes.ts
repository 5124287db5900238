import type { MyPromoCode, PromoCodeCreate, PromoCodeUpdate } from '@slotwise/sdk/contract';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { guardedBatch, optimistic, RETRY, writeOne } from '../../db/batch.js';
import { promoCodes, type PromoCodeRow, type SpecialistRow } from '../../db/schema.js';
import { isoInstant } from '../../domain/civil.js';
import { assertOwnServices, ownServicesStill } from '../catalog/own-services.js';
import type { ServiceDeps } from '../deps.js';
import { ServiceError, writeContention } from '../errors.js';
import { newId } from '../ids.js';
import { t, type Message } from '../messages/index.js';
import { codeKeyOf, countUses, usesByCode } from './apply.js';
import { assertUnderLimit, underLimit } from '../limits.js';

const instant = (ms: number | null) => (ms === null ? null : isoInstant(ms));

function toMyPromoCode(row: PromoCodeRow, redemptions: number): MyPromoCode {
  const { id, code, kind, value, currency, serviceIds, maxRedemptions, maxPerCustomer, firstBookingOnly, active } = row;
  return { id, code, kind, value, currency, serviceIds, validFrom: instant(row.validFrom), validUntil: instant(row.validUntil), maxRedemptions, maxPerCustomer, firstBookingOnly, active, redemptions, createdAt: isoInstant(row.createdAt) };
}

const invalid = (field: string, message: Message) => new ServiceError('invalid_request', t('invalid_request.field', { field, message }), { errors: [{ field, message }] });

/** The caller's codes, inactive ones included, oldest first, each with the uses that count now. */
export async function listMyPromoCodes(deps: ServiceDeps, specialist: SpecialistRow): Promise<MyPromoCode[]> {
  const db = deps.database.db;
  const rows = await db.select().from(promoCodes).where(eq(promoCodes.specialistId, specialist.id)).orderBy(asc(promoCodes.createdAt), asc(promoCodes.id));
  const uses = await usesByCode(db, specialist.id, deps.clock());
  return rows.map((row) => toMyPromoCode(row, uses.get(row.id) ?? 0));
}

/**
 * Creates a code, usable at once. Its text is unique among the caller's codes whatever its case
 * (a unique index on the lower-cased key: two creations racing for one text cannot both land);
 * its services must be the caller's active ones, checked on a snapshot and held by the batch's guard.
 */
export async function createPromoCode(deps: ServiceDeps, specialist: SpecialistRow, input: z.output<typeof PromoCodeCreate>): Promise<MyPromoCode> {
  if (input.kind === 'percent' && input.value > 100) throw invalid('body.value', t('promo_code_percent'));
  const validFrom = input.validFrom === undefined ? null : Date.parse(input.validFrom);
  const validUntil = input.validUntil === undefined ? null : Date.parse(input.validUntil);
  if (validFrom !== null && validUntil !== null && validUntil <= validFrom) throw invalid('body.validUntil', t('promo_code_window'));
  if (validUntil !== null && validUntil <= deps.clock()) throw invalid('body.validUntil', t('promo_code_ended'));
  const row: PromoCodeRow = {
    id: newId('promo'),
    specialistId: specialist.id,
    code: input.code,
    codeKey: codeKeyOf(input.code),
    kind: input.kind,
    value: input.value,
    currency: input.kind === 'amount' ? (input.currency ?? specialist.currency) : null,
    serviceIds: input.serviceIds ?? null,
    validFrom,
    validUntil,
    maxRedemptions: input.maxRedemptions ?? null,
    maxPerCustomer: input.maxPerCustomer ?? null,
    firstBookingOnly: input.firstBookingOnly,
    active: true,
    createdAt: deps.clock(),
  };
  const { database } = deps;
  const taken = () => new ServiceError('promo_code_taken', t('promo_code_taken', { code: input.code }), { errors: [{ field: 'body.code', message: t('promo_code_taken', { code: input.code }) }] });
  return optimistic(
    database,
    specialist.id,
    async () => {
      const [existing] = await database.db.select({ id: promoCodes.id }).from(promoCodes).where(and(eq(promoCodes.specialistId, specialist.id), eq(promoCodes.codeKey, row.codeKey)));
      if (existing) throw taken();
      if (row.serviceIds) await assertOwnServices(database.db, specialist, row.serviceIds, 'service_not_found.promo');
      await assertUnderLimit(database, 'promo_codes', promoCodes, promoCodes.specialistId, specialist.id);
      const free = and(
        sql`not exists (select 1 from ${promoCodes} where ${promoCodes.specialistId} = ${specialist.id} and ${promoCodes.codeKey} = ${row.codeKey})`,
        underLimit('promo_codes', promoCodes, promoCodes.specialistId, specialist.id),
      )!;
      const still = row.serviceIds ? and(free, ownServicesStill(specialist, row.serviceIds))! : free;
      const written = await guardedBatch(database, still, [database.db.insert(promoCodes).values(row)]);
      return written ? toMyPromoCode(row, 0) : RETRY;
    },
    writeContention,
  );
}

/** Stops a code: later bookings cannot use it; bookings made with it keep their price. Idempotent. */
export async function deactivatePromoCode(deps: ServiceDeps, specialist: SpecialistRow, id: string): Promise<MyPromoCode> {
  const db = deps.database.db;
  const [row] = await writeOne(deps.database, db.update(promoCodes).set({ active: false }).where(and(eq(promoCodes.id, id), eq(promoCodes.specialistId, specialist.id))).returning());
  if (!row) throw new ServiceError('promo_code_not_found', t('promo_code_not_found.yours', { id }));
  return toMyPromoCode(row, await countUses(db, row.id, deps.clock()));
}

/**
 * Changes what may change on a code (active, end, limits) in one statement, guarded on its window
 * staying whole: a new end must be after the code's start, checked by the database against the
 * row as it is at the write. Later bookings follow the change; earlier ones keep their price.
 */
export async function updatePromoCode(deps: ServiceDeps, specialist: SpecialistRow, id: string, input: z.output<typeof PromoCodeUpdate>): Promise<MyPromoCode> {
  const db = deps.database.db;
  const validUntil = input.validUntil === undefined ? undefined : input.validUntil === null ? null : Date.parse(input.validUntil);
  const changes: Partial<PromoCodeRow> = {
    ...(input.active === undefined ? {} : { active: input.active }),
    ...(validUntil === undefined ? {} : { validUntil }),
    ...(input.maxRedemptions === undefined ? {} : { maxRedemptions: input.maxRedemptions }),
    ...(input.maxPerCustomer === undefined ? {} : { maxPerCustomer: input.maxPerCustomer }),
  };
  const mine = and(eq(promoCodes.id, id), eq(promoCodes.specialistId, specialist.id))!;
  const windowWhole = typeof validUntil === 'number' ? sql`(${promoCodes.validFrom} is null or ${promoCodes.validFrom} < ${validUntil})` : sql`1 = 1`;
  const [row] = await writeOne(deps.database, db.update(promoCodes).set(changes).where(and(mine, windowWhole)).returning());
  if (!row) {
    const [exists] = await db.select({ id: promoCodes.id }).from(promoCodes).where(mine);
    if (!exists) throw new ServiceError('promo_code_not_found', t('promo_code_not_found.yours', { id }));
    throw invalid('body.validUntil', t('promo_code_window'));
  }
  return toMyPromoCode(row, await countUses(db, row.id, deps.clock()));
}
