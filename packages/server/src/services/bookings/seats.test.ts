import { and, eq, inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { bookings } from '../../db/schema.js';
import { setService } from '../../testing/fixtures.js';
import { testApp, type TestApp } from '../../testing/test-app.js';

// Group sessions (issue 14): a service with capacity above 1 keeps a start open until its seats
// are taken. The rule (`domain/occupancy.ts` `hasRoom`, `seats.ts` `roomStill` in SQL): a seat of
// S at T fits iff everything in force overlapping it is a seat of S at T with the same end, and
// fewer than capacity(S) exist; one-to-one bookings and sessions never overlap.

let t: TestApp;
afterEach(() => t?.close());

const DAY = '2026-11-23';
const customer = (n: number) => ({ name: `Guest ${n}`, email: `guest${n}@example.com`, timeZone: 'UTC' });
const auth = () => ({ authorization: `Bearer ${t.apiKey}` });

/** Makes `service` a group service of `capacity` seats through the specialist's API. */
async function setCapacity(service: string, capacity: number) {
  return t.json(`/v1/me/services/${service}`, { method: 'PATCH', body: { capacity }, headers: auth() });
}

type Day = { date: string; slots: { start: string; end: string; seatsLeft?: number }[] };
async function slotsOf(service: string, json = t.json): Promise<Day['slots']> {
  const res = await json(`/v1/specialists/demo/slots?service=${service}&from=${DAY}&to=${DAY}&timezone=UTC`);
  expect(res.status).toBe(200);
  return (res.body.days as Day[])[0]?.slots ?? [];
}

const book = (service: string, start: string, n: number, json = t.json) =>
  json('/v1/bookings', { body: { specialist: 'demo', service, start, customer: customer(n) } });

const seatsAt = async (start: string) =>
  (await t.database.db.select({ id: bookings.id }).from(bookings).where(and(eq(bookings.startAt, Date.parse(start)), inArray(bookings.status, ['held', 'confirmed'])))).length;

describe.each(['file', 'd1'] as const)('a 3-seat session on %s', (engine) => {
  it('takes exactly 3 of 50 parallel bookings from two app handles; the other 47 are refused 409 slot_unavailable', async () => {
    t = await testApp({ engine, twin: true, maxHoldsPerClient: 1000 });
    expect((await setCapacity(t.intro.id, 3)).status).toBe(200);
    const starts = (await slotsOf(t.intro.id)).map((s) => s.start);
    // Both apps remember the rules (a first booking each, elsewhere): the storm takes the one-round-trip road, guarded in SQL.
    expect((await book(t.intro.id, starts[0]!, 900)).status).toBe(201);
    expect((await book(t.intro.id, starts[0]!, 901, t.twin!.json)).status).toBe(201);
    const start = starts.at(-1)!;
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => book(t.intro.id, start, i, i % 2 ? t.twin!.json : t.json)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused.map((r) => `${r.status} ${r.body.code}`)).toEqual(Array(47).fill('409 slot_unavailable'));
    expect(await seatsAt(start)).toBe(3);
    expect((await slotsOf(t.intro.id)).map((s) => s.start)).not.toContain(start);
  }, 120_000);
});

describe('slots of a group service', () => {
  it('count seatsLeft down and drop the start once it is full; one-to-one slots carry no seatsLeft', async () => {
    t = await testApp();
    await setCapacity(t.intro.id, 3);
    const first = (await slotsOf(t.intro.id))[4]!;
    expect(first.seatsLeft).toBe(3);
    for (const [n, left] of [[1, 2], [2, 1]] as const) {
      expect((await book(t.intro.id, first.start, n)).status).toBe(201);
      expect((await slotsOf(t.intro.id)).find((s) => s.start === first.start)?.seatsLeft).toBe(left);
    }
    expect((await book(t.intro.id, first.start, 3)).status).toBe(201);
    expect((await slotsOf(t.intro.id)).map((s) => s.start)).not.toContain(first.start);
    const refused = await book(t.intro.id, first.start, 4);
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'slot_unavailable' });
    expect((await slotsOf(t.session.id)).every((s) => s.seatsLeft === undefined)).toBe(true);
  });

  it('close a group start a one-to-one booking overlaps, and a seat closes the one-to-one starts it overlaps', async () => {
    t = await testApp();
    await setCapacity(t.intro.id, 3);
    await setService(t.database, t.session.id, { durations: [{ minutes: 60, price: 0 }] }); // the one-to-one hour, free
    const group = await slotsOf(t.intro.id);
    const oneToOne = await slotsOf(t.session.id);
    // A one-to-one hour over the group's first two half-hours closes them.
    const hour = oneToOne[0]!;
    expect((await book(t.session.id, hour.start, 1)).status).toBe(201);
    const overlapped = group.filter((g) => g.start < hour.end && g.end > hour.start).map((g) => g.start);
    expect(overlapped.length).toBeGreaterThan(0);
    const after = (await slotsOf(t.intro.id)).map((s) => s.start);
    for (const start of overlapped) expect(after).not.toContain(start);
    const refused = await book(t.intro.id, overlapped[0]!, 2);
    expect(refused.body.code).toBe('slot_unavailable');
    // A seat later in the day closes every one-to-one start it overlaps, though it has room left.
    const seat = (await slotsOf(t.intro.id)).at(-1)!;
    expect((await book(t.intro.id, seat.start, 3)).status).toBe(201);
    const stillOpen = (await slotsOf(t.session.id)).filter((s) => s.start < seat.end && s.end > seat.start);
    expect(stillOpen).toEqual([]);
    expect((await slotsOf(t.intro.id)).find((s) => s.start === seat.start)?.seatsLeft).toBe(2);
  });
});

