import { createClient, type Client, type InArgs, type ResultSet } from '@libsql/client';
import type { Query } from './shaped.js';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import * as schema from './schema.js';

export type Drizzle = LibSQLDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Drizzle['transaction']>[0]>[0];
/** What a read needs: the database's handle, or a transaction's when it runs inside one. */
export type Reader = Drizzle | Tx;

export interface DatabaseOptions {
  /** Milliseconds a statement waits for another writer's lock before `SQLITE_BUSY`. @default 5000 */
  timeout?: number;
  /** Auth token for a remote libSQL (Turso) database. */
  authToken?: string;
  /** How many times a write transaction is retried after `SQLITE_BUSY`. @default 3 */
  busyRetries?: number;
  /**
   * The libSQL build that connects: Node's (embedded files and remote URLs) by default; the edge
   * entry passes the web build's (`db/remote.ts`), which has no native module and no `node:` import.
   */
  createClient?: (config: Parameters<typeof createClient>[0]) => Client;
  /**
   * SQLite's `synchronous` for the writes of a local file (`file:` URLs only). It belongs to one
   * connection, so with `'normal'` the writes (`write`, `batch`) go through a client of their own
   * with one connection, set once when it opens (again after `SQLITE_BUSY` opens a new one); reads
   * keep the pool. A connection that missed it runs libSQL's compiled default, FULL
   * (`DEFAULT_WAL_SYNCHRONOUS=2`): slower, never less durable. @default 'full'
   */
  synchronous?: Synchronous;
  /**
   * A lock shared with the other threads of this process that write the same local file
   * (`threadWriteLock()`, handed to a worker in its `workerData`). Each write waits for it without
   * blocking its event loop (`Atomics.waitAsync`) before `BEGIN`, so two threads never meet in
   * SQLite's busy handler, which sleeps the whole thread (1, 2, 5, 10 ms…) while the other commits.
   * Other processes still meet SQLite's lock and `timeout`. @default none
   */
  threadLock?: Int32Array;
}

/** A write lock for the threads of one process that share a database file (`DatabaseOptions.threadLock`). */
export function threadWriteLock(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4));
}

/** ES2024's `Atomics.waitAsync` (Node 16+), which this package's TypeScript lib does not declare. */
interface AtomicsWaitAsync {
  waitAsync(array: Int32Array, index: number, value: number): { async: false; value: 'not-equal' | 'timed-out' } | { async: true; value: Promise<'ok' | 'timed-out'> };
}

const FREE = 0;
const HELD = 1;

/** Takes `lock` (waiting asynchronously while another thread holds it), runs `run`, gives it back. */
async function underThreadLock<T>(lock: Int32Array, run: () => Promise<T>): Promise<T> {
  while (Atomics.compareExchange(lock, 0, FREE, HELD) !== FREE) {
    const wait = (Atomics as unknown as AtomicsWaitAsync).waitAsync(lock, 0, HELD);
    if (wait.async) await wait.value;
  }
  try {
    return await run();
  } finally {
    Atomics.store(lock, 0, FREE);
    Atomics.notify(lock, 0, 1);
  }
}

/**
 * How a committed write of a local file in WAL mode survives (sqlite.org/pragma.html#pragma_synchronous):
 * `full` syncs the WAL at every commit — the write survives a process crash, an OS crash and a
 * power loss; `normal` syncs only at checkpoints — it survives a process crash, and an OS crash or
 * power loss may lose the last commits (never corrupt the file).
 */
export type Synchronous = 'normal' | 'full';

