import type { ServiceDeps } from '../deps.js';
import type { Service, Specialist } from '@slotwise/sdk/contract';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Drizzle, Tx } from '../../db/client.js';
import { services, specialists, type DurationOption, type ServiceRow, type SpecialistRow } from '../../db/schema.js';
import { ServiceError } from '../errors.js';
import { packagesOnSale } from '../packages/offers.js';
import { standingOf } from './standing.js';
import { ratingOf } from '../reviews/list.js';
import { t } from '../messages/index.js';

type Reader = Drizzle | Tx;

/** The specialist behind `handle`, as a subquery: other queries of one read batch key on it. */
export const specialistIdOf = (handle: string): SQL => sql`(select ${specialists.id} from ${specialists} where ${specialists.handle} = ${handle})`;

/** The query `findSpecialist` runs, for a read batch. */
export const specialistQuery = (db: Reader, handle: string) => db.select().from(specialists).where(eq(specialists.handle, handle)).limit(1);

/** `specialistQuery`'s answer, or `specialist_not_found`. */
export function specialistFound(row: SpecialistRow | undefined, handle: string): SpecialistRow {
  if (!row) throw new ServiceError('specialist_not_found', t('specialist_not_found.handle', { handle }));
  return row;
}

export async function findSpecialist(db: Reader, handle: string): Promise<SpecialistRow> {
  const [row] = await specialistQuery(db, handle);
  return specialistFound(row, handle);
}

/** The query `findActiveService` runs (`specialistId` a value or `specialistIdOf`), for a read batch. */
export const activeServiceQuery = (db: Reader, specialistId: string | SQL, serviceId: string) =>
  db
    .select()
    .from(services)
    .where(and(eq(services.id, serviceId), eq(services.specialistId, specialistId), eq(services.active, true)))
    .limit(1);

/** Where the request carried the service and duration asked for: a problem's field paths name it (`body.service`, `query.duration`). */
export type AskedIn = 'body' | 'query';

/** `activeServiceQuery`'s answer, or `service_not_found` naming what the specialist offers. */
export function activeServiceFound(row: ServiceRow | undefined, specialist: SpecialistRow, serviceId: string, askedIn: AskedIn): ServiceRow {
  if (!row) {
    throw new ServiceError('service_not_found', t('service_not_found.offered', { name: specialist.name, id: serviceId }), {
      errors: [{ field: `${askedIn}.service`, message: t('service_not_found.offered_field') }],
    });
  }
  return row;
}

export async function findActiveService(db: Reader, specialist: SpecialistRow, serviceId: string, askedIn: AskedIn): Promise<ServiceRow> {
  const [row] = await activeServiceQuery(db, specialist.id, serviceId);
  return activeServiceFound(row, specialist, serviceId, askedIn);
}

/** The duration option asked for, or the service's first when none was. */
export function chooseDuration(service: ServiceRow, minutes: number | undefined, askedIn: AskedIn): DurationOption {
  const option = minutes === undefined ? service.durations[0] : service.durations.find((d) => d.minutes === minutes);
  if (!option) {
    const offered = service.durations.map((d) => d.minutes).join(', ');
    throw new ServiceError('duration_not_offered', t('duration_not_offered', { service: service.name, offered, minutes: String(minutes) }), {
      errors: [{ field: `${askedIn}.duration`, message: t('duration_not_offered.field', { offered }) }],
    });
  }
  return option;
}

export function toService(row: ServiceRow): Service {
  return { id: row.id, name: row.name, description: row.description, currency: row.currency, durations: row.durations, location: { kind: row.locationKind }, capacity: row.capacity };
}

export async function profile(deps: ServiceDeps, handle: string): Promise<Specialist> {
  const db = deps.database.db;
  const specialist = await findSpecialist(db, handle);
  const rows = await db
    .select()
    .from(services)
    .where(and(eq(services.specialistId, specialist.id), eq(services.active, true)))
    .orderBy(asc(services.position), asc(services.createdAt));
  return {
    handle: specialist.handle,
    name: specialist.name,
    bio: specialist.bio,
    photoUrl: specialist.photoUrl,
    timeZone: specialist.timeZone,
    services: rows.map(toService),
    packages: await packagesOnSale(db, specialist.id, new Set(rows.map((r) => r.id))),
    rating: await ratingOf(db, specialist.id),
    ...(await standingOf(db, specialist)),
  };
}

/**
 * The refusal of a site the specialist did not register, worded for the site's owner, who reads it
 * in the widget and in the browser console: which site, whose list, and where to add it (the
 * console's own labels, so they can follow it word for word).
 */
export function originNotAllowed(origin: string, handle: string): ServiceError {
  return new ServiceError('origin_not_allowed', t('origin_not_allowed.embed', { origin, handle }));
}

/** Whether a browser request from `origin` (none for a server's) may book or buy: no sites registered, or one of them. */
export const originAllowed = (specialist: Pick<SpecialistRow, 'allowedOrigins'>, origin: string | undefined): boolean =>
  !origin || specialist.allowedOrigins.length === 0 || specialist.allowedOrigins.includes(origin);

/**
 * The origins allowed to read `handle`'s public data in a browser: its registered sites, `'any'`
 * while it registered none (development), or undefined when there is no such specialist.
 */
export async function embedOriginsOf(db: Reader, handle: string): Promise<readonly string[] | 'any' | undefined> {
  const [row] = await db.select({ allowed: specialists.allowedOrigins }).from(specialists).where(eq(specialists.handle, handle)).limit(1);
  if (!row) return undefined;
  return row.allowed.length === 0 ? 'any' : row.allowed;
}
