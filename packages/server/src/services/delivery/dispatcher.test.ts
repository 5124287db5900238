import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliveries, notifications, outbox, type DeliveryRow } from '../../db/schema.js';
import { setService } from '../../testing/fixtures.js';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { DeliveryFailure, type DeliveryChannel } from './channel.js';
import { backoff, createDispatcher, drainDeliveries, LEASE_MS, MAX_WAIT_MS, newDeliveryId, planOutbox, SEND_PATIENCE_MS } from './dispatcher.js';

const NOW = Date.parse('2026-11-20T12:00:00Z');
let t: TestApp;
beforeEach(async () => {
  t = await testApp({ now: NOW });
  // Sessions without a meeting: each booking then makes exactly one outbox row (a meeting adds `meeting_ready`).
  await setService(t.database, t.intro.id, { locationKind: 'none' });
});
afterEach(async () => {
  await t.app.deliveries.idle();
  t.close();
});

const customer = { name: 'Ada', email: 'ada@example.com', timeZone: 'Europe/Berlin' };
const book = async (start = '2026-11-23T09:00:00Z') => {
  const res = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start, customer } });
  expect(res.status).toBe(201);
  return res.body.booking.id as string;
};
const rows = () => t.database.db.select().from(deliveries).orderBy(sql`rowid`);

/** A channel a test steers: one delivery per outbox event, and a `send` the test decides. */
function channel(send: (d: DeliveryRow) => Promise<unknown> | unknown, extra: Partial<DeliveryChannel> = {}) {
  const sent: DeliveryRow[] = [];
  const dead: DeliveryRow[] = [];
  const c: DeliveryChannel = {
    name: 'email',
    async plan(_tx, event) {
      return [{ id: newDeliveryId(), channel: 'email', kind: 'test', recipient: 'ada@example.com', idempotencyKey: `${event.id}:test`, data: { topic: event.topic } }];
    },
    async send(d) {
      await send(d);
      sent.push(d);
    },
    onDead: async (d) => {
      dead.push(d);
    },
    ...extra,
  };
  return { c, sent, dead };
}

describe('planning the outbox', () => {
  it('plans a later change of a booking after the earlier one is written, when both wait in the outbox', async () => {
    // A booking made and cancelled before anything was planned (as after a crash): the cancellation's
    // plan must see what the booking's plan made — as the meeting channel's delete waits for the create.
    const id = await book();
    const cancelled = await t.json(`/v1/me/bookings/${id}/cancel`, { body: { reason: 'Ill' }, headers: { authorization: `Bearer ${t.apiKey}` } });
    expect(cancelled.status).toBe(200);
    await t.app.deliveries.idle();
    await t.database.batch([t.database.db.delete(deliveries), t.database.db.update(outbox).set({ plannedAt: null })]);
    const dependent: DeliveryChannel = {
      name: 'meeting',
      async plan(db, event) {
        if (event.topic === 'booking.confirmed') return [{ id: newDeliveryId(), channel: 'meeting', kind: 'make', recipient: 'x', idempotencyKey: `${event.id}:make`, data: {} }];
        const [made] = await db.select().from(deliveries).where(eq(deliveries.bookingId, event.bookingId!));
        return [{ id: newDeliveryId(), channel: 'meeting', kind: made ? 'undo' : 'nothing-to-undo', recipient: 'x', idempotencyKey: `${event.id}:undo`, data: {}, ...(made ? { waitsFor: made.id } : {}) }];
      },
      async send() {},
    };
    expect(await planOutbox(t.app.deps, [dependent], NOW)).toBe(2);
    const planned = await rows();
    expect(planned.map((r) => r.kind)).toEqual(['make', 'undo']);
    expect(planned[1]!.waitsFor).toBe(planned[0]!.id);
  });

  it('plans each change once, however often and from however many processes it runs', async () => {
    await t.app.deliveries.idle();
    await t.database.write((tx) => tx.update(outbox).set({ plannedAt: null })); // as after a crash
    const id = await book();
    await t.app.deliveries.idle();
    const { c } = channel(() => undefined);
    await t.database.write((tx) => tx.update(outbox).set({ plannedAt: null }));
    const [a, b] = await Promise.all([planOutbox(t.app.deps, [c], NOW), planOutbox(t.app.deps, [c], NOW)]);
    expect(a + b).toBe(1);
    expect(await planOutbox(t.app.deps, [c], NOW)).toBe(0);
    expect((await rows()).filter((r) => r.kind === 'test')).toHaveLength(1);
    expect((await rows()).find((r) => r.kind === 'test')).toMatchObject({ bookingId: id, status: 'pending', idempotencyKey: expect.stringMatching(/^msg_.*:test$/) });
  });

  it('delivers right after the commit, without waiting for the scheduler', async () => {
    const id = await book();
    await t.app.deliveries.idle();
    const [notice] = await t.database.db.select().from(notifications).where(eq(notifications.bookingId, id));
    expect(notice).toMatchObject({ kind: 'booking.confirmed', title: 'New booking: Ada', readAt: null });
    expect(await rows()).toEqual([expect.objectContaining({ channel: 'in_app', status: 'sent', attempts: 1 })]);
  });
});

