import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createD1Db } from '../../db/d1.js';
import { bookings, services, specialists } from '../../db/schema.js';
import { bookingCommandsUpTo, prepareGroup, prepareService, runCommands, type BookingSubject, type JsonCall } from '../../testing/booking-model.js';
import { migrateD1, seedD1 } from '../../testing/d1-seed.js';
import { buildWorker, startWorkerd, type Workerd } from '../../testing/workerd.js';

// The model of `no-double-booking.test.ts` — the same commands, the same invariant — through the
// BUILT Worker (`scripts/build-edge.mjs`, no `nodejs_compat`) in workerd, over HTTP: two Workers
// of one Miniflare — two isolates, each with its own memory and per-specialist queue — bound to
// ONE D1 database, storms alternating between them. What `no-double-booking-d1.test.ts` runs in
// Node over D1, this runs as deployed: the bundle's own code, D1's binding from inside workerd.
//
// workerd's clock is the machine's: a wait cannot move it. So a wait ages the holds instead — every
// held booking's `hold_expires_at` moved back by its minutes in D1 (which moves the specialist's
// availability version, as any change of a hold does) — and on even minutes runs the Cron
// Trigger's handler (the scheduler's tick, expiring what lapsed) in the first isolate, as the
// in-process model's wait moves its clock and ticks. The model books in the week after next. Fewer, longer runs than the file's (5 of up to 40 commands, ≈ 100 in all): each
// run starts workerd and migrates and seeds a D1.

const MIN = 60_000;
const DAY = 1440 * MIN;
const dir = mkdtempSync(join(tmpdir(), 'slotwise-model-worker-'));
let script: string;
beforeAll(async () => {
  script = await buildWorker(dir);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Monday 08:00 UTC of the week after next: bookable whatever today is (no notice or horizon in the way). */
function mondayAfterNext(now: number): number {
  const midnight = now - (now % DAY);
  const weekday = new Date(midnight).getUTCDay(); // 0 Sunday … 6 Saturday
  return midnight + (((8 - weekday) % 7) + 7) * DAY + 8 * 3_600_000;
}

/** A fresh workerd with the Worker as isolates `a` and `b` on one migrated, seeded D1, as the model's subject. */
async function workerSubject(): Promise<{ subject: BookingSubject; workerd: Workerd }> {
  const bindings = { SLOTWISE_JWT_SECRET: 'model-worker-secret', SLOTWISE_PAYMENTS: 'offline' };
  const workerd = await startWorkerd(script, { a: bindings, b: bindings });
  await migrateD1(workerd.d1);
  await seedD1(workerd.d1, { kdfIterations: 1000, payments: 'offline' }); // the demo's account connected: priced durations hold
  const database = createD1Db(workerd.d1);
  const [intro, group] = await database.db
    .select({ id: services.id })
    .from(services)
    .innerJoin(specialists, eq(services.specialistId, specialists.id))
    .where(eq(specialists.handle, 'demo'))
    .orderBy(asc(services.position));
  await prepareService(database, intro!.id);
  await prepareGroup(database, group!.id); // a 3-seat group service mixed in
  let client = 0;
  // Each request from its own address: the isolates count rate limits per address, in memory.
  const isolate = (name: string): JsonCall => async (path, init = {}) => {
    const res = await workerd.fetch(name, `https://edge.example${path}`, {
      method: init.body === undefined ? 'GET' : 'POST',
      headers: { 'cf-connecting-ip': `198.51.100.${++client % 250}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  type ScheduledWorker = { scheduled(options: { cron: string }): Promise<{ outcome: string }> };
  return {
    workerd,
    subject: {
      json: isolate('a'),
      twin: { json: isolate('b') },
      introId: intro!.id,
      groupId: group!.id,
      database,
      firstDay: mondayAfterNext(Date.now()),
      now: Date.now,
      async wait(minutes) {
        await database.batch([database.db.update(bookings).set({ holdExpiresAt: sql`${bookings.holdExpiresAt} - ${minutes * MIN}` }).where(eq(bookings.status, 'held'))]);
        if (minutes % 2 !== 0) return;
        const worker = (await workerd.mf.getWorker('a')) as unknown as ScheduledWorker;
        expect((await worker.scheduled({ cron: '* * * * *' })).outcome).toBe('ok');
      },
    },
  };
}

describe('no double booking through the built Worker', () => {
  it('keeps active bookings apart (buffers included) under random creates, storms, cancels, moves and expiries, across two isolates on one D1', async () => {
    await fc.assert(
      fc.asyncProperty(bookingCommandsUpTo(40, 'max'), async (cmds) => {
        const { subject, workerd } = await workerSubject();
        try {
          await runCommands(subject, cmds);
        } finally {
          await workerd.dispose();
        }
      }),
      { numRuns: 5 },
    );
  }, 600_000);
});
