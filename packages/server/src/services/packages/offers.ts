import type { ServiceDeps } from '../deps.js';
import type { MyPackage, Package, PackageCreate, PackageUpdate } from '@slotwise/sdk/contract';
import { and, asc, eq, sql } from 'drizzle-orm';
import { guardedBatch, optimistic, RETRY } from '../../db/batch.js';
import type { z } from 'zod';
import type { Drizzle, Tx } from '../../db/client.js';
import { packages, type PackageRow, type SpecialistRow } from '../../db/schema.js';
import { isoInstant } from '../../domain/civil.js';
import { priceProblem } from '../../domain/money.js';
import { ServiceError, writeContention } from '../errors.js';
import { newId } from '../ids.js';
import { t } from '../messages/index.js';
import { assertOwnServices, ownServicesStill } from '../catalog/own-services.js';
import { assertUnderLimit, underLimit } from '../limits.js';

type Reader = Drizzle | Tx;

/** The public form; `services` narrowed to `serviceIds` when given (the profile shows active ones only). */
export function toPackage(row: PackageRow, serviceIds: string[] = row.serviceIds): Package {
  const { id, name, description, sessionCount, price, currency, validityDays } = row;
  return { id, name, description, sessionCount, services: serviceIds, price, currency, validityDays };
}

export const toMyPackage = (row: PackageRow): MyPackage => ({ ...toPackage(row), active: row.active, createdAt: isoInstant(row.createdAt) });

const notFound = (id: string) => new ServiceError('package_not_found', t('package_not_found.yours', { id }));

async function findMine(db: Reader, specialist: SpecialistRow, id: string): Promise<PackageRow> {
  const [row] = await db.select().from(packages).where(and(eq(packages.id, id), eq(packages.specialistId, specialist.id)));
  if (!row) throw notFound(id);
  return row;
}

/** The caller's packages, archived ones included, in the order they were created. */
export async function listMyPackages(deps: ServiceDeps, specialist: SpecialistRow): Promise<MyPackage[]> {
  const db = deps.database.db;
  const rows = await db.select().from(packages).where(eq(packages.specialistId, specialist.id)).orderBy(asc(packages.createdAt), asc(packages.id));
  return rows.map(toMyPackage);
}

export async function retrieveMyPackage(deps: ServiceDeps, specialist: SpecialistRow, id: string): Promise<MyPackage> {
  const db = deps.database.db;
  return toMyPackage(await findMine(db, specialist, id));
}

/** A priced package on sale needs a Stripe account that can take charges, as a priced service does. */
function checkPayable(specialist: SpecialistRow, row: Pick<PackageRow, 'price' | 'active' | 'currency'>): void {
  const problem = priceProblem(row.price, row.currency);
  if (problem) {
    const message = t('invalid_request.price', { reason: problem });
    throw new ServiceError('invalid_request', t('invalid_request.field', { field: 'body.price', message }), { errors: [{ field: 'body.price', message }] });
  }
  if (!row.active || row.price === 0) return;
  if (!specialist.stripeAccountId || !specialist.stripeChargesEnabled) {
    throw new ServiceError('stripe_account_required', t('stripe_account_required.package'), {
      errors: [{ field: 'body.price', message: t('stripe_account_required.field') }],
    });
  }
}

export async function createPackage(deps: ServiceDeps, specialist: SpecialistRow, input: z.output<typeof PackageCreate>): Promise<MyPackage> {
  const now = deps.clock();
  checkPayable(specialist, { price: input.price, active: true, currency: input.currency ?? specialist.currency });
  const { database } = deps;
  const row: PackageRow = {
    id: newId('pkg'),
    specialistId: specialist.id,
    name: input.name,
    description: input.description ?? '',
    sessionCount: input.sessionCount,
    serviceIds: input.serviceIds,
    price: input.price,
    currency: input.currency ?? specialist.currency,
    validityDays: input.validityDays,
    active: true,
    createdAt: now,
  };
  // Checked on a snapshot, written as one guarded batch: a service archived meanwhile makes it check again.
  return optimistic(
    database,
    specialist.id,
    async () => {
      await assertOwnServices(database.db, specialist, input.serviceIds, 'service_not_found.package');
      await assertUnderLimit(database, 'packages', packages, packages.specialistId, specialist.id);
      const guard = and(ownServicesStill(specialist, input.serviceIds), underLimit('packages', packages, packages.specialistId, specialist.id))!;
      const written = await guardedBatch(database, guard, [database.db.insert(packages).values(row).returning()]);
      return written ? toMyPackage((written[0] as PackageRow[])[0]!) : RETRY;
    },
    writeContention,
  );
}

/** Changes a package for later purchases; purchases already made keep the terms they were sold with. */
export async function updatePackage(deps: ServiceDeps, specialist: SpecialistRow, id: string, patch: z.output<typeof PackageUpdate>): Promise<MyPackage> {
  const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<PackageRow>;
  const { database } = deps;
  const { db } = database;
  return optimistic(
    database,
    specialist.id,
    async () => {
      const current = await findMine(db, specialist, id);
      if (Object.keys(changes).length === 0) return toMyPackage(current);
      if (changes.serviceIds) await assertOwnServices(db, specialist, changes.serviceIds, 'service_not_found.package');
      checkPayable(specialist, { ...current, ...changes });
      const update = db.update(packages).set(changes).where(and(eq(packages.id, id), eq(packages.specialistId, specialist.id))).returning();
      const still = changes.serviceIds ? ownServicesStill(specialist, changes.serviceIds) : sql`1`;
      const written = await guardedBatch(database, still, [update]);
      if (!written) return RETRY;
      const [row] = written[0] as PackageRow[];
      if (!row) throw notFound(id);
      return toMyPackage(row);
    },
    writeContention,
  );
}

/** Stops selling a package: it leaves the public profile; credits already bought stay valid. */
export function archivePackage(deps: ServiceDeps, specialist: SpecialistRow, id: string): Promise<MyPackage> {
  return updatePackage(deps, specialist, id, { active: false });
}

/** The packages on sale, for the public profile: only the active services they include, and none that include none. */
export async function packagesOnSale(db: Reader, specialistId: string, activeServiceIds: ReadonlySet<string>): Promise<Package[]> {
  const rows = await db
    .select()
    .from(packages)
    .where(and(eq(packages.specialistId, specialistId), eq(packages.active, true)))
    .orderBy(asc(packages.createdAt), asc(packages.id));
  return rows.flatMap((row) => {
    const offered = row.serviceIds.filter((id) => activeServiceIds.has(id));
    return offered.length > 0 ? [toPackage(row, offered)] : [];
  });
}
