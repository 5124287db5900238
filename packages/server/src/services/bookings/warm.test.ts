import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { bookings, dateOverrides, specialists } from '../../db/schema.js';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { newId } from '../ids.js';

// A booking's first try may check its time against the rules this process read before, and write
// without reading (warm.ts). These prove the remembered rules never book what the calendar no
// longer allows: a change written by anyone else — another process, an operator, a console — is
// caught by the batch's guard, and the booking is then decided on a fresh snapshot.

let t: TestApp;
afterEach(() => t?.close());

const DAY = '2026-11-23';

async function openStarts(json: TestApp['json'], day = DAY): Promise<string[]> {
  const slots = await json(`/v1/specialists/demo/slots?service=${t.intro.id}&from=${day}&to=${day}&timezone=UTC`);
  return (slots.body.days[0]?.slots ?? []).map((s: { start: string }) => s.start);
}

const book = (json: TestApp['json'], start: string, email = 'ada@example.com') =>
  json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start, customer: { name: 'Ada', email, timeZone: 'UTC' } } });

const activeAt = async (start: string) =>
  (await t.database.db.select({ id: bookings.id }).from(bookings).where(eq(bookings.startAt, Date.parse(start)))).length;

describe('a booking checked against remembered rules', () => {
  it('is refused with 409 when another process booked the time meanwhile, and nothing is written', async () => {
    t = await testApp({ twin: true });
    const starts = await openStarts(t.json);
    expect((await book(t.json, starts[0]!)).status).toBe(201); // this app now remembers the rules
    const taken = starts.at(-1)!;
    expect((await book(t.twin!.json, taken, 'bob@example.com')).status).toBe(201); // the other process
    const refused = await book(t.json, taken);
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'slot_unavailable' });
    expect(await activeAt(taken)).toBe(1);
  });

  it('is refused when the day was closed behind this app’s back after it remembered the rules', async () => {
    t = await testApp();
    const starts = await openStarts(t.json);
    expect((await book(t.json, starts[0]!)).status).toBe(201);
    const later = starts.at(-1)!;
    await t.database.write((tx) =>
      tx.insert(dateOverrides).values({ id: newId('ovr'), specialistId: t.intro.specialistId, fromDate: DAY, toDate: DAY, intervals: [], createdAt: t.now() }),
    );
    const refused = await book(t.json, later);
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 422, code: 'not_a_slot' });
    expect(await activeAt(later)).toBe(0);
  });

  it('is refused when the day was closed behind this app’s back after its slots answer remembered the rules (no booking before)', async () => {
    t = await testApp();
    const later = (await openStarts(t.json)).at(-1)!; // the slots answer computed here: the rules are remembered
    await t.database.write((tx) =>
      tx.insert(dateOverrides).values({ id: newId('ovr'), specialistId: t.intro.specialistId, fromDate: DAY, toDate: DAY, intervals: [], createdAt: t.now() }),
    );
    const refused = await book(t.json, later);
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 422, code: 'not_a_slot' });
    expect(await activeAt(later)).toBe(0);
  });

  it('counts a capped service’s bookings at commit: with the day’s last place taken through another process, the remembered rules book no more that day', async () => {
    t = await testApp({ twin: true });
    const capped = await t.json(`/v1/me/services/${t.intro.id}`, { method: 'PATCH', body: { maxPerDay: 2 }, headers: { authorization: `Bearer ${t.apiKey}` } });
    expect(capped.status).toBe(200);
    const starts = await openStarts(t.json); // this app remembers the rules, caps included
    expect((await book(t.json, starts[0]!)).status).toBe(201); // one place left that day
    expect((await book(t.twin!.json, starts[2]!, 'bob@example.com')).status).toBe(201); // the last, through the other process
    const refused = await book(t.json, starts.at(-1)!, 'cy@example.com');
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'slot_unavailable' });
    expect(await activeAt(starts.at(-1)!)).toBe(0);
    // The next day is another day: booked.
    const next = await openStarts(t.json, '2026-11-24');
    expect((await book(t.json, next[0]!, 'cy@example.com')).status).toBe(201);
  });

  it('is refused when the specialist was suspended after this app remembered them', async () => {
    t = await testApp();
    const starts = await openStarts(t.json);
    expect((await book(t.json, starts[0]!)).status).toBe(201);
    await t.database.write((tx) => tx.update(specialists).set({ status: 'suspended' }).where(eq(specialists.id, t.intro.specialistId)));
    const refused = await book(t.json, starts.at(-1)!);
    expect(refused.body.code).toBe('specialist_unavailable');
    expect(await activeAt(starts.at(-1)!)).toBe(0);
  });

  it('still books a time the remembered rules did not have, once the rules opened it', async () => {
    t = await testApp();
    const starts = await openStarts(t.json);
    expect((await book(t.json, starts[0]!)).status).toBe(201);
    // Saturday is closed in the demo (Europe/Berlin, UTC+1 in November); open 10:00–11:00 there behind the app's back: the remembered rules would refuse.
    const saturday = '2026-11-28';
    expect(await openStarts(t.json, saturday)).toEqual([]);
    await t.database.write((tx) =>
      tx.insert(dateOverrides).values({ id: newId('ovr'), specialistId: t.intro.specialistId, fromDate: saturday, toDate: saturday, intervals: [{ start: 600, end: 660 }], createdAt: t.now() }),
    );
    const res = await book(t.json, `${saturday}T09:00:00.000Z`);
    expect(res.status).toBe(201);
  });
});
