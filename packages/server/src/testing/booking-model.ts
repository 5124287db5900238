import fc from 'fast-check';
import { inArray } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Database } from '../db/client.js';
import { bookings, services } from '../db/schema.js';
import { connectDemo, setService } from './fixtures.js';
import { testApp, type TestAppOptions } from './test-app.js';

// The no-double-booking model (`services/bookings/no-double-booking.test.ts` runs it over a libSQL
// file, `no-double-booking-d1.test.ts` over D1 in workerd, `no-double-booking-worker.test.ts`
// through the built Worker in workerd over HTTP): random creates, storms of parallel creates,
// cancels, reschedules and waits (holds expiring, the scheduler's tick) against a real server,
// checking after every command that no two sessions overlap and no session has more seats than its
// service's capacity (a one-to-one service has one: its bookings never overlap at all). With a
// `groupId`, the commands book a group service (capacity 3) too, mixed with the one-to-one one. The commands know only a
// `BookingSubject`: how to reach the server, its database and its time.

const MIN = 60_000;
const START = Date.parse('2026-11-20T12:00:00Z');

/** A JSON request to one server and its answer: `body` set → POST. */
export type JsonCall = (path: string, init?: { body?: unknown; headers?: Record<string, string> }) => Promise<{ status: number; body: any }>;

/** What the model's commands run against. */
export interface BookingSubject {
  /** The first server: every command but a storm's every other request goes here. */
  json: JsonCall;
  /** A second server on the same database with its own handle or isolate: storms alternate between the two. */
  twin?: { json: JsonCall } | undefined;
  /** The demo's intro service, made into the model's service by `prepareService`. */
  introId: string;
  /** The demo's second service, made a group service (capacity `GROUP_CAPACITY`) by `prepareGroup`; absent: one-to-one only. */
  groupId?: string | undefined;
  /** The database both servers write, read from the test to check the invariant. */
  database: Database;
  /** Monday 08:00 UTC of the week the model books in (days 0 and 1 from it), after `now()` by a day or more. */
  firstDay: number;
  /** The servers' time now (holds whose expiry is past it are no longer active). */
  now(): number;
  /** `minutes` pass for the servers as far as the subject can make them (its clock, or the scheduler's tick only). */
  wait(minutes: number): Promise<void>;
}

/**
 * The invariant: "never more than capacity". Active bookings (holds until they expire) make
 * sessions — one service, one start, one end —; a session never has more seats than its service's
 * capacity (one-to-one: one), and sessions, widened by their buffers, never overlap each other.
 */
export async function assertNoOverlap(database: Database, now: number) {
  const rows = await database.db.select().from(bookings).where(inArray(bookings.status, ['held', 'confirmed']));
  const capacity = new Map((await database.db.select({ id: services.id, capacity: services.capacity }).from(services)).map((s) => [s.id, s.capacity]));
  const sessions = new Map<string, { id: string; seats: number; capacity: number; start: number; end: number }>();
  for (const r of rows.filter((r) => r.status === 'confirmed' || (r.holdExpiresAt ?? 0) > now)) {
    const key = `${r.serviceId}|${r.startAt}|${r.endAt}`;
    const session = sessions.get(key) ?? { id: r.id, seats: 0, capacity: capacity.get(r.serviceId) ?? 1, start: Infinity, end: -Infinity };
    session.seats++;
    session.start = Math.min(session.start, r.startAt - r.bufferBefore * MIN);
    session.end = Math.max(session.end, r.endAt + r.bufferAfter * MIN);
    sessions.set(key, session);
  }
  const active = [...sessions.values()].sort((a, b) => a.start - b.start);
  for (const s of active) expect(s.seats, `${s.id}'s session has more seats than its capacity`).toBeLessThanOrEqual(s.capacity);
  for (let i = 1; i < active.length; i++) {
    expect(active[i]!.start, `${active[i - 1]!.id} overlaps ${active[i]!.id}`).toBeGreaterThanOrEqual(active[i - 1]!.end);
  }
}

interface Model {
  known: { id: string; token: string }[];
}
type Real = BookingSubject;

