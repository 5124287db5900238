import { eq, sql, type SQL } from 'drizzle-orm';
import type { Drizzle } from '../../db/client.js';
import { specialists } from '../../db/schema.js';

/**
 * A specialist's `availability_version`: every write that can change their slots — rules,
 * services, bookings' status or time — moves it, by trigger, in the writing transaction.
 * Read it FIRST in a snapshot: a guarded batch (`db/batch.ts`) holding `versionStill` then
 * refuses if anything that snapshot read about this calendar has been changed since.
 */
export async function availabilityVersion(db: Drizzle, specialistId: string): Promise<number> {
  const [row] = await db.select({ v: specialists.availabilityVersion }).from(specialists).where(eq(specialists.id, specialistId));
  return row?.v ?? -1;
}

/** The guard condition: the specialist's availability version is still `version`. */
export const versionStill = (specialistId: string, version: number): SQL =>
  sql`(select ${specialists.availabilityVersion} from ${specialists} where ${specialists.id} = ${specialistId}) = ${version}`;
