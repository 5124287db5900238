// The Node entry's delivery worker, seen from the thread that serves HTTP: the outbox's deliveries
// (emails, meeting links, webhooks, text messages, in-app notices) and the scheduler's tick run on a
// worker thread of their own (`delivery-worker.ts`), with their own database connection, so no
// request waits behind a delivery's CPU. This thread only tells it that something was committed.
//
// Measured (bench/README.md, "Deliveries on a thread of their own"): half as many bookings again
// answered per second, and twice the reads beside them, against deliveries on the serving thread.
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { Database, Synchronous } from './db/client.js';
import { errorFields, type Log, type LogEntry } from './services/log.js';

/** What the worker is started with: every field survives `structuredClone`. */
export interface DeliveryWorkerData {
  databaseUrl: string;
  databaseAuthToken?: string;
  databaseSynchronous?: Synchronous;
  /** The environment it builds its providers from (`optionsFromEnv`, `paymentsFromEnv`). */
  env: Record<string, string | undefined>;
  /** The HTTP thread's, so tokens and stored secrets read the same on both threads. */
  jwtSecret: string;
  secretsKey?: string;
  /** The HTTP thread's write lock on the same file (`threadWriteLock`). */
  threadLock: Int32Array;
  /** How often its scheduler ticks; 0 turns the tick off. */
  tickEveryMs: number;
}

/** Messages from the worker: its log lines. */
export type FromWorker = { log: LogEntry };
/** Messages to the worker: something was committed; finish and stop. */
export type ToWorker = 'kick' | 'stop';

/** How long `stop()` lets the worker finish the sends it has started before ending it. */
export const STOP_GRACE_MS = 10_000;

export interface DeliveryThread {
  readonly thread: Worker;
  /** Asks the worker to finish what it is sending, waits for it (at most 10 s), then ends it. */
  stop(): Promise<void>;
}

/**
 * Starts the worker and wakes it after every commit of `database` (one message per turn of the
 * event loop, however many commits it had). Its log lines come back here and are written with
 * `log`, marked `thread: "deliveries"`. Should it stop unasked (a crash), `onLost` is called once:
 * the caller then delivers on its own thread, so the outbox never waits for a restart.
 */
export function startDeliveryWorker(data: DeliveryWorkerData, database: Database, log: Log, onLost: () => void): DeliveryThread {
  const thread = new Worker(new URL('./delivery-worker.js', import.meta.url), { workerData: data });
  let stopping = false;
  let kickQueued = false;
  const stopListening = database.onCommit(() => {
    if (kickQueued) return;
    kickQueued = true;
    setImmediate(() => {
      kickQueued = false;
      if (!stopping) thread.postMessage('kick' satisfies ToWorker);
    });
  });
  thread.on('message', (message: FromWorker) => log({ ...message.log, thread: 'deliveries' }));
  thread.on('error', (error) => log({ level: 'error', msg: 'delivery worker failed', ...errorFields(error) }));
  thread.once('exit', (code) => {
    stopListening();
    if (stopping) return;
    log({ level: 'error', msg: 'delivery worker stopped; deliveries go on from the thread that serves requests', code });
    onLost();
  });
  return {
    thread,
    async stop() {
      if (stopping) return;
      stopping = true;
      stopListening();
      if (thread.threadId === -1) return; // already gone
      const exited = once(thread, 'exit');
      thread.postMessage('stop' satisfies ToWorker);
      const timer = setTimeout(() => void thread.terminate(), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}
