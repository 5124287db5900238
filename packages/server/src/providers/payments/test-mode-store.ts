import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { testPaymentsState } from '../../db/schema.js';
import type { SimulatorStore } from './test-mode.js';

const ROW = 'simulator';

/**
 * Keeps the offline test-payments mode's simulated Stripe account in the app's own database
 * (`test_payments_state`), read and written in one write transaction per call: `pnpm demo` run
 * again still knows the intents it created, and two processes on one file share one account.
 *
 * @example
 * createTestPayments({ …, store: databaseSimulatorStore(database) });
 */
export function databaseSimulatorStore(database: Database, clock: () => number = Date.now): SimulatorStore {
  return {
    update: (fn) =>
      database.write(async (tx) => {
        const [row] = await tx.select().from(testPaymentsState).where(eq(testPaymentsState.id, ROW));
        const { result, snapshot } = fn(row?.snapshot);
        if (snapshot !== row?.snapshot) {
          await tx
            .insert(testPaymentsState)
            .values({ id: ROW, snapshot, updatedAt: clock() })
            .onConflictDoUpdate({ target: testPaymentsState.id, set: { snapshot, updatedAt: clock() } });
        }
        return result;
      }),
  };
}
