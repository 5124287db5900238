import { and, asc, eq, getTableColumns, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Query } from '../../db/shaped.js';
import { guardedBatch, optimistic, RETRY } from '../../db/batch.js';
import { deliveries, outbox, type DeliveryRow } from '../../db/schema.js';
import type { ServiceDeps } from '../deps.js';
import { newId } from '../ids.js';
import { errorFields } from '../log.js';
import { nextTurn } from '../next-turn.js';
import { DeliveryFailure, memo, type DeliveryChannel, type DeliveryDraft, type OutboxEvent, type SendContext } from './channel.js';

/** How long a claimed delivery belongs to the process that claimed it before anyone may retry it. */
export const LEASE_MS = 2 * 60_000;
/** How long a delivery waits for the one it depends on (the meeting before the invite). */
export const MAX_WAIT_MS = 10 * 60_000;
/** Deliveries sent per batch; a drain goes on while batches come back full. */
const BATCH = 25;

/** Retries back off from 30 s, doubling, to at most 6 hours. */
export const backoff = (attempts: number) => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);

export interface DrainResult {
  planned: number;
  sent: number;
  retried: number;
  dead: number;
  skipped: number;
}

/** Outbox rows planned per round at most (each becomes one statement or more of one batch). */
const PLAN_ROUND = 50;
/**
 * Rows per statement when a round's deliveries are inserted or its outcomes recorded: D1 binds at
 * most 100 parameters per statement — an inserted row binds at most one per column of the table
 * (so a new column lowers the count by itself), an outcome binds 7.
 */
const D1_MAX_PARAMETERS = 100;
const INSERT_ROWS = Math.floor(D1_MAX_PARAMETERS / Object.keys(getTableColumns(deliveries)).length);
const OUTCOME_ROWS = 12;