describe('sending', () => {
  it('records every delivery of a large round as its own: outcome, provider answer, time and error', async () => {
    // 20 bookings planned in one round, two deliveries each: more rows than one insert, one claim
    // or one outcome statement holds, with sent, skipped and failed sends mixed in each.
    const own = await testApp({ now: NOW, dispatchAfterCommit: false });
    try {
      await setService(own.database, own.intro.id, { locationKind: 'none' });
      const starts = [23, 24, 25, 26, 27].flatMap((day) => ['08:00', '09:00', '10:00', '12:00'].map((time) => `2026-11-${day}T${time}:00Z`));
      const ids: string[] = [];
      for (const start of starts) {
        const res = await own.json('/v1/bookings', { body: { specialist: 'demo', service: own.intro.id, start, customer } });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        ids.push(res.body.booking.id);
      }
      const nth = (bookingId: string | null) => ids.indexOf(bookingId!);
      const mixed: DeliveryChannel = {
        name: 'email',
        async plan(_db, event) {
          return ['a', 'b'].map((kind) => ({ id: newDeliveryId(), channel: 'email' as const, kind, recipient: `r${nth(event.bookingId)}`, idempotencyKey: `${event.id}:${kind}`, data: {} }));
        },
        async send(d) {
          if (d.kind === 'a') return { providerRef: `ref-${d.recipient}` };
          const n = nth(d.bookingId);
          if (n % 3 === 0) return { status: 'skipped' as const, providerRef: `none-${d.recipient}` };
          if (n % 3 === 1) throw new DeliveryFailure(`busy ${d.recipient}`, { retryable: true });
          return undefined;
        },
      };
      own.setNow(NOW + 5_000);
      expect(await drainDeliveries(own.app.deps, [mixed], NOW)).toEqual({ planned: 20, sent: 26, skipped: 7, retried: 7, dead: 0 });
      const all = await own.database.db.select().from(deliveries);
      expect(all).toHaveLength(40);
      for (const d of all) {
        const n = nth(d.bookingId);
        const expected =
          d.kind === 'a'
            ? { status: 'sent', providerRef: `ref-r${n}`, sentAt: NOW + 5_000, lastError: null }
            : n % 3 === 0
              ? { status: 'skipped', providerRef: `none-r${n}`, sentAt: null, lastError: null }
              : n % 3 === 1
                ? { status: 'pending', providerRef: null, sentAt: null, lastError: `busy r${n}`, nextAttemptAt: NOW + backoff(1) }
                : { status: 'sent', providerRef: null, sentAt: NOW + 5_000, lastError: null };
        expect(d, `${d.kind} of booking ${n}`).toMatchObject({ ...expected, recipient: `r${n}`, attempts: 1, leaseUntil: null });
      }
      // Nothing goes twice: the next drain finds nothing due until the retries' time.
      expect(await drainDeliveries(own.app.deps, [mixed], NOW)).toEqual({ planned: 0, sent: 0, skipped: 0, retried: 0, dead: 0 });
    } finally {
      own.close();
    }
  });

  it('retries a failing delivery with growing waits, then gives it up once, telling the channel', async () => {
    await book();
    await t.app.deliveries.idle();
    let calls = 0;
    const { c, dead } = channel(
      () => {
        calls++;
        throw new Error('provider down');
      },
      { retryForMs: 10 * 60_000 },
    );
    await t.database.write((tx) => tx.update(outbox).set({ plannedAt: null }));
    let now = NOW;
    const first = await drainDeliveries(t.app.deps, [c], now);
    expect(first).toMatchObject({ planned: 1, retried: 1, sent: 0 });
    const [pending] = (await rows()).filter((r) => r.kind === 'test');
    expect(pending).toMatchObject({ status: 'pending', attempts: 1, lastError: 'provider down', nextAttemptAt: now + backoff(1) });
    expect(await drainDeliveries(t.app.deps, [c], now + backoff(1) - 1)).toMatchObject({ retried: 0 }); // not before its time
    for (let i = 0; i < 10 && (await rows()).some((r) => r.kind === 'test' && r.status === 'pending'); i++) {
      now = (await rows()).find((r) => r.kind === 'test')!.nextAttemptAt;
      await drainDeliveries(t.app.deps, [c], now);
    }
    const [given] = (await rows()).filter((r) => r.kind === 'test');
    expect(given).toMatchObject({ status: 'dead', lastError: 'provider down' });
    expect(calls).toBe(given!.attempts);
    expect(calls).toBeGreaterThan(2);
    expect(dead.map((d) => d.id)).toEqual([given!.id]);
    expect(await drainDeliveries(t.app.deps, [c], now + 86_400_000)).toMatchObject({ sent: 0, retried: 0, dead: 0 });
  });

  it('gives up at once on a failure that will never pass', async () => {
    await book();
    await t.app.deliveries.idle();
    const { c, dead } = channel(() => {
      throw new DeliveryFailure('The address does not exist.', { retryable: false });
    });
    await t.database.write((tx) => tx.update(outbox).set({ plannedAt: null }));
    expect(await drainDeliveries(t.app.deps, [c], NOW)).toMatchObject({ dead: 1 });
    expect(dead).toHaveLength(1);
  });

  it('sends again what a crashed process was sending once its lease ran out, never while it holds it', async () => {
    await book();
    await t.app.deliveries.idle();
    const { c, sent } = channel(() => undefined);
    await t.database.write((tx) => tx.update(outbox).set({ plannedAt: null }));
    await planOutbox(t.app.deps, [c], NOW);
    // Another process claimed it and died mid-send.
    await t.database.write((tx) => tx.update(deliveries).set({ status: 'sending', leaseUntil: NOW + LEASE_MS, attempts: 1 }).where(eq(deliveries.kind, 'test')));
    expect(await drainDeliveries(t.app.deps, [c], NOW + LEASE_MS - 1)).toMatchObject({ sent: 0 });
    expect(await drainDeliveries(t.app.deps, [c], NOW + LEASE_MS)).toMatchObject({ sent: 1 });
    expect(sent).toHaveLength(1);
    expect((await rows()).find((r) => r.kind === 'test')).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('claims the earliest due first, lapsed leases included, and nothing not yet due or still waiting', async () => {
    const own = await testApp({ now: NOW, dispatchAfterCommit: false });
    try {
      await setService(own.database, own.intro.id, { locationKind: 'none' });
      const res = await own.json('/v1/bookings', { body: { specialist: 'demo', service: own.intro.id, start: '2026-11-23T09:00:00Z', customer } });
      expect(res.status).toBe(201);
      const [event] = await own.database.db.select().from(outbox);
      let n = 0;
      const row = (at: number, more: Partial<DeliveryRow> = {}) => {
        const id = `dl_t${String(n++).padStart(3, '0')}`;
        return { id, outboxId: event!.id, bookingId: event!.bookingId, specialistId: event!.specialistId, channel: 'email' as const, kind: 'x', recipient: id, idempotencyKey: id, data: {}, status: 'pending' as const, dueAt: at, nextAttemptAt: at, waitsFor: null, createdAt: NOW, updatedAt: NOW, ...more };
      };
      // 50 due, in shuffled order of their times; lapsed leases with the earliest times of all.
      const due = Array.from({ length: 50 }, (_, i) => row(NOW - ((i * 37) % 50) * 1_000 - 1));
      const lapsed = Array.from({ length: 5 }, (_, i) => row(NOW - 100_000 - i, { status: 'sending', leaseUntil: NOW - 1, attempts: 1 }));
      const later = Array.from({ length: 10 }, () => row(NOW + 60_000));
      const leased = Array.from({ length: 5 }, () => row(NOW - 200_000, { status: 'sending', leaseUntil: NOW + LEASE_MS, attempts: 1 }));
      const waiting = Array.from({ length: 3 }, () => row(NOW - 300_000, { waitsFor: later[0]!.id }));
      await own.database.write((tx) => tx.insert(deliveries).values([...due, ...lapsed, ...later, ...leased, ...waiting]));
      const sent: string[] = [];
      const c: DeliveryChannel = { name: 'email', plan: async () => [], send: async (d) => void sent.push(d.id) };
      expect(await drainDeliveries(own.app.deps, [c], NOW)).toMatchObject({ sent: 55 });
      const byTime = [...due, ...lapsed].sort((a, b) => a.nextAttemptAt - b.nextAttemptAt).map((d) => d.id);
      // A claim takes 25: the first holds the 25 due earliest, the lapsed leases among them.
      expect(new Set(sent.slice(0, 25))).toEqual(new Set(byTime.slice(0, 25)));
      expect(new Set(sent)).toEqual(new Set(byTime));
    } finally {
      own.close();
    }
  });

  it('holds a delivery until the one it waits for is done, or until it has waited long enough', async () => {
    await book();
    await t.app.deliveries.idle();
    const order: string[] = [];
    let meetingUp = false;
    const meeting: DeliveryChannel = {
      name: 'meeting',
      async plan(_tx, event) {
        return [{ id: newDeliveryId(), channel: 'meeting', kind: 'meeting.create', recipient: 'jitsi', idempotencyKey: `${event.id}:meeting`, data: {} }];
      },
      async send() {
        if (!meetingUp) throw new Error('meetings down');
        order.push('meeting');
      },
    };
    const { c: email } = channel(() => {
      order.push('email');
    });
    const waiting: DeliveryChannel = {
      ...email,
      async plan(tx, event, ctx) {
        const [d] = await email.plan(tx, event, ctx);
        return [{ ...d!, waitsFor: ctx.planned.find((p) => p.channel === 'meeting')?.id }];
      },
    };
    await t.database.write((tx) => tx.update(outbox).set({ plannedAt: null }));
    await drainDeliveries(t.app.deps, [meeting, waiting], NOW);
    expect(order).toEqual([]); // the meeting failed, the email waits
    meetingUp = true;
    await drainDeliveries(t.app.deps, [meeting, waiting], NOW + backoff(1));
    await drainDeliveries(t.app.deps, [meeting, waiting], NOW + backoff(1));
    expect(order).toEqual(['meeting', 'email']);

    // A dependency that never settles stops holding after MAX_WAIT_MS.
    order.length = 0;
    meetingUp = false;
    await t.database.write((tx) => tx.delete(deliveries));
    await t.database.write((tx) => tx.update(outbox).set({ plannedAt: null }));
    await drainDeliveries(t.app.deps, [meeting, waiting], NOW);
    expect(order).toEqual([]);
    await drainDeliveries(t.app.deps, [meeting, waiting], NOW + MAX_WAIT_MS);
    expect(order).toEqual(['email']);
  });

  /** Two bookings, each with one delivery through a channel steered so that the first one's send hangs until released. */
  async function slowThenFast(mayFinishLate: boolean) {
    const own = await testApp({ now: NOW, dispatchAfterCommit: false });
    await setService(own.database, own.intro.id, { locationKind: 'none' });
    let release!: () => void;
    const hung = new Promise<void>((resolve) => (release = resolve));
    const sent: string[] = [];
    let first: string | undefined;
    const { c } = channel(
      async (d) => {
        // The first booking's endpoint does not answer (as one that hangs until its timeout).
        if (d.recipient === 'slow') await hung;
        sent.push(d.recipient);
      },
      { mayFinishLate },
    );
    const plan = c.plan;
    c.plan = async (tx, event, ctx) => (await plan(tx, event, ctx)).map((d) => ({ ...d, recipient: event.bookingId === first ? 'slow' : 'fast' }));
    const dispatcher = createDispatcher(own.app.deps, [c]);
    const bookAt = async (start: string) => (await own.json('/v1/bookings', { body: { specialist: 'demo', service: own.intro.id, start, customer } })).body.booking.id as string;
    first = await bookAt('2026-11-23T09:00:00Z');
    dispatcher.kick();
    await new Promise((r) => setTimeout(r, 50)); // the slow send is out
    const second = await bookAt('2026-11-23T10:00:00Z');
    dispatcher.kick();
    const statusOf = async (id: string) => (await own.database.db.select().from(deliveries).where(eq(deliveries.bookingId, id)))[0]?.status;
    return { own, first, second, sent, release, dispatcher, statusOf };
  }
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('never lets one slow webhook endpoint hold up other deliveries: they go out while it hangs, and it is recorded when it ends', async () => {
    const { own, first, second, sent, release, dispatcher, statusOf } = await slowThenFast(true);
    try {
      for (let i = 0; i < 160 && (await statusOf(second)) !== 'sent'; i++) await pause(50);
      // The second booking's delivery went out and was recorded while the first still hangs.
      expect(await statusOf(second)).toBe('sent');
      expect(sent).toEqual(['fast']);
      expect(await statusOf(first)).toBe('sending');
      release();
      await dispatcher.idle();
      expect(await statusOf(first)).toBe('sent');
      expect(sent).toEqual(['fast', 'slow']);
    } finally {
      release();
      await own.close();
    }
  }, 15_000);

  it("keeps the order of a channel to the platform's own provider (mail): the next round waits for a slow send", async () => {
    const { own, first, second, sent, release, dispatcher, statusOf } = await slowThenFast(false);
    try {
      await pause(2 * SEND_PATIENCE_MS);
      expect(sent).toEqual([]);
      expect(await statusOf(second)).toBeUndefined(); // not even planned: the round is still out
      release();
      await dispatcher.idle();
      expect(await statusOf(first)).toBe('sent');
      expect(await statusOf(second)).toBe('sent');
      expect(sent).toEqual(['slow', 'fast']);
    } finally {
      release();
      await own.close();
    }
  }, 15_000);

  it('never lets a slow provider hold up the booking that caused the delivery', async () => {
    let release!: () => void;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const { c } = channel(() => blocked);
    // The app's dispatcher keeps running on commits; a drain of our own hangs in the provider.
    const draining = (async () => {
      await t.database.write((tx) => tx.update(outbox).set({ plannedAt: null }));
      return drainDeliveries(t.app.deps, [c], NOW);
    })();
    const id = await book('2026-11-24T09:00:00Z');
    expect(id).toMatch(/^bk_/);
    release();
    await draining;
  });
});
