import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Drizzle, Tx } from '../../db/client.js';
import { services, type SpecialistRow } from '../../db/schema.js';
import { ServiceError } from '../errors.js';
import { t } from '../messages/index.js';

type Reader = Drizzle | Tx;

/**
 * Every id must be one of the caller's active services (a package's or a promo code's list); the
 * first that is not is a 404 naming its place, with `sentence` saying what such a list may hold.
 */
export async function assertOwnServices(db: Reader, specialist: SpecialistRow, ids: string[], sentence: 'service_not_found.package' | 'service_not_found.promo'): Promise<void> {
  const found = await db
    .select({ id: services.id })
    .from(services)
    .where(and(inArray(services.id, ids), eq(services.specialistId, specialist.id), eq(services.active, true)));
  const known = new Set(found.map((s) => s.id));
  const errors = ids.flatMap((id, i) => (known.has(id) ? [] : [{ field: `body.serviceIds.${i}`, message: t('service_not_found.not_active', { id }) }]));
  if (errors.length > 0) {
    throw new ServiceError('service_not_found', t(sentence, { field: errors[0]!.field, message: errors[0]!.message }), { errors });
  }
}

/** The guard's condition for `assertOwnServices`: every one of `ids` is still an active service of the specialist. */
export const ownServicesStill = (specialist: SpecialistRow, ids: string[]): SQL =>
  sql`(select count(*) from ${services} where ${inArray(services.id, ids)} and ${services.specialistId} = ${specialist.id} and ${services.active} = 1) = ${new Set(ids).size}`;
