import fc from 'fast-check';
import { inArray } from 'drizzle-orm';
import { expect } from 'vitest';
import { bookings } from '../db/schema.js';
import { connectDemo, setService } from './fixtures.js';
import { testApp, type TestApp, type TestAppOptions } from './test-app.js';

// The no-double-booking model (`services/bookings/no-double-booking.test.ts` runs it over a libSQL
// file, `no-double-booking-d1.test.ts` over D1 in workerd): random creates, storms of parallel
// creates, cancels, reschedules and waits (holds expiring, the scheduler's tick) against a real
// app, checking after every command that no two active bookings overlap.

const MIN = 60_000;
const START = Date.parse('2026-11-20T12:00:00Z');

/** Active bookings of the database, widened by their buffers, must never overlap. */
export async function assertNoOverlap(t: TestApp, now: number) {
  const rows = await t.database.db.select().from(bookings).where(inArray(bookings.status, ['held', 'confirmed']));
  const active = rows
    .filter((r) => r.status === 'confirmed' || (r.holdExpiresAt ?? 0) > now)
    .map((r) => ({ id: r.id, start: r.startAt - r.bufferBefore * MIN, end: r.endAt + r.bufferAfter * MIN }))
    .sort((a, b) => a.start - b.start);
  for (let i = 1; i < active.length; i++) {
    expect(active[i]!.start, `${active[i - 1]!.id} overlaps ${active[i]!.id}`).toBeGreaterThanOrEqual(active[i - 1]!.end);
  }
}

interface Model {
  now: number;
  known: { id: string; token: string }[];
}
type Real = TestApp;

/** The n-th customer of the model (and of the storms). */
export const customer = (n: number) => ({ name: `C${n}`, email: `c${n}@example.com`, timeZone: 'UTC' });
const startAt = (day: number, quarter: number) => new Date(Date.parse('2026-11-23T08:00:00Z') + day * 86_400_000 + quarter * 15 * MIN).toISOString();
const durations = [15, 30, 45, 60, 90];

class Create implements fc.AsyncCommand<Model, Real> {
  constructor(readonly day: number, readonly quarter: number, readonly duration: number, readonly who: number) {}
  check = () => true;
  async run(m: Model, t: Real) {
    const res = await t.json('/v1/bookings', {
      body: { specialist: 'demo', service: t.intro.id, duration: this.duration, start: startAt(this.day, this.quarter), customer: customer(this.who) },
    });
    expect([201, 409, 422, 429]).toContain(res.status);
    if (res.status === 201) m.known.push({ id: res.body.booking.id, token: res.body.manageToken });
    await assertNoOverlap(t, m.now);
  }
  toString = () => `create(${startAt(this.day, this.quarter)}, ${this.duration}m)`;
}

class Storm implements fc.AsyncCommand<Model, Real> {
  constructor(readonly tries: { day: number; quarter: number; duration: number }[]) {}
  check = () => true;
  async run(m: Model, t: Real) {
    const results = await Promise.all(
      // Alternating between the two apps when the test has a twin: two handles race for real.
      this.tries.map((x, i) =>
        (i % 2 && t.twin ? t.twin.json : t.json)('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, duration: x.duration, start: startAt(x.day, x.quarter), customer: customer(100 + i) } }),
      ),
    );
    for (const res of results) if (res.status === 201) m.known.push({ id: res.body.booking.id, token: res.body.manageToken });
    await assertNoOverlap(t, m.now);
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
    await assertNoOverlap(t, m.now);
  }
  toString = () => `cancel(#${this.pick})`;
}

class Reschedule implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number, readonly day: number, readonly quarter: number) {}
  check = (m: Readonly<Model>) => m.known.length > 0;
  async run(m: Model, t: Real) {
    const b = m.known[this.pick % m.known.length]!;
    const res = await t.json(`/v1/bookings/${b.id}/reschedule`, { body: { start: startAt(this.day, this.quarter) }, headers: { authorization: `Bearer ${b.token}` } });
    expect([200, 409, 422]).toContain(res.status);
    await assertNoOverlap(t, m.now);
  }
  toString = () => `reschedule(#${this.pick} → ${startAt(this.day, this.quarter)})`;
}

class Wait implements fc.AsyncCommand<Model, Real> {
  constructor(readonly minutes: number) {}
  check = () => true;
  async run(m: Model, t: Real) {
    m.now += this.minutes * MIN;
    t.setNow(m.now);
    if (this.minutes % 2 === 0) await t.app.tick();
    await assertNoOverlap(t, m.now);
  }
  toString = () => `wait(${this.minutes}m)`;
}

const day = fc.integer({ min: 0, max: 1 });
const quarter = fc.integer({ min: 0, max: 40 });

/** Sequences of the model's commands, up to 25 long. */
export const bookingCommands = fc.commands(
  [
    fc.tuple(day, quarter, fc.constantFrom(...durations), fc.integer({ min: 0, max: 3 })).map(([d, q, m, w]) => new Create(d, q, m, w)),
    fc.array(fc.record({ day, quarter, duration: fc.constantFrom(...durations) }), { minLength: 2, maxLength: 6 }).map((x) => new Storm(x)),
    // A crowd: one start asked for by several at once (the storm every booking page sees).
    fc.tuple(day, quarter, fc.array(fc.constantFrom(...durations), { minLength: 2, maxLength: 6 })).map(([d, q, ds]) => new Storm(ds.map((duration) => ({ day: d, quarter: q, duration })))),
    fc.nat().map((p) => new Cancel(p)),
    fc.tuple(fc.nat(), day, quarter).map(([p, d, q]) => new Reschedule(p, d, q)),
    fc.integer({ min: 1, max: 20 }).map((m) => new Wait(m)),
  ],
  { maxCommands: 25 },
);

/**
 * Runs one sequence of commands against a fresh app on `options.engine` (with `twin`, storms
 * alternate between two apps on the one database): the demo's intro made into a
 * service with several durations (45 and 90 minutes priced: held until paid, then expiring),
 * 15-minute steps and buffers that are not multiples of the step, so ignoring either buffer
 * shows up on the grid.
 */
export async function runBookingModel(cmds: Iterable<fc.AsyncCommand<Model, Real>>, options: Pick<TestAppOptions, 'engine' | 'twin'>) {
  const t = await testApp({ now: START, maxHoldsPerClient: 1000, ...options });
  try {
    await connectDemo(t.app); // priced durations take a payment: held until paid, or until the hold expires
    await setService(t.database, t.intro.id, {
      durations: durations.map((minutes) => ({ minutes, price: minutes % 45 === 0 ? 5000 : 0 })),
      slotStep: 15,
      bufferBefore: 10,
      bufferAfter: 25,
      rescheduleUntilHours: 0,
      cancelUntilHours: 0,
    });
    await fc.asyncModelRun(() => ({ model: { now: START, known: [] }, real: t }), cmds);
  } finally {
    await t.close();
  }
}