export interface Database {
  readonly url: string;
  /** The current drizzle handle; it changes when the connection is recreated after `SQLITE_BUSY`. */
  readonly db: Drizzle;
  /**
   * Runs `fn` in one `BEGIN IMMEDIATE` transaction. Read-then-write work goes here so no other
   * writer can slip in between the check and the insert. Keep it short and free of other I/O.
   */
  write<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Runs drizzle queries (built on `db`, not awaited) as ONE atomic write batch — libSQL's
   * `batch(…, 'write')`, D1's `batch` —: one round trip, all or nothing, no lock held while
   * JavaScript runs. Results come back mapped as drizzle maps them (`.returning()` rows…). A
   * statement that fails rolls the whole batch back (`db/batch.ts` builds guards on that).
   * On a local file, batches that wait for the write lock together commit in one transaction
   * (`runGroup`), with the same outcome for each as one after another.
   */
  batch(queries: readonly Query[]): Promise<unknown[]>;
  /**
   * Runs drizzle SELECTs (built on `db`, not awaited) as ONE read batch: one round trip to a remote
   * database (Turso, D1) instead of one per query, and one consistent snapshot — every answer as of
   * the same moment, which a guarded write then checks is still current. Results as drizzle maps
   * them, in order. Nothing is written, so nothing waits in the write queue.
   */
  read(queries: readonly Query[]): Promise<unknown[]>;
  /**
   * A number that changes whenever any connection, in any process, commits a write — this
   * handle's included — read without a query. Read it BEFORE the data filed under it. Set by the
   * Node entry for a local file in WAL mode (`db/local-file.ts`: the wal-index header, what
   * SQLite's `data_version` compares); absent elsewhere, where callers must query the data itself.
   */
  changeCounter?: () => number;
  /** One trivial query: whether the database answers (readiness checks). */
  ping(): Promise<void>;
  /**
   * Calls `listener` after every write transaction of this handle commits (the outbox dispatcher
   * wakes up this way). Listeners must be quick and must not throw. @returns how to stop listening
   */
  onCommit(listener: () => void): () => void;
  close(): void;
}

/** What drizzle's queries expose to its own `batch` (internal API, the same calls drizzle makes). */
interface Prepares {
  _prepare(): { getQuery(): { sql: string; params: unknown[] }; mapResult(result: ResultSet, isFromBatch: boolean): unknown };
}

/** A write batch waiting for its turn, with how to answer its caller. */
interface Waiting {
  queries: readonly Query[];
  resolve(results: unknown[]): void;
  reject(error: unknown): void;
}

/** Batches committed together at most (a group's statements run in one transaction, the lock held throughout). */
const GROUP_MAX_BATCHES = 32;

/**
 * Group commit: `group`'s batches run as ONE batch (one transaction, one commit), each answered
 * its own results. A commit costs more than most statements (≈ 100–150 µs in WAL, the WAL's frames
 * and now and then a checkpoint), and batches wait together whenever another write holds the lock.
 *
 * The same outcome as running them one after another: each batch's statements see the batches
 * before it, and nothing else comes in between. Should any statement fail — a guard refusing
 * (`batch.ts`), a constraint —, the whole transaction is rolled back and every batch runs again on
 * its own, so each gets exactly the answer or the error it would have had alone.
 */
async function runGroup(group: readonly Waiting[], alone: (queries: readonly Query[]) => Promise<unknown[]>): Promise<void> {
  const each = async (w: Waiting) => {
    try {
      w.resolve(await alone(w.queries));
    } catch (error) {
      w.reject(error);
    }
  };
  if (group.length === 1) return each(group[0]!);
  let results: unknown[];
  try {
    results = await alone(group.flatMap((w) => w.queries));
  } catch (error) {
    // The database stayed busy through every retry: so would each batch alone.
    if (isBusy(error)) return group.forEach((w) => w.reject(error));
    for (const w of group) await each(w);
    return;
  }
  let at = 0;
  for (const w of group) w.resolve(results.slice(at, (at += w.queries.length)));
}

/** Whether `error` (or an error it was caused by) is SQLite's `SQLITE_BUSY`. */
export function isBusy(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (code === 'SQLITE_BUSY' || (typeof message === 'string' && message.includes('SQLITE_BUSY'))) return true;
  }
  return false;
}

/**
 * Opens a libSQL database: `file:` URLs on Node (embedded), `libsql:`/`https:` for Turso.
 * No module-level state: every app gets the database it is given.
 */