/** The n-th customer of the model (and of the storms). */
export const customer = (n: number) => ({ name: `C${n}`, email: `c${n}@example.com`, timeZone: 'UTC' });
const startAt = (t: Real, day: number, quarter: number) => new Date(t.firstDay + day * 86_400_000 + quarter * 15 * MIN).toISOString();
const at = (day: number, quarter: number) => `day ${day} +${quarter * 15}m`;
const durations = [15, 30, 45, 60, 90];
const groupDurations = [30, 60];
/** The seats of the model's group service. */
export const GROUP_CAPACITY = 3;

/** Which service a command books, and with which of its durations: the group's when asked and there is one. */
const what = (t: Real, group: boolean, duration: number) =>
  group && t.groupId ? { service: t.groupId, duration: groupDurations[duration % groupDurations.length]! } : { service: t.introId, duration };

class Create implements fc.AsyncCommand<Model, Real> {
  constructor(readonly day: number, readonly quarter: number, readonly duration: number, readonly who: number, readonly group = false) {}
  check = () => true;
  async run(m: Model, t: Real) {
    const res = await t.json('/v1/bookings', {
      body: { specialist: 'demo', ...what(t, this.group, this.duration), start: startAt(t, this.day, this.quarter), customer: customer(this.who) },
    });
    expect([201, 409, 422, 429]).toContain(res.status);
    if (res.status === 201) m.known.push({ id: res.body.booking.id, token: res.body.manageToken });
    await assertNoOverlap(t.database, t.now());
  }
  toString = () => `create(${this.group ? 'group ' : ''}${at(this.day, this.quarter)}, ${this.duration}m)`;
}

class Storm implements fc.AsyncCommand<Model, Real> {
  constructor(readonly tries: { day: number; quarter: number; duration: number; group?: boolean }[]) {}
  check = () => true;
  async run(m: Model, t: Real) {
    const results = await Promise.all(
      // Alternating between the two apps when the test has a twin: two handles race for real.
      this.tries.map((x, i) =>
        (i % 2 && t.twin ? t.twin.json : t.json)('/v1/bookings', { body: { specialist: 'demo', ...what(t, x.group ?? false, x.duration), start: startAt(t, x.day, x.quarter), customer: customer(100 + i) } }),
      ),
    );
    for (const res of results) if (res.status === 201) m.known.push({ id: res.body.booking.id, token: res.body.manageToken });
    await assertNoOverlap(t.database, t.now());
  }
  toString = () => `storm(${this.tries.length})`;
}

class Cancel implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => m.known.length > 0;
  async run(m: Model, t: Real) {
    const b = m.known[this.pick % m.known.length]!;
    const res = await t.json(`/v1/bookings/${b.id}/cancel`, { body: {}, headers: { authorization: `Bearer ${b.token}` } });
    expect([200, 409]).toContain(res.status);
    await assertNoOverlap(t.database, t.now());
  }
  toString = () => `cancel(#${this.pick})`;
}

class Reschedule implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number, readonly day: number, readonly quarter: number) {}
  check = (m: Readonly<Model>) => m.known.length > 0;
  async run(m: Model, t: Real) {
    const b = m.known[this.pick % m.known.length]!;
    const res = await t.json(`/v1/bookings/${b.id}/reschedule`, { body: { start: startAt(t, this.day, this.quarter) }, headers: { authorization: `Bearer ${b.token}` } });
    expect([200, 409, 422]).toContain(res.status);
    await assertNoOverlap(t.database, t.now());
  }
  toString = () => `reschedule(#${this.pick} → ${at(this.day, this.quarter)})`;
}

class Wait implements fc.AsyncCommand<Model, Real> {
  constructor(readonly minutes: number) {}
  check = () => true;
  async run(_m: Model, t: Real) {
    await t.wait(this.minutes);
    await assertNoOverlap(t.database, t.now());
  }
  toString = () => `wait(${this.minutes}m)`;
}

const day = fc.integer({ min: 0, max: 1 });
const quarter = fc.integer({ min: 0, max: 40 });

/**
 * Sequences of the model's commands, up to `maxCommands` long; `size: 'max'` draws lengths up to
 * it (fast-check's default size keeps most sequences short).
 */
