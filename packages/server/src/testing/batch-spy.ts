import type { Database } from '../db/client.js';

/** Counts the batches a database handle sends, and runs `meanwhile` just before each one goes out. */
export interface BatchSpy {
  /** Batches sent since the last `reset()`. */
  count: number;
  /**
   * What "someone else" does between a change's snapshot and its batch — exactly where a second
   * server process or isolate would commit — given the batch's number (from 1).
   */
  meanwhile: (n: number) => Promise<void>;
  /** Counts from zero again and does nothing in between any more. */
  reset(): void;
}

/**
 * Wraps `database.batch` (the guarded write path's one write, `db/batch.ts`) for a test. With
 * `counts`, only the batches it picks are counted and preceded by `meanwhile` (others — the
 * outbox's, the test-payments account's — go out untouched).
 */
export function spyOnBatches(database: Database, counts: (queries: Parameters<Database['batch']>[0]) => boolean = () => true): BatchSpy {
  const spy: BatchSpy = {
    count: 0,
    meanwhile: async () => {},
    reset() {
      spy.count = 0;
      spy.meanwhile = async () => {};
    },
  };
  const batch = database.batch.bind(database);
  database.batch = async (queries) => {
    if (counts(queries)) await spy.meanwhile(++spy.count);
    return batch(queries);
  };
  return spy;
}
