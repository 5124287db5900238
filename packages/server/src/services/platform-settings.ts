import type { ServiceDeps } from './deps.js';
import { DEFAULT_PLATFORM_FEE_BPS, type PlatformSettings, type PlatformSettingsUpdate } from '@slotwise/sdk/contract';
import { eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Drizzle, Tx } from '../db/client.js';
import { platformSettings } from '../db/schema.js';
import { writeOne } from '../db/batch.js';

const FEE_KEY = 'platformFeeBps';

type Reader = Drizzle | Tx;

const validFee = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 5000;

/**
 * The platform's fee in basis points (2000 = 20 %) that payments take from a priced booking:
 * what an operator set, else the default.
 */
export async function platformFeeBps(db: Reader): Promise<number> {
  return feeOf(await feeQuery(db));
}

/** The query `platformFeeBps` runs, for a read batch; `feeOf` reads its rows. */
export const feeQuery = (db: Reader) =>
  db.select({ value: platformSettings.value, updatedAt: platformSettings.updatedAt }).from(platformSettings).where(eq(platformSettings.key, FEE_KEY));

/** The fee `feeQuery`'s rows set, else the default. */
export function feeOf(rows: readonly { value: unknown }[]): number {
  const value = rows[0]?.value;
  return validFee(value) ? value : DEFAULT_PLATFORM_FEE_BPS;
}

/**
 * A guard condition: the fee setting is as `feeQuery` read it (`rows`) — an operator's change
 * written meanwhile moves its `updated_at` (or creates the row) and refuses the batch.
 */
export function feeStill(rows: readonly { updatedAt: number }[]): SQL {
  const stamp = rows[0]?.updatedAt ?? -1;
  return sql`coalesce((select ${platformSettings.updatedAt} from ${platformSettings} where ${platformSettings.key} = ${FEE_KEY}), -1) = ${stamp}`;
}

/** The platform settings as stored, or their defaults. */
export async function readPlatformSettings(deps: ServiceDeps): Promise<PlatformSettings> {
  return settingsIn(deps.database.db);
}

async function settingsIn(db: Reader): Promise<PlatformSettings> {
  const [row] = await db.select().from(platformSettings).where(eq(platformSettings.key, FEE_KEY));
  const value = row?.value;
  return {
    platformFeeBps: validFee(value) ? value : DEFAULT_PLATFORM_FEE_BPS,
    updatedAt: row ? new Date(row.updatedAt).toISOString() : null,
  };
}

/** Stores the operator's changes, recording who made them. */
export async function updatePlatformSettings(
  deps: ServiceDeps,
  patch: z.output<typeof PlatformSettingsUpdate>,
  accountId: string,
): Promise<PlatformSettings> {
  const now = deps.clock();
  if (patch.platformFeeBps !== undefined) {
    const row = { key: FEE_KEY, value: patch.platformFeeBps, updatedAt: now, updatedBy: accountId };
    await writeOne(deps.database, deps.database.db.insert(platformSettings).values(row).onConflictDoUpdate({ target: platformSettings.key, set: { value: row.value, updatedAt: now, updatedBy: accountId } }));
  }
  return settingsIn(deps.database.db);
}
