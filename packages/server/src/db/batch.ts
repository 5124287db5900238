import { sql, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from './client.js';
import type { Query } from './shaped.js';

/**
 * Guarded batches: a change computed from a snapshot read, then written as ONE atomic batch whose
 * first statement is a guard the database evaluates. When the guard's condition is false the
 * guard statement fails — `json()` of text that is not JSON, an error every SQLite raises at run
 * time, inside or outside a trigger, on libSQL and D1 alike — and the engine rolls the whole batch
 * back: nothing of the change is written. The caller then reads a fresh snapshot and tries again.
 *
 * Why an error rather than statements that "do nothing": every later statement can stay a plain
 * drizzle insert/update (with `.returning()`), instead of each being rewritten as
 * `INSERT … SELECT … WHERE <guard>`.
 */

/** The text the failing guard hands to `json()`: how its error is told from any other. */
const MARK = 'slotwise-guard';

/**
 * The guard statement: `1` when `condition` holds, else a run-time error that aborts the batch.
 * `random()` keeps SQLite from evaluating the error branch once, up front, as a constant.
 */
export function guard(db: Database['db'], condition: SQL): BatchItem<'sqlite'> {
  return db.run(sql`select case when ${condition} then 1 else json(${MARK} || random()) end`);
}

/** Whether `error` is the guard (the batch's first statement) refusing, as libSQL and D1 report it. */
export function isGuardFailure(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const { message, statementIndex } = e as { message?: unknown; statementIndex?: unknown };
    if (typeof message === 'string' && message.includes('malformed JSON') && (statementIndex === undefined || statementIndex === 0)) return true;
  }
  return false;
}

/**
 * Writes `queries` after `condition`'s guard as one batch. @returns the queries' results
 * (the guard's left out), or `undefined` when the guard refused and nothing was written.
 */
export async function guardedBatch(database: Database, condition: SQL, queries: readonly Query[]): Promise<unknown[] | undefined> {
  try {
    const [, ...results] = await database.batch([guard(database.db, condition), ...queries]);
    return results;
  } catch (error) {
    if (isGuardFailure(error)) return undefined;
    throw error;
  }
}

/** What an attempt answers when its guard refused: read a fresh snapshot and try again. */
export const RETRY: unique symbol = Symbol('retry');

/** How many snapshot-then-batch attempts one change gets before it gives up. */
export const MAX_ATTEMPTS = 6;

const lanes = new WeakMap<Database, Map<string, Promise<unknown>>>();

/**
 * Runs `attempt` until it answers something other than `RETRY`, at most `tries` times, with a
 * short random pause between tries (writers elsewhere that collided spread out).
 *
 * Attempts that share `lane` (e.g. a specialist's id) run one after another within this process
 * and this database handle: they would only invalidate each other's snapshot, so waiting is cheaper
 * than colliding. This is a queue in JavaScript, not a database lock: other processes, isolates
 * and every other lane carry on, and collisions with them are what the guard and the retries are for.
 *
 * @returns the answer, or `exhausted()`'s error thrown when every try was refused.
 */
export async function optimistic<T>(
  database: Database,
  lane: string,
  attempt: (n: number) => Promise<T | typeof RETRY>,
  exhausted: () => Error,
  tries = MAX_ATTEMPTS,
): Promise<T> {
  let byLane = lanes.get(database);
  if (!byLane) lanes.set(database, (byLane = new Map()));
  const run = async (): Promise<T> => {
    for (let n = 0; n < tries; n++) {
      if (n > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * n));
      const answer = await attempt(n);
      if (answer !== RETRY) return answer;
    }
    throw exhausted();
  };
  const before = byLane.get(lane) ?? Promise.resolve();
  const turn = before.then(run, run);
  const settled = turn.then(
    () => undefined,
    () => undefined,
  );
  byLane.set(lane, settled);
  void settled.then(() => {
    if (byLane.get(lane) === settled) byLane.delete(lane);
  });
  return turn;
}

const commits = new WeakMap<Database, { n: number }>();

/**
 * How many writes this handle has committed, as a function to read it again later: when it has not
 * moved since a snapshot was read, nothing this process wrote can have made the snapshot stale
 * (other processes' writes are what the guard is for) — so a first try may use a snapshot read
 * before it queued, instead of reading the same again.
 */
export function commitCount(database: Database): () => number {
  let counter = commits.get(database);
  if (!counter) {
    const c = { n: 0 };
    database.onCommit(() => c.n++);
    commits.set(database, (counter = c));
  }
  return () => counter.n;
}

/**
 * One statement written on its own — atomic by itself, so it needs no transaction: through the
 * handle's write path (write queue, `SQLITE_BUSY` retries, commit listeners), on every engine.
 * @returns what awaiting the query would have answered (`.returning()` rows…).
 */
export async function writeOne<Q extends BatchItem<'sqlite'>>(database: Database, query: Q): Promise<Awaited<Q>> {
  const [result] = await database.batch([query]);
  return result as Awaited<Q>;
}
