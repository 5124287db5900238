import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Database } from '../db/client.js';
import { ServiceError } from './errors.js';
import { t } from './messages/index.js';

/**
 * How many of each thing one specialist may keep. Each is far above what a practice uses, and each
 * bounds what a free account can make the server do for everyone: every recurring rule is expanded
 * and every override applied when a calendar's slots are computed after a change, and every
 * service is listed in each profile answer. Measured in-process on the 2-core machine (first slots
 * miss after the change, 62 days): 6,000 rules of the costliest kind a security review found took
 * 1.9 s and blocked the event loop for every tenant; 50 of them 28 ms; 1,000 year-long overrides of
 * 12 intervals each 129 ms, hence 500.
 */
export const LIMITS = {
  recurring: 50,
  overrides: 500,
  services: 200,
  packages: 100,
  promo_codes: 1000,
} as const;

export type Limited = keyof typeof LIMITS;

/** The 409 a create past `kind`'s limit answers. */
export function limitReached(kind: Limited): ServiceError {
  return new ServiceError('limit_reached', t(`limit_reached.${kind}`, { max: LIMITS[kind] }));
}

/** A batch guard: `specialistId` has fewer than `kind`'s limit of rows in `table` (`where` narrows them). */
export function underLimit(kind: Limited, table: SQLiteTable, specialistColumn: SQLiteColumn, specialistId: string, where?: SQL): SQL {
  return sql`(select count(*) from ${table} where ${where ? and(eq(specialistColumn, specialistId), where) : eq(specialistColumn, specialistId)}) < ${LIMITS[kind]}`;
}

/** Throws `kind`'s 409 when `specialistId` already has its limit of rows in `table`: checked before other work. */
export async function assertUnderLimit(database: Database, kind: Limited, table: SQLiteTable, specialistColumn: SQLiteColumn, specialistId: string): Promise<void> {
  const [row] = await database.db.select({ n: sql<number>`count(*)` }).from(table).where(eq(specialistColumn, specialistId));
  if ((row?.n ?? 0) >= LIMITS[kind]) throw limitReached(kind);
}