export const bookingCommandsUpTo = (maxCommands: number, size?: 'max') =>
  fc.commands(
    [
      fc.tuple(day, quarter, fc.constantFrom(...durations), fc.integer({ min: 0, max: 3 }), fc.boolean()).map(([d, q, m, w, g]) => new Create(d, q, m, w, g)),
      fc.array(fc.record({ day, quarter, duration: fc.constantFrom(...durations), group: fc.boolean() }), { minLength: 2, maxLength: 6 }).map((x) => new Storm(x)),
      // A crowd: one start asked for by several at once (the storm every booking page sees).
      fc.tuple(day, quarter, fc.array(fc.constantFrom(...durations), { minLength: 2, maxLength: 6 })).map(([d, q, ds]) => new Storm(ds.map((duration) => ({ day: d, quarter: q, duration })))),
      // A crowd for a group session: more people than seats, on one start and one duration.
      fc.tuple(day, quarter, fc.constantFrom(...groupDurations), fc.integer({ min: 2, max: 8 })).map(([d, q, m, n]) => new Storm(Array.from({ length: n }, () => ({ day: d, quarter: q, duration: m, group: true })))),
      fc.nat().map((p) => new Cancel(p)),
      fc.tuple(fc.nat(), day, quarter).map(([p, d, q]) => new Reschedule(p, d, q)),
      fc.integer({ min: 1, max: 20 }).map((m) => new Wait(m)),
    ],
    { maxCommands, ...(size ? { size } : {}) },
  );

/** Sequences of the model's commands, up to 25 long. */
export const bookingCommands = bookingCommandsUpTo(25);

/**
 * Makes the demo's intro the model's service: several durations (45 and 90 minutes priced: held
 * until paid, then expiring), 15-minute steps and buffers that are not multiples of the step, so
 * ignoring either buffer shows up on the grid. Written straight into the database, before any
 * server has read it.
 */
export async function prepareService(database: Database, introId: string) {
  await setService(database, introId, {
    durations: durations.map((minutes) => ({ minutes, price: minutes % 45 === 0 ? 5000 : 0 })),
    slotStep: 15,
    bufferBefore: 10,
    bufferAfter: 25,
    rescheduleUntilHours: 0,
    cancelUntilHours: 0,
  });
}

/**
 * Makes the demo's second service the model's group service: `GROUP_CAPACITY` seats, 30 minutes
 * free and 60 priced (held until paid), the same steps and buffers as the one-to-one service, so
 * sessions and one-to-one bookings meet on the same grid.
 */
export async function prepareGroup(database: Database, groupId: string) {
  await setService(database, groupId, {
    capacity: GROUP_CAPACITY,
    durations: [{ minutes: 30, price: 0 }, { minutes: 60, price: 5000 }],
    slotStep: 15,
    bufferBefore: 10,
    bufferAfter: 25,
    minNotice: 0,
    maxAdvanceDays: null,
    maxPerDay: null,
    maxPerWeek: null,
    active: true,
    rescheduleUntilHours: 0,
    cancelUntilHours: 0,
  });
}

/** Runs one sequence of commands against `subject` from an empty model. */
export const runCommands = (subject: BookingSubject, cmds: Iterable<fc.AsyncCommand<Model, Real>>) => fc.asyncModelRun(() => ({ model: { known: [] }, real: subject }), cmds);

/**
 * Runs one sequence of commands against a fresh app in this process on `options.engine` (with
 * `twin`, storms alternate between two apps on the one database), on a clock the test moves: a
 * wait moves it and, on even minutes, runs the scheduler's tick.
 */
export async function runBookingModel(cmds: Iterable<fc.AsyncCommand<Model, Real>>, options: Pick<TestAppOptions, 'engine' | 'twin'>) {
  const t = await testApp({ now: START, maxHoldsPerClient: 1000, ...options });
  try {
    await connectDemo(t.app); // priced durations take a payment: held until paid, or until the hold expires
    await prepareService(t.database, t.intro.id);
    await prepareGroup(t.database, t.session.id);
    await runCommands(
      {
        json: t.json,
        twin: t.twin,
        introId: t.intro.id,
        groupId: t.session.id,
        database: t.database,
        firstDay: Date.parse('2026-11-23T08:00:00Z'),
        now: t.now,
        async wait(minutes) {
          t.setNow(t.now() + minutes * MIN);
          if (minutes % 2 === 0) await t.app.tick();
        },
      },
      cmds,
    );
  } finally {
    await t.close();
  }
}
