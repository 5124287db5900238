import type { ServiceDetail, ServiceRulesUpdate } from '@slotwise/sdk/contract';
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database, Drizzle } from '../db/client.js';
import { services, type ServiceRow, type SpecialistRow } from '../db/schema.js';
import { ProblemError } from '../http/problem.js';
import { toService } from './catalog.js';
import { bumpAvailability } from './rules.js';

export function toServiceDetail(row: ServiceRow): ServiceDetail {
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
  };
}

export async function myServices(db: Drizzle, specialist: SpecialistRow): Promise<ServiceDetail[]> {
  const rows = await db.select().from(services).where(eq(services.specialistId, specialist.id)).orderBy(asc(services.position), asc(services.createdAt));
  return rows.map(toServiceDetail);
}

/** Changes the scheduling rules of one of the caller's services; only the listed fields can change. */
export async function updateServiceRules(
  database: Database,
  specialist: SpecialistRow,
  id: string,
  patch: z.output<typeof ServiceRulesUpdate>,
): Promise<ServiceDetail> {
  const { durations, slotStep, bufferBefore, bufferAfter, minNotice, maxAdvanceDays, maxPerDay, maxPerWeek } = patch;
  const changes = Object.fromEntries(
    Object.entries({ durations, slotStep, bufferBefore, bufferAfter, minNotice, maxAdvanceDays, maxPerDay, maxPerWeek }).filter(([, v]) => v !== undefined),
  );
  return database.write(async (tx) => {
    const where = and(eq(services.id, id), eq(services.specialistId, specialist.id));
    const [row] = Object.keys(changes).length
      ? await tx.update(services).set(changes).where(where).returning()
      : await tx.select().from(services).where(where);
    if (!row) throw new ProblemError('service_not_found', `You have no service "${id}".`);
    await bumpAvailability(tx, specialist.id);
    return toServiceDetail(row);
  });
}