/** `items` in runs of `size`. */
const chunks = <T>(items: readonly T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * The rows to plan together: in order, cut before a row whose booking (or purchase, account…) is
 * already in the group — a channel's plan reads what the earlier changes of the same booking
 * planned (the meeting a cancellation must delete), which one batch would not have written yet.
 */
function groupOf(rows: readonly OutboxEvent[]): OutboxEvent[] {
  const seen = new Set<string>();
  const group: OutboxEvent[] = [];
  for (const row of rows) {
    const subject = row.bookingId ?? row.purchaseId ?? row.accountId ?? row.id;
    if (seen.has(subject)) break;
    seen.add(subject);
    group.push(row);
  }
  return group;
}

const deliveryValues = (event: OutboxEvent, d: DeliveryDraft, now: number) => ({
  id: d.id,
  outboxId: event.id,
  bookingId: event.bookingId,
  specialistId: event.specialistId,
  channel: d.channel,
  kind: d.kind,
  recipient: d.recipient,
  idempotencyKey: d.idempotencyKey,
  data: d.data,
  status: 'pending' as const,
  dueAt: d.dueAt ?? now,
  nextAttemptAt: d.dueAt ?? now,
  waitsFor: d.waitsFor ?? null,
  createdAt: now,
  updatedAt: now,
});

/**
 * Turns every outbox row not yet planned into its deliveries, once. Each round reads the rows and
 * plans them from that snapshot, then writes ONE guarded batch (`db/batch.ts`): the channels' own
 * writes and the deliveries, then the rows marked planned — guarded by those rows all being
 * still unplanned, so of two processes planning the same rows one writes and the other starts over
 * (and finds nothing left). A delivery's idempotency key is unique too: a second plan of the same
 * change makes nothing new. The deliveries go in a few rows per statement, each statement under
 * D1's limit of bound parameters; reads the channels repeat for many rows of a round (a
 * specialist's webhook endpoints, a service) are made once per round (`PlanContext.once`).
 */
export async function planOutbox(deps: ServiceDeps, channels: readonly DeliveryChannel[], now: number): Promise<number> {
  const { database } = deps;
  const db = database.db;
  const unplanned = isNull(outbox.plannedAt);
  let total = 0;
  let last = false;
  for (;;) {
    // A cheap read first: most commits leave nothing to plan, and an empty write would wake the dispatcher again.
    const [any] = await db.select({ id: outbox.id }).from(outbox).where(unplanned).limit(1);
    if (!any) return total;
    const planned = await optimistic(
      database,
      'outbox.plan',
      async () => {
        const read = (await db.select().from(outbox).where(unplanned).orderBy(asc(outbox.createdAt), sql`rowid`).limit(PLAN_ROUND)) as OutboxEvent[];
        const rows = groupOf(read);
        if (rows.length === 0) return 0;
        // Everything unplanned fitted in this round: no need to look again (a later commit kicks a drain of its own).
        last = rows.length === read.length && read.length < PLAN_ROUND;
        const queries: Query[] = [];
        const round: { bookingId: string | null; draft: DeliveryDraft }[] = [];
        const values: ReturnType<typeof deliveryValues>[] = [];
        const also = (query: Query) => void queries.push(query);
        const once = memo();
        for (const event of rows) {
          const drafts: DeliveryDraft[] = [];
          for (const channel of channels) drafts.push(...(await channel.plan(db, event, { now, planned: drafts, deps, also, round, once })));
          values.push(...drafts.map((d) => deliveryValues(event, d, now)));
          round.push(...drafts.map((draft) => ({ bookingId: event.bookingId, draft })));
        }
        // After every channel's own writes (each event's `also` before its new deliveries, as promised),
        // several rows per statement: one statement per delivery was most of a round's statements.
        for (const chunk of chunks(values, INSERT_ROWS)) queries.push(db.insert(deliveries).values(chunk).onConflictDoNothing({ target: deliveries.idempotencyKey }));
        const ids = rows.map((r) => r.id);
        queries.push(db.update(outbox).set({ plannedAt: now }).where(inArray(outbox.id, ids)));
        const still = sql`(select count(*) from ${outbox} where ${inArray(outbox.id, ids)} and ${unplanned}) = ${ids.length}`;
        return (await guardedBatch(database, still, queries)) ? rows.length : RETRY;
      },
      () => new Error('Planning the outbox kept colliding with another process; the next drain tries again.'),
    );
    total += planned;
    if (planned === 0 || last) return total;
  }
}

/** One that waits for another goes once that one is done, or once it has waited long enough. */
const waitOver = (now: number) =>
  sql`(${deliveries.waitsFor} is null or ${deliveries.createdAt} <= ${now - MAX_WAIT_MS} or exists (select 1 from deliveries w where w.id = ${deliveries.waitsFor} and w.status in ('sent', 'dead', 'skipped', 'cancelled')))`;
const pendingDue = (now: number) => and(eq(deliveries.status, 'pending'), lte(deliveries.nextAttemptAt, now), waitOver(now))!;
const leaseOver = (now: number) => and(eq(deliveries.status, 'sending'), lte(deliveries.leaseUntil, now), waitOver(now))!;

/** Due now: pending and past its time, or claimed by a process whose lease ran out. */
const due = (now: number) => or(pendingDue(now), leaseOver(now));

/**
 * The ids of the `limit` due deliveries that are due earliest. Each kind is read in the order of
 * `deliveries_due_idx` (status, next attempt) and stops after `limit` rows, so a backlog of
 * thousands costs a claim no more than its first rows; `due` alone, ordered, made SQLite read
 * every due row and sort them, each claim.
 */
const earliestDue = (now: number, limit: number) => {
  const first = (condition: SQL) =>
    sql`select * from (select ${deliveries.id} as id, ${deliveries.nextAttemptAt} as at from ${deliveries} where ${condition} order by ${deliveries.nextAttemptAt} limit ${limit})`;
  return sql`(select id from (${first(pendingDue(now))} union all ${first(leaseOver(now))}) order by at limit ${limit})`;
};

/**
 * Claims up to `limit` due deliveries for this process (a lease), in ONE statement — the ids
 * chosen and leased by the same `UPDATE`, so two processes never claim the same delivery, with
 * no interactive transaction.
 */
async function claim(deps: ServiceDeps, now: number, limit: number): Promise<DeliveryRow[]> {
  const db = deps.database.db;
  const [any] = await db.select({ id: deliveries.id }).from(deliveries).where(due(now)).limit(1);
  if (!any) return [];
  const [claimed] = await deps.database.batch([
    db
      .update(deliveries)
      .set({ status: 'sending', leaseUntil: now + LEASE_MS, attempts: sql`${deliveries.attempts} + 1`, updatedAt: now })
      // Chosen by this same statement, under the write lock: still due. (`and … due(now)` here
      // made SQLite walk every due row again instead of looking the chosen ids up.)
      .where(inArray(deliveries.id, earliestDue(now, limit)))
      .returning(),
  ]);
  return claimed as DeliveryRow[];
}

type Settled = {
  outcome: 'sent' | 'skipped' | 'retried' | 'dead';
  delivery: DeliveryRow;
  /** What the send itself writes, and a failure's row update: recorded with the round's others. */
  writes: Query[];
  /** A send that ended (sent or skipped): its row's update is made with the round's others, a few per statement. */
  done?: { providerRef: string | null; sentAt: number | null };
  /** The log line, written once the outcome is recorded. */
  line: Record<string, unknown>;
  error?: unknown;
};

/** Sends one claimed delivery and works out how it ended, to be recorded with its round; never throws. */
async function sendOne(deps: ServiceDeps, channel: DeliveryChannel | undefined, delivery: DeliveryRow, now: number, once: SendContext['once']): Promise<Settled> {
  const started = performance.now();
  const base = { msg: 'delivery', id: delivery.id, channel: delivery.channel, kind: delivery.kind, attempt: delivery.attempts, idempotencyKey: delivery.idempotencyKey };
  const db = deps.database.db;
  try {
    if (!channel) throw new DeliveryFailure(`No channel "${delivery.channel}" is configured.`, { retryable: false });
    const outcome = (await channel.send(delivery, deps, { once })) ?? {};
    const status = outcome.status ?? 'sent';
    const done = { providerRef: outcome.providerRef ?? null, sentAt: status === 'sent' ? deps.clock() : null };
    return { outcome: status, delivery, writes: outcome.writes ?? [], done, line: { level: 'info', ...base, outcome: status, ms: Math.round(performance.now() - started) } };
  } catch (error) {
    const retryable = !(error instanceof DeliveryFailure) || error.retryable;
    const giveUpAt = delivery.dueAt + (channel?.retryForMs ?? 24 * 3_600_000);
    const next = now + backoff(delivery.attempts);
    const dead = !retryable || next > giveUpAt;
    const message = error instanceof Error ? error.message : String(error);
    const update = db
      .update(deliveries)
      .set({ status: dead ? 'dead' : 'pending', nextAttemptAt: dead ? delivery.nextAttemptAt : next, leaseUntil: null, lastError: message.slice(0, 1000), updatedAt: deps.clock() })
      .where(eq(deliveries.id, delivery.id));
    const line = { level: dead ? 'error' : 'warn', ...base, outcome: dead ? 'dead' : 'retry', ...(dead ? {} : { nextAttemptAt: new Date(next).toISOString() }), ...errorFields(error) };
    return { outcome: dead ? 'dead' : 'retried', delivery, writes: [update], line, error };
  }
}

/** `case "id" when ? then ? … end`: a value per delivery, in one statement. */
const perDelivery = (run: readonly Settled[], value: (s: Settled) => unknown) =>
  sql`case ${deliveries.id} ${sql.join(
    run.map((s) => sql`when ${s.delivery.id} then ${value(s)}`),
    sql` `,
  )} end`;

/** The rows of sends that ended (sent or skipped), updated by one statement. */
const endedUpdate = (deps: ServiceDeps, run: readonly Settled[], now: number) =>
  deps.database.db
    .update(deliveries)
    .set({
      status: perDelivery(run, (s) => s.outcome),
      // A skip after failed attempts (an endpoint turned off meanwhile) keeps why they failed.
      providerRef: perDelivery(run, (s) => (s.outcome === 'skipped' && s.done!.providerRef === null ? deliveries.providerRef : s.done!.providerRef)),
      sentAt: perDelivery(run, (s) => s.done!.sentAt),
      leaseUntil: null,
      lastError: perDelivery(run, (s) => (s.outcome === 'skipped' ? deliveries.lastError : null)),
      updatedAt: now,
    })
    .where(
      inArray(
        deliveries.id,
        run.map((s) => s.delivery.id),
      ),
    );

/**
 * Records a round's outcomes as ONE batch — one commit for the round, not one per delivery —, then
 * logs them and tells dead deliveries' channels. Should the batch fail, the deliveries stay leased
 * and go again when their lease runs out, as after a crash (the idempotency key holds them to one).
 */
async function record(deps: ServiceDeps, byName: Map<string, DeliveryChannel>, settled: Settled[]): Promise<void> {
  if (settled.length === 0) return;
  const ended = settled.filter((s) => s.done);
  await deps.database.batch([...settled.flatMap((s) => s.writes), ...chunks(ended, OUTCOME_ROWS).map((run) => endedUpdate(deps, run, deps.clock()))]);
  for (const s of settled) {
    deps.log(s.line as Parameters<ServiceDeps['log']>[0]);
    const channel = byName.get(s.delivery.channel);
    if (s.outcome === 'dead' && channel?.onDead) await channel.onDead(s.delivery, deps).catch((e: unknown) => deps.logError(e));
  }
}

/**
 * How long a round waits for its slowest sends to endpoints nobody here runs (a channel with
 * `mayFinishLate`: webhooks) before it records the others and goes on. A send still out then (a
 * webhook endpoint that does not answer, until its 15 s timeout) finishes on its own and is
 * recorded when it ends: one specialist's slow endpoint no longer holds up every other
 * specialist's webhooks and every customer's email behind it. Sends of other channels are
 * always awaited, so the messages of one booking keep their order.
 */
export const SEND_PATIENCE_MS = 1_000;
/** Sends left to finish on their own at most at once; at the bound a drain waits for one to end. */
export const MAX_LATE_SENDS = 100;

/** What a drain does with sends still out after `SEND_PATIENCE_MS` (the dispatcher's drains). */
export interface LateSends {
  /** Takes a late send's recording, to be awaited by whoever waits for deliveries to be done. */
  detach(work: Promise<void>): void;
  /** Resolves once fewer than `MAX_LATE_SENDS` are out. */
  room(): Promise<void>;
}

/**
 * Each promise's value, waiting for every one but those `patient(i)` lets go after `ms`: theirs is
 * undefined if they had not settled by then (they go on).
 */
async function settledWithin<T>(work: readonly Promise<T>[], ms: number, patient: (i: number) => boolean): Promise<(T | undefined)[]> {
  if (!work.some((_, i) => patient(i))) return Promise.all(work);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<undefined>((done) => (timer = setTimeout(() => done(undefined), ms)));
  try {
    return await Promise.all(work.map((p, i) => (patient(i) ? Promise.race([p, deadline]) : p)));
  } finally {
    clearTimeout(timer);
  }
}

const tally = (result: DrainResult, settled: readonly Settled[]) => {
  for (const s of settled) result[s.outcome === 'sent' ? 'sent' : s.outcome === 'skipped' ? 'skipped' : s.outcome === 'dead' ? 'dead' : 'retried']++;
};

/**
 * Plans what the outbox holds, then sends everything due — batch after batch while batches come
 * back full. Every provider call happens outside any transaction; a failure is retried with
 * backoff and a delivery is dead after its channel's bound. With `late`, a round waits at most
 * `SEND_PATIENCE_MS` for its sends of `mayFinishLate` channels: those still out are handed to
 * `late` and recorded when they end (still leased meanwhile, so no one sends them twice), and are
 * not in the result.
 */
export async function drainDeliveries(deps: ServiceDeps, channels: readonly DeliveryChannel[], now: number = deps.clock(), late?: LateSends): Promise<DrainResult> {
  const result: DrainResult = { planned: await planOutbox(deps, channels, now), sent: 0, retried: 0, dead: 0, skipped: 0 };
  const byName = new Map<string, DeliveryChannel>(channels.map((c) => [c.name, c]));
  for (;;) {
    await late?.room();
    const batch = await claim(deps, now, BATCH);
    const once = memo();
    const sends = batch.map((d) => sendOne(deps, byName.get(d.channel), d, now, once));
    const inTime = late ? await settledWithin(sends, SEND_PATIENCE_MS, (i) => byName.get(batch[i]!.channel)?.mayFinishLate === true) : await Promise.all(sends);
    const settled = inTime.filter((s): s is Settled => s !== undefined);
    await record(deps, byName, settled);
    tally(result, settled);
    sends.forEach((send, i) => {
      // Recorded alone when it ends; should that fail, the lease runs out and it goes again, as after a crash.
      if (inTime[i] === undefined) late!.detach(send.then((s) => record(deps, byName, [s])).catch((error: unknown) => deps.logError(error)));
    });
    if (batch.length < BATCH) return result;
  }
}

export interface Dispatcher {
  /** Asks for a drain soon (after the current turn); many kicks make one drain. Never throws. */
  kick(): void;
  /** Drains now (the scheduler's tick), after any drain under way. */
  drain(now?: number): Promise<DrainResult>;
  /** Resolves when no drain is under way or asked for, and no send it left out is (tests, a Worker's `waitUntil`, a stop). */
  idle(): Promise<void>;
}

/**
 * Delivers outbox rows right after the commit that wrote them: `kick` (called on every commit)
 * schedules one drain, never awaited by the request — a slow or failing provider cannot slow or
 * fail a booking. The scheduler's `drain` catches up on retries, reminders and anything a crash
 * left behind.
 */
export function createDispatcher(deps: ServiceDeps, channels: readonly DeliveryChannel[]): Dispatcher {
  let running: Promise<unknown> | undefined;
  let again = false;
  /** Sends a kicked drain left to finish on their own (`SEND_PATIENCE_MS`). */
  const outstanding = new Set<Promise<void>>();
  const late: LateSends = {
    detach(work) {
      const tracked: Promise<void> = work.finally(() => outstanding.delete(tracked));
      outstanding.add(tracked);
    },
    async room() {
      while (outstanding.size >= MAX_LATE_SENDS) await Promise.race(outstanding);
    },
  };
  const run = (now?: number, patient = false): Promise<DrainResult> => {
    const drained = drainDeliveries(deps, channels, now ?? deps.clock(), patient ? late : undefined);
    const settle = drained.then(
      () => undefined,
      (error: unknown) => deps.log({ level: 'error', msg: 'delivery drain failed', ...errorFields(error) }),
    );
    running = settle.then(() => {
      running = undefined;
      if (again) {
        again = false;
        schedule();
      }
    });
    return drained;
  };
  const schedule = () => {
    if (running) {
      again = true;
      return;
    }
    running = nextTurn().then(() => {
      running = undefined;
      return run(undefined, true).catch(() => undefined); // logged by `run`; a kick has no one to answer
    });
  };
  return {
    kick: schedule,
    async drain(now) {
      while (running) await running;
      return run(now);
    },
    async idle() {
      for (;;) {
        if (running) await running;
        else if (outstanding.size > 0) await Promise.all(outstanding);
        else return;
      }
    },
  };
}

export const newDeliveryId = () => newId('dl');