export function createDb(url: string, options: DatabaseOptions = {}): Database {
  const timeout = options.timeout ?? 5000;
  const open = (concurrency?: number): { client: Client; db: Drizzle } => {
    const config = { url, authToken: options.authToken, timeout, ...(concurrency ? { concurrency } : {}) };
    const client = (options.createClient ?? createClient)(config as Parameters<typeof createClient>[0]);
    return { client, db: drizzle(client, { schema }) };
  };
  // `synchronous=normal` belongs to a connection, and libSQL 0.18's client opens connections on
  // demand (a pool of up to 20). So the writes of a local file at `normal` get a client of their
  // own with ONE connection, set once when opened — not a pragma statement before every write.
  // Should that connection be dropped (the pool closes one whose ROLLBACK failed), its
  // replacement runs libSQL's compiled default, FULL (`DEFAULT_WAL_SYNCHRONOUS=2`): slower,
  // never less durable.
  const local = url.startsWith('file:');
  const ownWriter = local && options.synchronous === 'normal';
  let current = open();
  let writer = ownWriter ? open(1) : current;
  let writerSet = false;
  // Before BEGIN: SQLite refuses to change it inside a transaction.
  const prepareWrite = ownWriter
    ? async () => {
        if (writerSet) return;
        await writer.client.execute('pragma synchronous = normal');
        writerSet = true;
      }
    : undefined;
  const listeners = new Set<() => void>();
  let queue: Promise<void> = Promise.resolve();

  const closeQuietly = (client: Client) => {
    try {
      client.close();
    } catch {
      /* already closed */
    }
  };
  // libSQL 0.18 leaves a connection inside an implicit transaction after SQLITE_BUSY, and
  // later writes on it vanish (libsql-client-ts #352): never reuse a connection that saw one.
  const reopen = () => {
    closeQuietly(current.client);
    if (ownWriter) closeQuietly(writer.client);
    current = open();
    writer = ownWriter ? open(1) : current;
    writerSet = false;
  };

  /**
   * Drizzle's own `batch`, in `write` mode for changes (the lock is taken at BEGIN, never upgraded
   * midway) or `deferred` for reads (a read transaction: one snapshot).
   */
  async function runBatch(client: Client, queries: readonly Query[], mode: 'write' | 'deferred' = 'write'): Promise<unknown[]> {
    const prepared = queries.map((q) => (q as unknown as Prepares)._prepare());
    const results = await client.batch(
      prepared.map((p) => {
        const built = p.getQuery();
        return { sql: built.sql, args: built.params as InArgs };
      }),
      mode,
    );
    return results.map((result, i) => prepared[i]!.mapResult(result, true));
  }

  /** Runs one write (a transaction or a batch), retried on a fresh connection after `SQLITE_BUSY`. */
  async function attempt<T>(run: () => Promise<T>): Promise<T> {
    const retries = options.busyRetries ?? 3;
    for (let tries = 0; ; tries++) {
      try {
        if (prepareWrite) await prepareWrite();
        const result = await run();
        for (const listener of listeners) {
          try {
            listener();
          } catch {
            /* committed: a listener's failure is its own */
          }
        }
        return result;
      } catch (error) {
        if (!isBusy(error)) throw error;
        reopen();
        if (tries >= retries) throw error;
      }
    }
  }

  // One write (transaction or batch) at a time per handle. libSQL's driver is synchronous: a second
  // BEGIN IMMEDIATE on another connection of this process would busy-wait on the event loop that
  // the first transaction needs in order to finish — a stall of `timeout` ms. Queued here, they
  // wait without blocking; other processes still meet SQLite's lock and busy timeout.
  const lock = options.threadLock;
  const queued = <T>(run: () => Promise<T>): Promise<T> => {
    const turn = queue.then(lock ? () => underThreadLock(lock, run) : run);
    queue = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  };

  // A local file's batches that queue while another write holds the lock — this thread's, or the
  // other thread's through `threadLock` — commit together: one BEGIN … COMMIT for all of them, in
  // the order they were asked (`runGroup`).
  const waiting: Waiting[] = [];
  const alone = (queries: readonly Query[]) => attempt(() => runBatch(writer.client, queries));
  const runWaiting = async () => {
    const group = waiting.splice(0, GROUP_MAX_BATCHES);
    if (waiting.length > 0) void queued(runWaiting);
    await runGroup(group, alone);
  };

  return {
    url,
    get db() {
      return current.db;
    },
    write(fn) {
      return queued(() => attempt(() => writer.db.transaction(fn, { behavior: 'immediate' })));
    },
    batch(queries) {
      // A remote database's failed request may or may not have committed: its batches go alone.
      if (!local) return queued(() => alone(queries));
      return new Promise<unknown[]>((resolve, reject) => {
        waiting.push({ queries, resolve, reject });
        if (waiting.length === 1) void queued(runWaiting);
      });
    },
    read(queries) {
      return queries.length === 0 ? Promise.resolve([]) : runBatch(current.client, queries, 'deferred');
    },
    onCommit(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async ping() {
      await current.client.execute('select 1');
    },
    close() {
      current.client.close();
      if (ownWriter) writer.client.close();
    },
  };
}
