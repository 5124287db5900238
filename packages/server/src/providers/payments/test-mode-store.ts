import { eq, sql } from 'drizzle-orm';
import { guardedBatch, optimistic, RETRY } from '../../db/batch.js';
import type { Database } from '../../db/client.js';
import { testPaymentsState } from '../../db/schema.js';
import type { SimulatorStore } from './test-mode.js';

const ROW = 'simulator';

/**
 * Keeps the offline test-payments mode's simulated Stripe account in the app's own database
 * (`test_payments_state`): `pnpm demo` run again still knows the intents it created, and two
 * processes on one file share one account.
 *
 * Each call reads the snapshot, runs `fn` on it, and writes the new one as a guarded batch
 * (`db/batch.ts`) whose guard is that the stored snapshot is still the one read — no interactive
 * transaction, so it runs where there are none (D1). A call that raced another's write is refused
 * and runs `fn` again on the fresh snapshot (calls of one process queue behind each other first);
 * only the run whose snapshot was stored answers. A call that changes nothing writes nothing.
 *
 * @example
 * createTestPayments({ …, store: databaseSimulatorStore(database) });
 */
export function databaseSimulatorStore(database: Database, clock: () => number = Date.now): SimulatorStore {
  const { db } = database;
  return {
    update: (fn) =>
      optimistic(
        database,
        'test-payments',
        async () => {
          const [row] = await db.select().from(testPaymentsState).where(eq(testPaymentsState.id, ROW));
          const { result, snapshot } = fn(row?.snapshot);
          if (snapshot === row?.snapshot) return result;
          const still = row
            ? sql`exists (select 1 from ${testPaymentsState} where ${testPaymentsState.id} = ${ROW} and ${testPaymentsState.snapshot} = ${row.snapshot})`
            : sql`not exists (select 1 from ${testPaymentsState} where ${testPaymentsState.id} = ${ROW})`;
          const write = db
            .insert(testPaymentsState)
            .values({ id: ROW, snapshot, updatedAt: clock() })
            .onConflictDoUpdate({ target: testPaymentsState.id, set: { snapshot, updatedAt: clock() } });
          return (await guardedBatch(database, still, [write])) ? result : RETRY;
        },
        () => new Error('test payments: the simulated account kept changing under every try; nothing was stored'),
      ),
  };
}
