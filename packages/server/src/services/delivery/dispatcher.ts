import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { deliveries, outbox, type DeliveryRow } from '../../db/schema.js';
import type { ServiceDeps } from '../deps.js';
import { newId } from '../ids.js';
import { errorFields } from '../log.js';
import { nextTurn } from '../next-turn.js';
import { DeliveryFailure, type DeliveryChannel, type DeliveryDraft, type OutboxEvent } from './channel.js';

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

/**
 * Turns every outbox row not yet planned into its deliveries, once: the rows are marked planned in
 * the same transaction that inserts their deliveries, and a delivery's idempotency key is unique,
 * so a crash or a second process plans nothing twice.
 */
export async function planOutbox(deps: ServiceDeps, channels: readonly DeliveryChannel[], now: number): Promise<number> {
  const unplanned = isNull(outbox.plannedAt);
  // A cheap read first: most commits leave nothing to plan, and an empty write would wake the dispatcher again.
  const [any] = await deps.database.db.select({ id: outbox.id }).from(outbox).where(unplanned).limit(1);
  if (!any) return 0;
  return deps.database.write(async (tx) => {
    const rows = (await tx.select().from(outbox).where(unplanned).orderBy(asc(outbox.createdAt), sql`rowid`).limit(100)) as OutboxEvent[];
    for (const event of rows) {
      const planned: DeliveryDraft[] = [];
      for (const channel of channels) planned.push(...(await channel.plan(tx, event, { now, planned, deps })));
      if (planned.length > 0) {
        await tx
          .insert(deliveries)
          .values(
            planned.map((d) => ({
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
            })),
          )
          .onConflictDoNothing({ target: deliveries.idempotencyKey });
      }
      await tx.update(outbox).set({ plannedAt: now }).where(eq(outbox.id, event.id));
    }
    return rows.length;
  });
}

/** Due now: pending and past its time, or claimed by a process whose lease ran out. */
const due = (now: number) =>
  and(
    or(and(eq(deliveries.status, 'pending'), lte(deliveries.nextAttemptAt, now)), and(eq(deliveries.status, 'sending'), lte(deliveries.leaseUntil, now))),
    // One that waits for another goes once that one is done, or once it has waited long enough.
    sql`(${deliveries.waitsFor} is null or ${deliveries.createdAt} <= ${now - MAX_WAIT_MS} or exists (select 1 from deliveries w where w.id = ${deliveries.waitsFor} and w.status in ('sent', 'dead', 'skipped', 'cancelled')))`,
  );

/** Claims up to `limit` due deliveries for this process (a lease), in one write transaction. */
async function claim(deps: ServiceDeps, now: number, limit: number): Promise<DeliveryRow[]> {
  const [any] = await deps.database.db.select({ id: deliveries.id }).from(deliveries).where(due(now)).limit(1);
  if (!any) return [];
  return deps.database.write(async (tx) => {
    const ids = (await tx.select({ id: deliveries.id }).from(deliveries).where(due(now)).orderBy(asc(deliveries.nextAttemptAt)).limit(limit)).map((r) => r.id);
    if (ids.length === 0) return [];
    return tx
      .update(deliveries)
      .set({ status: 'sending', leaseUntil: now + LEASE_MS, attempts: sql`${deliveries.attempts} + 1`, updatedAt: now })
      .where(and(inArray(deliveries.id, ids), due(now)))
      .returning();
  });
}

type Settled = { outcome: 'sent' | 'skipped' | 'retried' | 'dead'; delivery: DeliveryRow };

/** Sends one claimed delivery and records how it ended; never throws. */
async function sendOne(deps: ServiceDeps, channel: DeliveryChannel | undefined, delivery: DeliveryRow, now: number): Promise<Settled> {
  const started = performance.now();
  const base = { msg: 'delivery', id: delivery.id, channel: delivery.channel, kind: delivery.kind, attempt: delivery.attempts, idempotencyKey: delivery.idempotencyKey };
  let settled: Settled;
  try {
    if (!channel) throw new DeliveryFailure(`No channel "${delivery.channel}" is configured.`, { retryable: false });
    const outcome = (await channel.send(delivery, deps)) ?? {};
    const status = outcome.status ?? 'sent';
    await deps.database.write((tx) =>
      tx
        .update(deliveries)
        .set({ status, providerRef: outcome.providerRef ?? null, sentAt: status === 'sent' ? deps.clock() : null, leaseUntil: null, lastError: null, updatedAt: deps.clock() })
        .where(eq(deliveries.id, delivery.id)),
    );
    settled = { outcome: status, delivery };
    deps.log({ level: 'info', ...base, outcome: status, ms: Math.round(performance.now() - started) });
  } catch (error) {
    const retryable = !(error instanceof DeliveryFailure) || error.retryable;
    const giveUpAt = delivery.dueAt + (channel?.retryForMs ?? 24 * 3_600_000);
    const next = now + backoff(delivery.attempts);
    const dead = !retryable || next > giveUpAt;
    const message = error instanceof Error ? error.message : String(error);
    await deps.database.write((tx) =>
      tx
        .update(deliveries)
        .set({ status: dead ? 'dead' : 'pending', nextAttemptAt: dead ? delivery.nextAttemptAt : next, leaseUntil: null, lastError: message.slice(0, 1000), updatedAt: deps.clock() })
        .where(eq(deliveries.id, delivery.id)),
    );
    settled = { outcome: dead ? 'dead' : 'retried', delivery };
    deps.log({ level: dead ? 'error' : 'warn', ...base, outcome: dead ? 'dead' : 'retry', ...(dead ? {} : { nextAttemptAt: new Date(next).toISOString() }), ...errorFields(error) });
    if (dead && channel?.onDead) await channel.onDead(delivery, deps).catch((e: unknown) => deps.logError(e));
  }
  return settled;
}

/**
 * Plans what the outbox holds, then sends everything due — batch after batch while batches come
 * back full. Every provider call happens outside any transaction; a failure is retried with
 * backoff and a delivery is dead after its channel's bound.
 */
export async function drainDeliveries(deps: ServiceDeps, channels: readonly DeliveryChannel[], now: number = deps.clock()): Promise<DrainResult> {
  const result: DrainResult = { planned: await planOutbox(deps, channels, now), sent: 0, retried: 0, dead: 0, skipped: 0 };
  const byName = new Map(channels.map((c) => [c.name, c]));
  for (;;) {
    const batch = await claim(deps, now, BATCH);
    const settled = await Promise.all(batch.map((d) => sendOne(deps, byName.get(d.channel as DeliveryChannel['name']), d, now)));
    for (const s of settled) result[s.outcome === 'sent' ? 'sent' : s.outcome === 'skipped' ? 'skipped' : s.outcome === 'dead' ? 'dead' : 'retried']++;
    if (batch.length < BATCH) return result;
  }
}

export interface Dispatcher {
  /** Asks for a drain soon (after the current turn); many kicks make one drain. Never throws. */
  kick(): void;
  /** Drains now (the scheduler's tick), after any drain under way. */
  drain(now?: number): Promise<DrainResult>;
  /** Resolves when no drain is under way or asked for (tests). */
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
  const run = (now?: number): Promise<DrainResult> => {
    const drained = drainDeliveries(deps, channels, now ?? deps.clock());
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
      return run().catch(() => undefined); // logged by `run`; a kick has no one to answer
    });
  };
  return {
    kick: schedule,
    async drain(now) {
      while (running) await running;
      return run(now);
    },
    async idle() {
      while (running) await running;
    },
  };
}

export const newDeliveryId = () => newId('dl');