describe('a seat', () => {
  it('frees one seat when its attendee cancels it', async () => {
    t = await testApp();
    await setCapacity(t.intro.id, 2);
    const slot = (await slotsOf(t.intro.id))[2]!;
    const a = await book(t.intro.id, slot.start, 1);
    expect((await book(t.intro.id, slot.start, 2)).status).toBe(201);
    expect((await slotsOf(t.intro.id)).map((s) => s.start)).not.toContain(slot.start);
    const cancelled = await t.json(`/v1/bookings/${a.body.booking.id}/cancel`, { body: {}, headers: { authorization: `Bearer ${a.body.manageToken}` } });
    expect(cancelled.status).toBe(200);
    expect((await slotsOf(t.intro.id)).find((s) => s.start === slot.start)?.seatsLeft).toBe(1);
    expect(await seatsAt(slot.start)).toBe(1);
  });
});

describe('moving a seat', () => {
  it('into a full session is refused 409 slot_unavailable and stays; into a session with room it takes a seat there', async () => {
    t = await testApp();
    await setCapacity(t.intro.id, 2);
    const [a, b] = await slotsOf(t.intro.id);
    for (const n of [1, 2]) expect((await book(t.intro.id, a!.start, n)).status).toBe(201);
    const mover = await book(t.intro.id, b!.start, 3);
    const move = (start: string) => t.json(`/v1/bookings/${mover.body.booking.id}/reschedule`, { body: { start }, headers: { authorization: `Bearer ${mover.body.manageToken}` } });
    const refused = await move(a!.start);
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'slot_unavailable' });
    expect(await seatsAt(b!.start)).toBe(1);
    expect((await setCapacity(t.intro.id, 3)).status).toBe(200);
    expect((await move(a!.start)).status).toBe(200);
    expect(await seatsAt(a!.start)).toBe(3);
    expect((await slotsOf(t.intro.id)).map((s) => s.start)).not.toContain(a!.start);
    expect((await slotsOf(t.intro.id)).find((s) => s.start === b!.start)?.seatsLeft).toBe(3);
  });
});

describe('capacity', () => {
  it('is 1 to 100 seats, refused otherwise with a sentence naming the range', async () => {
    t = await testApp();
    for (const capacity of [0, 101, 2.5]) {
      const res = await setCapacity(t.intro.id, capacity);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'body.capacity', message: 'Use a whole number of seats from 1 (one-to-one) to 100 (a group session).' }]);
    }
    expect((await setCapacity(t.intro.id, 100)).body.capacity).toBe(100);
    expect((await t.json('/v1/specialists/demo')).body.services[0].capacity).toBe(100);
  });

  it('cannot go below the seats taken at an upcoming session: refused, nothing changed; down to it is fine', async () => {
    t = await testApp();
    await setCapacity(t.intro.id, 3);
    const slot = (await slotsOf(t.intro.id))[0]!;
    for (const n of [1, 2]) expect((await book(t.intro.id, slot.start, n)).status).toBe(201);
    const refused = await setCapacity(t.intro.id, 1);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('invalid_request');
    expect(refused.body.errors[0].field).toBe('body.capacity');
    expect(refused.body.errors[0].message).toContain('2 seats taken');
    expect((await t.json(`/v1/me/services/${t.intro.id}`, { headers: auth() })).body.capacity).toBe(3);
    expect((await setCapacity(t.intro.id, 2)).body.capacity).toBe(2);
    expect((await slotsOf(t.intro.id)).map((s) => s.start)).not.toContain(slot.start);
  });
});
